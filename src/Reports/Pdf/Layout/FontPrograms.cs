using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// The embedded font programs, without the part of them that only costs time, and named by what they hold.
/// PDFsharp 6.5 embeds a subset of LXGW WenKai that keeps the glyph ids of the whole font: its glyf table
/// holds only the glyphs a document uses, but its hmtx table is the whole font's, an advance width and a
/// left side bearing for each of its 29,145 glyphs (116 KB a face). The bearings hardly compress: deflated,
/// they were some 33 KB of each face's font stream, and deflating them was most of the time a statement took.
/// This sets the left side bearing of every glyph without an outline in the subset to zero — a bearing places
/// an outline, and those glyphs have none — and recomputes the font's checksums; <see cref="PdfStreams"/>
/// deflates the program. Every advance width stays, and every glyph the document shows keeps its bytes.
/// </summary>
internal static class FontPrograms
{
    private static readonly Encoding Ascii = Encoding.ASCII;

    /// <summary>
    /// The six capital letters before "+" in the font's name (PDF 32000-1:2008, 9.6.4 "Font subsets"), from a
    /// SHA-256 of the subset's program: the same subset always has the same tag, and different subsets differ.
    /// PDFsharp draws the tag at random. Should two subsets of one document ever meet on the same letters, the
    /// next letters of the hash are taken (<paramref name="used"/> holds the document's tags so far).
    /// </summary>
    public static string SubsetTag(ReadOnlySpan<byte> program, HashSet<string> used)
    {
        var hash = SHA256.HashData(program);
        for (var at = 0; at + 8 <= hash.Length; at += 8)
        {
            var value = BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(at));
            var letters = new char[6];
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = (char)('A' + (int)(value % 26));
                value /= 26;
            }

            var tag = new string(letters);
            if (used.Add(tag))
            {
                return tag;
            }
        }

        throw new InvalidOperationException("four subsets of one document share their tags");
    }

    /// <summary>
    /// Zeroes the left side bearing (in hmtx) of each glyph that has no outline in glyf, and brings the table's
    /// checksum and the font's checkSumAdjustment up to date (OpenType specification, "Table directory" and "head").
    /// </summary>
    public static void ClearUnusedBearings(Span<byte> font)
    {
        var tables = new Dictionary<string, (int Entry, int Offset, int Length)>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < count; i++)
        {
            var entry = font[(12 + (16 * i))..];
            tables[Ascii.GetString(entry[..4])] = (12 + (16 * i), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
        }

        if (!tables.TryGetValue("head", out var head) || !tables.TryGetValue("hhea", out var hhea) || !tables.TryGetValue("maxp", out var maxp)
            || !tables.TryGetValue("loca", out var loca) || !tables.TryGetValue("hmtx", out var hmtx))
        {
            throw Unexpected("an embedded font without head, hhea, maxp, loca or hmtx");
        }

        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font[(head.Offset + 50)..]) == 1;
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font[(maxp.Offset + 4)..]);
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(font[(hhea.Offset + 34)..]);
        if (metrics > glyphs || hmtx.Length != (4 * metrics) + (2 * (glyphs - metrics)) || loca.Length < (glyphs + 1) * (longOffsets ? 4 : 2))
        {
            throw Unexpected("an embedded font whose hmtx or loca does not match its glyph count");
        }

        var locations = font.Slice(loca.Offset, loca.Length);
        var bearings = font.Slice(hmtx.Offset, hmtx.Length);
        var next = Location(locations, longOffsets, 0);
        for (var glyph = 0; glyph < glyphs; glyph++)
        {
            var start = next;
            next = Location(locations, longOffsets, glyph + 1);
            if (next == start)
            {
                bearings.Slice(glyph < metrics ? (4 * glyph) + 2 : (4 * metrics) + (2 * (glyph - metrics)), 2).Clear();
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(font[(hmtx.Entry + 4)..], Checksum(bearings));
        BinaryPrimitives.WriteUInt32BigEndian(font[(head.Offset + 8)..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(font[(head.Offset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
    }

    private static uint Location(ReadOnlySpan<byte> loca, bool longOffsets, int glyph) => longOffsets
        ? BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph)..])
        : BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph)..]);

    /// <summary>The sum of the big-endian 32-bit words of <paramref name="data"/>, the last padded with zeros.</summary>
    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length / 4 * 4;
        foreach (var word in MemoryMarshal.Cast<byte, uint>(data[..whole]))
        {
            sum = unchecked(sum + (BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static InvalidOperationException Unexpected(string what) =>
        new($"an embedded font program is not laid out as expected ({what})");
}
