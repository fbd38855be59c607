using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Makes PDFsharp's output reproducible. PDFsharp 6.5 writes three random values on every save:
/// the six-letter tag of each embedded font subset ("XRGVKW+LXGW WenKai", from Guid.NewGuid), the
/// document and instance uuids of the XMP metadata, and the trailer's /ID. All three are in
/// uncompressed parts of the file, so they are replaced in place by values of the same length: the
/// tags by letters derived from their order in the file, the uuids and the /ID by a SHA-256 of the
/// file itself (with those fields blanked). Equal lengths keep every cross-reference offset valid.
/// </summary>
internal static partial class PdfDeterminism
{
    /// <summary>Set as both document ids before saving; 16 characters, written as 32 hex digits.</summary>
    public const string IdPlaceholder = "0000000000000000";

    // Latin-1 maps every byte to one char and back, so regexes can work on the raw file.
    private static readonly Encoding Bytes = Encoding.Latin1;

    public static byte[] Normalize(byte[] pdf)
    {
        var text = Bytes.GetString(pdf);
        text = FixSubsetTags(text);
        text = Uuid().Replace(text, m => "uuid:" + new string('0', 8) + "-0000-0000-0000-" + new string('0', 12));
        text = TrailerId().Replace(text, m => $"/ID[<{new string('0', m.Groups[1].Length)}><{new string('0', m.Groups[2].Length)}>]");

        var hash = SHA256.HashData(Bytes.GetBytes(text));
        var hex = Convert.ToHexString(hash);
        text = Uuid().Replace(text, m => "uuid:" + FormatUuid(hash));
        text = TrailerId().Replace(text, m => $"/ID[<{Fill(hex, m.Groups[1].Length)}><{Fill(hex, m.Groups[2].Length)}>]");
        var result = Bytes.GetBytes(text);
        if (result.Length != pdf.Length)
        {
            throw new InvalidOperationException("normalising the PDF changed its length; its cross-reference table would be wrong");
        }

        return result;
    }

    /// <summary>The k-th distinct tag in the file becomes six letters from a hash of k: stable, and distinct within the file.</summary>
    private static string FixSubsetTags(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        return SubsetTag().Replace(text, m =>
        {
            var tag = m.Groups[1].Value;
            if (!map.TryGetValue(tag, out var stable))
            {
                var salt = map.Count;
                do
                {
                    stable = Letters(SHA256.HashData(Encoding.ASCII.GetBytes("compensation-subset-" + salt)));
                    salt += 1000;
                }
                while (!used.Add(stable));

                map[tag] = stable;
            }

            return "/" + stable + "+";
        });
    }

    private static string Letters(byte[] hash) => string.Concat(hash.Take(6).Select(b => (char)('A' + (b % 26))));

    private static string FormatUuid(byte[] hash)
    {
        var h = Convert.ToHexString(hash.AsSpan(16, 16)).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..32]}";
    }

    private static string Fill(string hex, int length) => string.Concat(Enumerable.Repeat(hex, (length / hex.Length) + 1))[..length];

    // The tag is only replaced in front of the font's name, so bytes inside compressed streams that happen to look like a tag are left alone.
    [GeneratedRegex(@"/([A-Z]{6})\+(?=LXGW)", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"/ID\[<([0-9A-Fa-f]+)><([0-9A-Fa-f]+)>\]", RegexOptions.CultureInvariant)]
    private static partial Regex TrailerId();
}
