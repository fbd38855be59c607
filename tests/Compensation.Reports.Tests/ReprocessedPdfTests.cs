using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>
/// Our PDFs as other programs re-write and check them: Ghostscript's pdfwrite (how people merge, shrink or
/// archive PDFs) keeps every character of the text, qpdf finds nothing to warn about, and each font subset
/// is named by its contents.
/// </summary>
public sealed class ReprocessedPdfTests
{
    public static TheoryData<string> Documents() => ["notice", "staff", "family"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void TheText_IsTheSameAfterGhostscriptRewritesTheFile(string document)
    {
        using var scratch = new Tools.Scratch();
        var original = scratch.File("original.pdf");
        var rewritten = scratch.File("rewritten.pdf");
        File.WriteAllBytes(original, Render(document));
        Tools.Succeed("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=" + rewritten, original);

        var before = TextLines(original);
        var after = TextLines(rewritten);
        Assert.Contains(before, line => line.Contains("课后服务", StringComparison.Ordinal));
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Qpdf_ChecksTheFileWithoutWarnings(string document)
    {
        using var scratch = new Tools.Scratch();
        var file = scratch.File("document.pdf");
        File.WriteAllBytes(file, Render(document));

        // qpdf exits with 3 when it only warns; a stream without its zlib checksum is such a warning.
        var check = Tools.Run("qpdf", "--check", file);
        Assert.True(check.ExitCode == 0, $"qpdf --check exited with {check.ExitCode}:\n{check.Output}\n{check.Errors}");
        Assert.DoesNotContain("WARNING", check.Output + check.Errors, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryFlateStream_EndsWithItsAdler32Checksum(string document)
    {
        var pdf = Render(document);
        var text = Encoding.Latin1.GetString(pdf);
        var streams = Regex.Matches(text, @"<<([^\n]*?)/Filter/FlateDecode/Length (\d+)>>\nstream\n");
        Assert.True(streams.Count >= 5, $"{streams.Count} Flate streams");
        foreach (Match stream in streams)
        {
            var data = pdf.AsSpan(stream.Index + stream.Length, int.Parse(stream.Groups[2].Value, CultureInfo.InvariantCulture));
            var inflated = Inflate(data[2..^4]);
            Assert.Equal(Adler32(inflated), BinaryPrimitives.ReadUInt32BigEndian(data[^4..]));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EachCMap_WritesEveryCodeAsBfchar_InBlocksOfAtMost100(string document)
    {
        var pdf = Render(document);
        var cmaps = Cmaps(pdf);
        Assert.Equal(2, cmaps.Count);
        foreach (var cmap in cmaps)
        {
            Assert.DoesNotContain("bfrange", cmap, StringComparison.Ordinal);
            Assert.Contains("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange", cmap, StringComparison.Ordinal);
            var blocks = Regex.Matches(cmap, @"(\d+) beginbfchar\n(.*?)endbfchar", RegexOptions.Singleline);
            Assert.NotEmpty(blocks);
            foreach (Match block in blocks)
            {
                var count = int.Parse(block.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.InRange(count, 1, 100);
                Assert.Equal(count, Regex.Matches(block.Groups[2].Value, @"^<[0-9A-F]{4}> <[0-9A-F]{4,}>$", RegexOptions.Multiline).Count);
            }
        }
    }

    [Fact]
    public void PdfSharpsOneCodeRanges_AndTrueRanges_AreReadAsTheirCharacters()
    {
        const string pdfSharp = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0003><6ABB>\nendcodespacerange\n"
            + "3 beginbfrange\n<0003><0003><0020>\n<08C9><08CA><3001>\n<4DAF><4DAF><8D39>\nendbfrange\nendcmap";
        var map = ToUnicodeCMap.Read(pdfSharp);

        // <08C9><08CA><3001>: 08C9 → U+3001 "、", 08CA → U+3002 "。" (the last byte counted up).
        Assert.Equal(new Dictionary<int, string> { [0x0003] = " ", [0x08C9] = "、", [0x08CA] = "。", [0x4DAF] = "费" }, map);
        var written = Encoding.ASCII.GetString(ToUnicodeCMap.Write(map));
        Assert.Contains("4 beginbfchar\n<0003> <0020>\n<08C9> <3001>\n<08CA> <3002>\n<4DAF> <8D39>\nendbfchar\n", written, StringComparison.Ordinal);
        Assert.Equal(map, ToUnicodeCMap.Read(written));
    }

    [Fact]
    public void AThousandCodes_AreWrittenInTenBlocksOf100()
    {
        var map = new SortedDictionary<int, string>();
        for (var code = 0; code < 1000; code++)
        {
            map[code + 0x100] = ((char)(0x4E00 + code)).ToString();
        }

        var written = Encoding.ASCII.GetString(ToUnicodeCMap.Write(map));
        Assert.Equal(10, Regex.Matches(written, "100 beginbfchar\n").Count);
        Assert.Equal(10, Regex.Matches(written, "endbfchar\n").Count);
        Assert.Equal(map, ToUnicodeCMap.Read(written));
    }

    [Fact]
    public void EachSubsetTag_IsTheHashOfItsFontProgram()
    {
        var s = Samples.Get(Samples.Yongqiao);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pdf in new[] { Render("notice"), Render("staff"), Render("family"), Support.Render.Pdf.FamilyStatement(s.Settlement, s.Policy, "S01") })
        {
            var text = Encoding.Latin1.GetString(pdf);
            foreach (Match descriptor in Regex.Matches(text, @"/FontName/([A-Z]{6})\+LXGW#20WenKai(?:,Bold)?/FontFile2 (\d+) 0 R"))
            {
                var program = FontProgram(pdf, text, int.Parse(descriptor.Groups[2].Value, CultureInfo.InvariantCulture));

                // The tag is the first 8 bytes of the program's SHA-256, big-endian, as six base-26 digits, least significant first.
                var value = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(program));
                var expected = new StringBuilder();
                for (var i = 0; i < 6; i++, value /= 26)
                {
                    expected.Append((char)('A' + (int)(value % 26)));
                }

                Assert.Equal(expected.ToString(), descriptor.Groups[1].Value);
                Assert.Matches($"/BaseFont/{descriptor.Groups[1].Value}\\+LXGW", text);
                var key = Convert.ToHexString(SHA256.HashData(program));
                Assert.Equal(tags.GetValueOrDefault(key, expected.ToString()), expected.ToString());
                tags[key] = expected.ToString();
            }
        }

        // Four documents with two faces each: as many tags as different subsets, none shared between two subsets.
        Assert.True(tags.Count >= 6, $"{tags.Count} different subsets");
        Assert.Equal(tags.Count, tags.Values.Distinct(StringComparer.Ordinal).Count());
    }

    private static byte[] Render(string document)
    {
        var s = Samples.Get(Samples.Yongqiao);
        return document switch
        {
            "notice" => Support.Render.Pdf.PublicNotice(s.Settlement, s.Policy, Support.Render.Notice(s)),
            "staff" => Support.Render.Pdf.StaffStatement(s.Settlement, s.Policy, "T01", s.Facts.Conduct),
            _ => Support.Render.Pdf.FamilyStatement(s.Settlement, s.Policy, "S06"),
        };
    }

    /// <summary>The non-blank lines of <c>pdftotext -layout</c>.</summary>
    private static List<string> TextLines(string file) =>
        Tools.Succeed("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output
            .Split('\n')
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .ToList();

    private static List<string> Cmaps(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var found = new List<string>();
        foreach (Match stream in Regex.Matches(text, @"<</Filter/FlateDecode/Length (\d+)>>\nstream\n"))
        {
            using var zlib = new ZLibStream(new MemoryStream(pdf, stream.Index + stream.Length, int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture)), CompressionMode.Decompress);
            using var reader = new StreamReader(zlib, Encoding.Latin1);
            var content = reader.ReadToEnd();
            if (content.StartsWith("/CIDInit", StringComparison.Ordinal))
            {
                found.Add(content);
            }
        }

        return found;
    }

    private static byte[] FontProgram(byte[] pdf, string text, int number)
    {
        var header = Regex.Match(text, $@"\n{number} 0 obj\n<</Length1 (\d+)/Filter/FlateDecode/Length (\d+)>>\nstream\n");
        Assert.True(header.Success);
        using var zlib = new ZLibStream(new MemoryStream(pdf, header.Index + header.Length, int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture)), CompressionMode.Decompress);
        using var data = new MemoryStream();
        zlib.CopyTo(data);
        return data.ToArray();
    }

    /// <summary>The raw deflate data between the zlib header and its checksum, inflated.</summary>
    private static byte[] Inflate(ReadOnlySpan<byte> deflate)
    {
        using var inflater = new DeflateStream(new MemoryStream(deflate.ToArray()), CompressionMode.Decompress);
        using var data = new MemoryStream();
        inflater.CopyTo(data);
        return data.ToArray();
    }

    /// <summary>RFC 1950, 8.2: two sums modulo 65521, the second of the running first.</summary>
    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
