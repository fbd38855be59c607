using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Writes the streams of a saved PDF the way other programs read them. <see cref="ReportDocument"/> has
/// PDFsharp 6.5 save every stream uncompressed, because PDFsharp's own Flate streams end without their
/// zlib (Adler-32) checksum, on which qpdf, mutool and Ghostscript warn. This pass then
/// <list type="bullet">
/// <item>compacts each font program (<see cref="FontPrograms"/>) and names its subset by a hash of it,</item>
/// <item>rewrites each ToUnicode CMap with bfchar and bfrange blocks (<see cref="ToUnicodeCMap"/>), and</item>
/// <item>deflates every stream except the XMP metadata into the zlib format, checksum included.</item>
/// </list>
/// The other objects are copied unchanged; the cross-reference table and startxref are moved by what the
/// streams shrank. The result depends only on the input, so the bytes stay reproducible.
/// </summary>
internal static class PdfStreams
{
    private static readonly Encoding Ascii = Encoding.ASCII;

    /// <summary>The PDF with its streams rewritten; <paramref name="pdf"/> (a buffer the caller discards) is changed on the way.</summary>
    public static byte[] Rewrite(Span<byte> pdf)
    {
        var xref = StartXref(pdf);
        var entries = XrefEntries(pdf, xref);
        var objects = Objects(pdf, entries, xref.Table);

        // Font programs first: their subset tags are written into the dictionaries before anything moves.
        var tags = new Dictionary<int, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (o.Stream is { } s && o.Dictionary.Contains("/Length1 ", StringComparison.Ordinal))
            {
                var program = pdf.Slice(s.Data, s.Length);
                FontPrograms.ClearUnusedBearings(program);
                tags[o.Number] = FontPrograms.SubsetTag(program, used);
            }
        }

        RenameSubsets(pdf, objects, tags);

        var splices = new List<(int Start, int End, byte[] Bytes)>();
        foreach (var o in objects)
        {
            if (o.Stream is { } s && !o.Dictionary.Contains("/Type/Metadata", StringComparison.Ordinal))
            {
                if (o.Dictionary.Contains("/Filter", StringComparison.Ordinal))
                {
                    throw Unexpected($"object {o.Number} was compressed by PDFsharp, without its zlib checksum");
                }

                ReadOnlySpan<byte> data = pdf.Slice(s.Data, s.Length);
                if (ToUnicodeCMap.Is(data))
                {
                    data = ToUnicodeCMap.Rewrite(data);
                }

                splices.Add((s.DictionaryStart, s.Data + s.Length, Deflated(o.Dictionary, s.Length, data)));
            }
        }

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

    /// <summary>The dictionary "&lt;&lt;…/Length n…&gt;&gt;" with /Filter/FlateDecode and the new length, then the deflated data.</summary>
    private static byte[] Deflated(string dictionary, int length, ReadOnlySpan<byte> data)
    {
        using var compressed = new MemoryStream((data.Length / 3) + 64);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        var key = $"/Length {length.ToString(CultureInfo.InvariantCulture)}";
        var at = dictionary.IndexOf(key, StringComparison.Ordinal);
        var after = at < 0 ? -1 : at + key.Length;
        if (at < 0 || (after < dictionary.Length && dictionary[after] is not ('/' or '>')))
        {
            throw Unexpected($"a stream dictionary without a direct /Length: {dictionary}");
        }

        var head = Ascii.GetBytes(
            $"{dictionary[..at]}/Filter/FlateDecode/Length {compressed.Length.ToString(CultureInfo.InvariantCulture)}{dictionary[after..]}\nstream\n");
        return [.. head, .. compressed.GetBuffer().AsSpan(0, (int)compressed.Length)];
    }

    /// <summary>
    /// Gives each font descriptor's subset the tag of its font program, wherever the old tag names the font
    /// ("/XXXXXX+" in the descriptor's /FontName and the fonts' /BaseFont). Only dictionaries are changed:
    /// every stream is still uncompressed content, which names fonts by resource (/F0), not by tag.
    /// </summary>
    private static void RenameSubsets(Span<byte> pdf, List<PdfObject> objects, Dictionary<int, string> tags)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            var name = o.Dictionary.IndexOf("/FontName/", StringComparison.Ordinal);
            var file = o.Dictionary.IndexOf("/FontFile2 ", StringComparison.Ordinal);
            if (name < 0 || file < 0)
            {
                continue;
            }

            var tag = o.Dictionary.Substring(name + "/FontName/".Length, 7);
            var reference = o.Dictionary[(file + "/FontFile2 ".Length)..].Split(' ')[0];
            if (tag[6] != '+' || !tags.TryGetValue(int.Parse(reference, CultureInfo.InvariantCulture), out var stable))
            {
                throw Unexpected($"a font descriptor without a subset tag or without its font program: {o.Dictionary}");
            }

            renames[tag[..6]] = stable;
        }

        foreach (var o in objects)
        {
            var end = o.Stream?.DictionaryStart + o.Dictionary.Length ?? o.End;
            var span = pdf[o.Offset..end];
            foreach (var (old, stable) in renames)
            {
                var pattern = Ascii.GetBytes($"/{old}+");
                for (var at = span.IndexOf(pattern); at >= 0;)
                {
                    Ascii.GetBytes(stable, span.Slice(at + 1, 6));
                    var next = span[(at + 1)..].IndexOf(pattern);
                    at = next < 0 ? -1 : at + 1 + next;
                }
            }
        }
    }

    /// <summary>Each in-use object: its extent (up to the next object or the cross-reference table), its dictionary, and its stream if it has one.</summary>
    private static List<PdfObject> Objects(ReadOnlySpan<byte> pdf, List<(int Number, int Offset, int Position)> entries, int table)
    {
        var byOffset = entries.OrderBy(e => e.Offset).ToList();
        var objects = new List<PdfObject>(byOffset.Count);
        for (var i = 0; i < byOffset.Count; i++)
        {
            var (number, offset, _) = byOffset[i];
            var end = i + 1 < byOffset.Count ? byOffset[i + 1].Offset : table;
            var header = Ascii.GetBytes($"{number} 0 obj\n");
            if (!pdf[offset..].StartsWith(header))
            {
                throw Unexpected($"the cross-reference entry of object {number} does not point at it");
            }

            var body = offset + header.Length;
            var extent = pdf[body..end];
            var streamKeyword = extent.IndexOf(">>\nstream\n"u8);
            if (streamKeyword < 0 || !extent.StartsWith("<<"u8))
            {
                objects.Add(new PdfObject(number, offset, end, Ascii.GetString(extent), null));
                continue;
            }

            var dictionary = Ascii.GetString(extent[..(streamKeyword + 2)]);
            var data = body + streamKeyword + ">>\nstream\n".Length;
            var length = LengthOf(dictionary);
            if (!pdf[(data + length)..].StartsWith("\nendstream"u8))
            {
                throw Unexpected($"the stream of object {number} is not as long as its /Length");
            }

            objects.Add(new PdfObject(number, offset, end, dictionary, new StreamData(body, data, length)));
        }

        return objects;
    }

    private static int LengthOf(string dictionary)
    {
        var at = dictionary.IndexOf("/Length ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw Unexpected($"a stream without /Length: {dictionary}");
        }

        var digits = dictionary[(at + "/Length ".Length)..];
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        if (end == 0 || (end < digits.Length && digits[end] == ' '))
        {
            throw Unexpected($"a stream whose /Length is not a direct number: {dictionary}");
        }

        return int.Parse(digits[..end], CultureInfo.InvariantCulture);
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

    internal static InvalidOperationException Unexpected(string what) =>
        new($"the PDF PDFsharp wrote is not laid out as expected ({what}); its streams cannot be rewritten");

    /// <summary>An object of the file: where it starts and ends, its dictionary (or its whole body when it has no stream), and its stream.</summary>
    private sealed record PdfObject(int Number, int Offset, int End, string Dictionary, StreamData? Stream);

    /// <summary>Where a stream object's dictionary starts, where its data starts, and the data's length.</summary>
    private sealed record StreamData(int DictionaryStart, int Data, int Length);
}
