using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Compresses the embedded font programs of a saved PDF, without the part of them that only costs time.
/// PDFsharp 6.5 embeds a subset of LXGW WenKai that keeps the glyph ids of the whole font: its glyf table
/// holds only the glyphs a document uses, but its hmtx table is the whole font's, an advance width and a
/// left side bearing for each of its 29,145 glyphs (116 KB a face). The bearings hardly compress: deflated,
/// they were some 33 KB of each face's font stream, and deflating them was most of the time a statement took.
/// <see cref="ReportDocument"/> has PDFsharp write the font programs uncompressed (content streams are still
/// compressed) and this sets the left side bearing of every glyph without an outline in the subset to zero —
/// a bearing places an outline, and those glyphs have none — recomputes the font's checksums, and deflates
/// the program. Every advance width stays, and every glyph the document shows keeps its bytes. The other
/// objects are copied unchanged; the cross-reference table and startxref are moved by what the font streams
/// shrank. The result depends only on the input, so the bytes stay reproducible.
/// </summary>
internal static class FontPrograms
{
    private static readonly Encoding Ascii = Encoding.ASCII;

    /// <summary>The PDF with its font programs compacted; <paramref name="pdf"/> (a buffer the caller discards) is changed on the way.</summary>
    public static byte[] Compact(Span<byte> pdf)
    {
        var xref = StartXref(pdf);
        var entries = XrefEntries(pdf, xref);
        var splices = new List<(int Start, int End, byte[] Bytes)>();
        foreach (var (number, offset, _) in entries)
        {
            if (UncompressedFontProgram(pdf, number, offset) is { } program)
            {
                splices.Add(program);
            }
        }

        splices.Sort((a, b) => a.Start.CompareTo(b.Start));
        var moved = Moved(xref.Table, splices);
        var startxref = Ascii.GetBytes(moved.ToString(CultureInfo.InvariantCulture));
        var output = GC.AllocateUninitializedArray<byte>(checked((int)(moved + (xref.Value - xref.Table) + startxref.Length + (pdf.Length - xref.ValueEnd))));
        var to = 0;
        var at = 0;
        void Copy(ReadOnlySpan<byte> part)
        {
            part.CopyTo(output.AsSpan(to));
            to += part.Length;
        }

        foreach (var (start, end, bytes) in splices)
        {
            Copy(pdf[at..start]);
            Copy(bytes);
            at = end;
        }

        Copy(pdf[at..xref.Value]);

        // The table keeps its layout: only the ten digits of each entry's offset change.
        foreach (var entry in entries)
        {
            var digits = (int)moved + (entry.Position - xref.Table);
            Ascii.GetBytes(Moved(entry.Offset, splices).ToString("D10", CultureInfo.InvariantCulture), output.AsSpan(digits, 10));
        }

        Copy(startxref);
        Copy(pdf[xref.ValueEnd..]);
        return output;
    }

    /// <summary>Where the cross-reference table starts (the value of startxref), and where that value is written.</summary>
    private static (int Table, int Value, int ValueEnd) StartXref(ReadOnlySpan<byte> pdf)
    {
        var keyword = pdf.LastIndexOf("startxref\n"u8);
        if (keyword < 0)
        {
            throw Unexpected("no startxref");
        }

        var value = keyword + "startxref\n".Length;
        var end = value;
        while (end < pdf.Length && char.IsAsciiDigit((char)pdf[end]))
        {
            end++;
        }

        var xref = int.Parse(pdf[value..end], CultureInfo.InvariantCulture);
        if (!pdf[xref..].StartsWith("xref\n"u8))
        {
            throw Unexpected("startxref does not point at a cross-reference table");
        }

        return (xref, value, end);
    }

    /// <summary>The in-use entries of the one cross-reference section PDFsharp writes: object number, offset, and where the entry's offset digits are.</summary>
    private static List<(int Number, int Offset, int Position)> XrefEntries(ReadOnlySpan<byte> pdf, (int Table, int Value, int ValueEnd) xref)
    {
        var header = xref.Table + "xref\n".Length;
        var lineEnd = pdf[header..].IndexOf((byte)'\n');
        var section = Ascii.GetString(pdf.Slice(header, lineEnd)).Split(' ');
        if (section.Length != 2 || section[0] != "0")
        {
            throw Unexpected("a cross-reference table of more than one section");
        }

        var count = int.Parse(section[1], CultureInfo.InvariantCulture);
        var entries = new List<(int Number, int Offset, int Position)>(count);
        var position = header + lineEnd + 1;
        for (var number = 0; number < count; number++, position += 20)
        {
            // "nnnnnnnnnn ggggg n \n": an in-use entry; "f" marks the free list.
            if (pdf[position + 17] == (byte)'n')
            {
                entries.Add((number, int.Parse(pdf.Slice(position, 10), CultureInfo.InvariantCulture), position));
            }
        }

        if (!pdf[position..].StartsWith("trailer"u8))
        {
            throw Unexpected("the cross-reference table is not followed by the trailer");
        }

        return entries;
    }

    /// <summary>An object "N 0 obj &lt;&lt;/Length1 L/Length L&gt;&gt; stream …" (a font program PDFsharp wrote uncompressed), as the splice that replaces its dictionary and data.</summary>
    private static (int Start, int End, byte[] Bytes)? UncompressedFontProgram(Span<byte> pdf, int number, int offset)
    {
        var prefix = Ascii.GetBytes($"{number} 0 obj\n<</Length1 ");
        if (!pdf[offset..].StartsWith(prefix))
        {
            return null;
        }

        var dictionary = offset + prefix.Length - "<</Length1 ".Length;
        var streamKeyword = pdf[dictionary..].IndexOf(">>\nstream\n"u8);
        var fields = Ascii.GetString(pdf.Slice(dictionary, streamKeyword)).Split(['<', '/', ' ', '>'], StringSplitOptions.RemoveEmptyEntries);
        if (fields is not ["Length1", var length1, "Length", var length] || length1 != length)
        {
            return null;
        }

        var size = int.Parse(length, CultureInfo.InvariantCulture);
        var data = dictionary + streamKeyword + ">>\nstream\n".Length;
        if (!pdf[(data + size)..].StartsWith("\nendstream"u8))
        {
            throw Unexpected($"the stream of object {number} is not as long as its /Length");
        }

        var font = pdf.Slice(data, size);
        ClearUnusedBearings(font);
        using var compressed = new MemoryStream(size / 4);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(font);
        }

        var head = Ascii.GetBytes($"<</Length1 {size}/Filter/FlateDecode/Length {compressed.Length}>>\nstream\n");
        return (dictionary, data + size, [.. head, .. compressed.GetBuffer().AsSpan(0, (int)compressed.Length)]);
    }

    /// <summary>
    /// Zeroes the left side bearing (in hmtx) of each glyph that has no outline in glyf, and brings the table's
    /// checksum and the font's checkSumAdjustment up to date (OpenType specification, "Table directory" and "head").
    /// </summary>
    private static void ClearUnusedBearings(Span<byte> font)
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

    private static long Moved(int offset, List<(int Start, int End, byte[] Bytes)> splices)
    {
        long moved = offset;
        foreach (var (start, end, bytes) in splices)
        {
            if (end <= offset)
            {
                moved += bytes.Length - (end - start);
            }
        }

        return moved;
    }

    private static InvalidOperationException Unexpected(string what) =>
        new($"the PDF PDFsharp wrote is not laid out as expected ({what}); its font programs cannot be compacted");
}
