using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// The ToUnicode CMap of a font, written so that programs which re-write PDFs keep the text. PDFsharp 6.5
/// writes every mapping as a one-code range ("&lt;0003&gt;&lt;0003&gt;&lt;0020&gt;", 260 of them in one
/// beginbfrange block of the notice's regular font); Ghostscript's pdfwrite drops such a CMap, and every
/// Chinese character of its output then reads as gibberish. This writes each code as a bfchar entry, at most
/// 100 entries a block (the limit of Adobe Technical Note #5014, "Adobe CMap and CIDFont Files
/// Specification"), over the two-byte codespace of Identity-H. Runs of consecutive codes are not written as
/// bfrange: Ghostscript 10.0 (Debian 12) reads a range of two or more codes whose destination is above
/// U+00FF as other characters (&lt;08C9&gt; &lt;08CA&gt; &lt;3001&gt; came out as "1" and "2"), and the
/// bytes a range would save are few once the stream is deflated.
/// </summary>
internal static partial class ToUnicodeCMap
{
    private const int BlockLimit = 100;

    /// <summary>Whether a stream's data is a CMap as PDFsharp writes it.</summary>
    public static bool Is(ReadOnlySpan<byte> data) => data.StartsWith("/CIDInit /ProcSet findresource begin"u8);

    /// <summary>The CMap's mappings, written anew.</summary>
    public static byte[] Rewrite(ReadOnlySpan<byte> data) => Write(Read(Encoding.ASCII.GetString(data)));

    /// <summary>Every code and the UTF-16 code units it stands for, from the bfchar and bfrange blocks of <paramref name="cmap"/>.</summary>
    internal static SortedDictionary<int, string> Read(string cmap)
    {
        var map = new SortedDictionary<int, string>();
        foreach (Match block in Block().Matches(cmap))
        {
            var body = block.Groups["body"].Value;
            if (body.Contains('[', StringComparison.Ordinal))
            {
                throw PdfStreams.Unexpected("a ToUnicode CMap with an array of destinations");
            }

            var codes = HexString().Matches(body).Select(m => m.Groups[1].Value).ToList();
            var range = block.Groups["kind"].Value == "range";
            var width = range ? 3 : 2;
            if (codes.Count % width != 0 || codes.Count / width != int.Parse(block.Groups["count"].Value, CultureInfo.InvariantCulture))
            {
                throw PdfStreams.Unexpected("a ToUnicode CMap block whose entries do not match its count");
            }

            for (var i = 0; i < codes.Count; i += width)
            {
                var first = Code(codes[i]);
                var last = range ? Code(codes[i + 1]) : first;
                var destination = Units(codes[i + width - 1]);
                for (var code = first; code <= last; code++)
                {
                    map[code] = destination;
                    destination = Next(destination) ?? (code == last ? destination : throw PdfStreams.Unexpected("a ToUnicode range whose destination runs past a last byte of FF"));
                }
            }
        }

        if (map.Count == 0)
        {
            throw PdfStreams.Unexpected("a ToUnicode CMap without mappings");
        }

        return map;
    }

    /// <summary>The CMap of <paramref name="map"/>, every code a bfchar entry.</summary>
    internal static byte[] Write(SortedDictionary<int, string> map)
    {
        var text = new StringBuilder();
        text.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        text.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
        text.Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        text.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in map.Chunk(BlockLimit))
        {
            text.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (code, units) in chunk)
            {
                text.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <{Hex(units)}>\n");
            }

            text.Append("endbfchar\n");
        }

        text.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The destination after <paramref name="units"/> in a bfrange: its last byte counted up; null past 0xFF (PDF 32000-1:2008, 9.10.3).</summary>
    private static string? Next(string units)
    {
        var last = units[^1];
        return (last & 0xFF) == 0xFF ? null : string.Concat(units.AsSpan(0, units.Length - 1), ((char)(last + 1)).ToString());
    }

    private static int Code(string hex) => hex.Length == 4
        ? int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
        : throw PdfStreams.Unexpected($"a ToUnicode code <{hex}> that is not two bytes");

    private static string Units(string hex)
    {
        if (hex.Length == 0 || hex.Length % 4 != 0)
        {
            throw PdfStreams.Unexpected($"a ToUnicode destination <{hex}> that is not UTF-16");
        }

        var units = new char[hex.Length / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)int.Parse(hex.AsSpan(4 * i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return new string(units);
    }

    private static string Hex(string units) => string.Concat(units.Select(u => ((int)u).ToString("X4", CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"(?<count>\d+)\s+beginbf(?<kind>char|range)(?<body>.*?)endbf\k<kind>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Block();

    [GeneratedRegex(@"<([0-9A-Fa-f]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex HexString();
}
