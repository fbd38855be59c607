using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Compensation.Reports.Excel;

/// <summary>
/// Makes ClosedXML's package reproducible. System.IO.Packaging, which ClosedXML 0.95 saves through,
/// names the core-properties part after a new Guid, gives the package relationships random ids
/// ("R" and 16 hex digits) and stamps every zip entry with the current time. The package is
/// rewritten entry by entry, in the same order, with those names and ids derived from hashes of
/// the content and every entry dated <c>date</c>.
/// </summary>
internal static partial class WorkbookDeterminism
{
    public static byte[] Normalize(byte[] package, DateTime date)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in entries)
        {
            var match = CorePropertiesPart().Match(name);
            if (match.Success)
            {
                var stable = Convert.ToHexString(SHA256.HashData(content))[..32].ToLowerInvariant();
                renames[match.Groups[1].Value] = stable;
            }
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var newName = Rename(name, renames);
                var newContent = name.EndsWith(".rels", StringComparison.Ordinal) ? Relationships(name, content, renames) : content;
                var entry = zip.CreateEntry(newName, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(newContent);
            }
        }

        return output.ToArray();
    }

    private static string Rename(string text, Dictionary<string, string> renames)
    {
        foreach (var (from, to) in renames)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Random relationship ids become "R" + 16 hex digits of a hash of the part's name and the id's position.</summary>
    private static byte[] Relationships(string part, byte[] content, Dictionary<string, string> renames)
    {
        var text = Rename(Encoding.UTF8.GetString(content), renames);
        var index = 0;
        text = RandomRelationshipId().Replace(text, _ =>
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{part}#{index++}"));
            return "Id=\"R" + Convert.ToHexString(hash)[..16].ToLowerInvariant() + "\"";
        });
        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex(@"^package/services/metadata/core-properties/([0-9a-f]{32})\.psmdcp$", RegexOptions.CultureInvariant)]
    private static partial Regex CorePropertiesPart();

    [GeneratedRegex(@"Id=""R[0-9a-f]{16}""", RegexOptions.CultureInvariant)]
    private static partial Regex RandomRelationshipId();
}
