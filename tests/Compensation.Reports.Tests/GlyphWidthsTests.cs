using System.Text;
using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>The documents measure text from widths learnt once; the result must be PDFsharp's own to the last bit, or a line could break elsewhere.</summary>
public sealed class GlyphWidthsTests
{
    private static readonly TextStyle[] Styles =
        [TextStyle.Title, TextStyle.Subtitle, TextStyle.English, TextStyle.Heading, TextStyle.Body, TextStyle.BodyBold, TextStyle.Cell, TextStyle.CellBold];

    [Fact]
    public void Measure_IsExactlyWhatPdfSharpMeasures()
    {
        _ = Render.Pdf; // installs the font resolver
        using var doc = new ReportDocument(new DocumentInfo("t", "t", "t", new DateOnly(2025, 1, 20), "t"));
        var random = new Random(20250120);
        const string pool = "课后服务费结算单教职工劳务报酬明细公示：，。（）《》“”、；！？—…·％0123456789.,-/ abcXYZ元月日年\t\u3000\uff10\uffe5";
        var texts = new List<string> { "", " ", "\t", "1,785.00", "Fee, reductions, refunds and balance", "本结算单按《埇桥区课后服务实施方案》计算。", "𠀀字", "a\u0001b" };
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 40); n > 0; n--)
            {
                // Mostly characters of the documents, some anywhere in the CJK block, so widths are learnt and reused.
                text.Append(random.Next(4) == 0 ? (char)random.Next(0x4E00, 0x9FA6) : pool[random.Next(pool.Length)]);
            }

            texts.Add(text.ToString());
        }

        foreach (var style in Styles)
        {
            foreach (var text in texts)
            {
                var expected = text.Length == 0 ? 0 : doc.Graphics.MeasureString(text, doc.Font(style)).Width;
                Assert.Equal(expected, doc.Measure(text, style));
            }
        }
    }
}
