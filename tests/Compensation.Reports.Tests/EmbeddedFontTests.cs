using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>
/// The font programs are compressed after PDFsharp saves (FontPrograms), which moves every object behind
/// them: the cross-reference table must still point at each object, and each font must still be the
/// subset PDFsharp made, with the original widths of every glyph and the original bearing and outline of
/// every glyph it holds.
/// </summary>
public sealed class EmbeddedFontTests
{
    public static TheoryData<string> Documents() => ["notice", "staff", "family", "register"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCrossReference_PointsAtItsObject(string document)
    {
        var pdf = Render(document);
        var text = Encoding.Latin1.GetString(pdf);
        var xref = int.Parse(Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value, CultureInfo.InvariantCulture);
        var table = Regex.Match(text[xref..], @"^xref\n0 (\d+)\n");
        Assert.True(table.Success);
        var count = int.Parse(table.Groups[1].Value, CultureInfo.InvariantCulture);
        for (var number = 1; number < count; number++)
        {
            var entry = text.Substring(xref + table.Length + (20 * number), 20);
            Assert.EndsWith(" 00000 n \n", entry, StringComparison.Ordinal);
            Assert.StartsWith($"{number} 0 obj\n", text[int.Parse(entry[..10], CultureInfo.InvariantCulture)..], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EachFontProgram_KeepsTheWidthsAndTheGlyphsOfTheFont(string document)
    {
        var pdf = Render(document);
        var text = Encoding.Latin1.GetString(pdf);
        var resolver = new ReportFontResolver();
        var descriptors = Regex.Matches(text, @"/FontName/[A-Z]{6}\+LXGW#20WenKai(,Bold)?/FontFile2 (\d+) 0 R");
        Assert.Equal(2, descriptors.Count);
        foreach (Match descriptor in descriptors)
        {
            var original = Font.Parse(File.ReadAllBytes(descriptor.Groups[1].Success ? resolver.BoldPath : resolver.RegularPath));
            var subset = Font.Parse(Stream(pdf, text, int.Parse(descriptor.Groups[2].Value, CultureInfo.InvariantCulture)));
            Assert.Equal(original.Glyphs, subset.Glyphs);
            var outlines = 0;
            for (var glyph = 0; glyph < subset.Glyphs; glyph++)
            {
                Assert.Equal(original.Advance(glyph), subset.Advance(glyph));
                if (subset.Outline(glyph).Length > 0)
                {
                    outlines++;
                    Assert.Equal(original.Bearing(glyph), subset.Bearing(glyph));
                    Assert.Equal(original.Outline(glyph), subset.Outline(glyph));
                }
                else
                {
                    Assert.Equal(0, subset.Bearing(glyph));
                }
            }

            Assert.InRange(outlines, 20, 1000);
            Assert.Equal(0xB1B0AFBAu, subset.Checksum);
            Assert.Equal(subset.Listed("hmtx"), subset.Summed("hmtx")); // the table rewritten with zeroed bearings, and its directory entry
        }
    }

    private static byte[] Render(string document)
    {
        var s = Samples.Get(Samples.Yongqiao);
        return document switch
        {
            "notice" => Support.Render.Pdf.PublicNotice(s.Settlement, s.Policy, Support.Render.Notice(s)),
            "staff" => Support.Render.Pdf.StaffStatement(s.Settlement, s.Policy, "T01", s.Facts.Conduct),
            "family" => Support.Render.Pdf.FamilyStatement(s.Settlement, s.Policy, "S06"),
            _ => Support.Render.Pdf.FamilyRegister(s.Settlement, s.Policy),
        };
    }

    /// <summary>The decoded data of stream object <paramref name="number"/> (FlateDecode, zlib format).</summary>
    private static byte[] Stream(byte[] pdf, string text, int number)
    {
        var header = Regex.Match(text, $@"\n{number} 0 obj\n<</Length1 (\d+)/Filter/FlateDecode/Length (\d+)>>\nstream\n");
        Assert.True(header.Success);
        using var zlib = new ZLibStream(new MemoryStream(pdf, header.Index + header.Length, int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture)), CompressionMode.Decompress);
        using var data = new MemoryStream();
        zlib.CopyTo(data);
        Assert.Equal(int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture), data.Length);
        return data.ToArray();
    }

    /// <summary>The few tables of a TrueType font these tests read.</summary>
    private sealed class Font
    {
        private readonly byte[] data;
        private readonly Dictionary<string, int> offsets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (uint Checksum, int Length)> directory = new(StringComparer.Ordinal);
        private readonly int metrics;
        private readonly bool longLoca;

        private Font(byte[] data)
        {
            this.data = data;
            for (var i = 0; i < U16(4); i++)
            {
                var entry = data.AsSpan(12 + (16 * i));
                var tag = Encoding.ASCII.GetString(entry[..4]);
                offsets[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
                directory[tag] = (BinaryPrimitives.ReadUInt32BigEndian(entry[4..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
            }

            Glyphs = U16(offsets["maxp"] + 4);
            metrics = U16(offsets["hhea"] + 34);
            longLoca = U16(offsets["head"] + 50) == 1;
        }

        public int Glyphs { get; }

        /// <summary>The sum of the font's 32-bit words: 0xB1B0AFBA when head's checkSumAdjustment is right.</summary>
        public uint Checksum => Sum(data);

        /// <summary>A table's checksum as the table directory gives it.</summary>
        public uint Listed(string tag) => directory[tag].Checksum;

        /// <summary>A table's checksum worked out from its bytes: the sum of its 32-bit words, zero-padded at the end.</summary>
        public uint Summed(string tag) => Sum(data.AsSpan(offsets[tag], directory[tag].Length));

        public static Font Parse(byte[] data) => new(data);

        public int Advance(int glyph) => U16(offsets["hmtx"] + (4 * Math.Min(glyph, metrics - 1)));

        public int Bearing(int glyph) => (short)U16(glyph < metrics ? offsets["hmtx"] + (4 * glyph) + 2 : offsets["hmtx"] + (4 * metrics) + (2 * (glyph - metrics)));

        public byte[] Outline(int glyph)
        {
            var start = Location(glyph);
            return data.AsSpan(offsets["glyf"] + start, Location(glyph + 1) - start).ToArray();
        }

        private int Location(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offsets["loca"] + (4 * glyph)))
            : 2 * U16(offsets["loca"] + (2 * glyph));

        private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));

        private static uint Sum(ReadOnlySpan<byte> bytes)
        {
            var padded = new byte[(bytes.Length + 3) / 4 * 4];
            bytes.CopyTo(padded);
            uint sum = 0;
            for (var i = 0; i < padded.Length; i += 4)
            {
                sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(i)));
            }

            return sum;
        }
    }
}
