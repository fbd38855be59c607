namespace Compensation.Reports.Pdf;

/// <summary>Where fonts are usually installed, and a search for one file name in them.</summary>
internal static class FontFolders
{
    public static IReadOnlyList<string> SystemFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new List<string>
        {
            // Debian's fonts-lxgw-wenkai puts the files here; listed first so the common case is one lookup.
            "/usr/share/fonts/truetype/lxgw-wenkai",
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
            "/Library/Fonts",
        };
        if (!string.IsNullOrEmpty(home))
        {
            candidates.Add(Path.Combine(home, ".local", "share", "fonts"));
            candidates.Add(Path.Combine(home, ".fonts"));
            candidates.Add(Path.Combine(home, "Library", "Fonts"));
            candidates.Add(Path.Combine(home, "AppData", "Local", "Microsoft", "Windows", "Fonts"));
        }

        return candidates.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first match in folder order; within a folder tree the ordinally smallest path, so the choice never depends on directory order.</summary>
    public static string? Find(IEnumerable<string> folders, string fileName)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var match = Directory.EnumerateFiles(folder, fileName, options).Order(StringComparer.Ordinal).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }
}
