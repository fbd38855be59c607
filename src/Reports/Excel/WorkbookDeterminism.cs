using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Compensation.Reports.Excel;

/// <summary>
/// Makes ClosedXML's package reproducible. System.IO.Packaging, which ClosedXML 0.95 saves through,
/// names the core-properties part after a new Guid, gives the package relationships random ids
/// ("R" and 16 hex digits) and stamps every zip entry with the current time. The package is
/// rewritten entry by entry, in the same order, with those names and ids derived from hashes of
/// the content and every entry dated <c>date</c>. Each formula gets its value on the way
/// (<see cref="FormulaValues"/>), and the parts of the <c>streamed</c> sheets get their rows
/// (<see cref="StreamedSheet"/>, written on a second thread while this one compresses:
/// <see cref="PartPipe"/>); entries are copied stream to stream, so only the compressed result is held
/// in memory.
/// </summary>
internal static partial class WorkbookDeterminism
{
    public static byte[] Normalize(byte[] package, DateTime date, IReadOnlyList<StreamedSheet> streamed, IReadOnlyList<FormulaValues> formulas)
    {
        var withFormulas = formulas.Where(f => f.Count > 0).ToList();
        var parts = SheetParts(package, streamed.Select(s => s.Name).Concat(withFormulas.Select(f => f.Sheet)).Distinct(StringComparer.Ordinal));
        var streamedParts = new Dictionary<string, StreamedSheet>(StringComparer.Ordinal);
        var formulaParts = new Dictionary<string, FormulaValues>(StringComparer.Ordinal);
        foreach (var (part, sheet) in parts)
        {
            if (streamed.SingleOrDefault(s => s.Name == sheet) is { } rows)
            {
                streamedParts.Add(part, rows);
            }

            if (withFormulas.SingleOrDefault(f => f.Sheet == sheet) is { } values)
            {
                formulaParts.Add(part, values);
            }
        }

        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in input.Entries)
        {
            var match = CorePropertiesPart().Match(entry.FullName);
            if (match.Success)
            {
                using var stream = entry.Open();
                var stable = Convert.ToHexString(SHA256.HashData(Read(stream)))[..32].ToLowerInvariant();
                renames[match.Groups[1].Value] = stable;
            }
        }

        var written = 0;
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var name = entry.FullName;
                var copy = zip.CreateEntry(Rename(name, renames), CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
                using var target = copy.Open();
                using var source = entry.Open();
                var values = formulaParts.GetValueOrDefault(name);
                if (streamedParts.TryGetValue(name, out var sheet))
                {
                    PartPipe.Copy(part => sheet.Write(source, part, values), target);
                    written++;
                }
                else if (values is not null)
                {
                    target.Write(Encoding.UTF8.GetBytes(values.Fill(Encoding.UTF8.GetString(Read(source)))));
                }
                else if (name.EndsWith(".rels", StringComparison.Ordinal))
                {
                    target.Write(Relationships(name, Read(source), renames));
                }
                else
                {
                    source.CopyTo(target);
                }
            }
        }

        if (written != streamedParts.Count)
        {
            throw new InvalidOperationException($"{streamedParts.Count - written} streamed sheet(s) not found in the package");
        }

        foreach (var values in formulas)
        {
            values.EnsureFilled();
        }

        return output.ToArray();
    }

    /// <summary>The zip entry of each sheet named in <paramref name="names"/>, found through the workbook's sheets and relationships, with the sheet's name.</summary>
    private static Dictionary<string, string> SheetParts(byte[] package, IEnumerable<string> names)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = names.ToList();
        if (wanted.Count == 0)
        {
            return parts;
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(package, writable: false), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("the package has no workbook");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        foreach (var name in wanted)
        {
            var id = sheets.SingleOrDefault(s => s.Name?.Value == name)?.Id?.Value ?? throw new InvalidOperationException($"the workbook has no sheet {name}");
            parts.Add(workbook.GetPartById(id).Uri.OriginalString.TrimStart('/'), name);
        }

        return parts;
    }

    private static byte[] Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
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
