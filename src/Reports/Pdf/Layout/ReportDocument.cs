using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>What a document says about itself: its metadata and the text at the foot of every page.</summary>
/// <param name="Date">The document's date, written as its creation and modification date so that the same input gives the same bytes.</param>
internal sealed record DocumentInfo(string Title, string Subject, string Author, DateOnly Date, string FooterText);

/// <summary>
/// A flow of A4 pages: text, headings, tables and drawings are placed one below the other from a
/// cursor, and a new page starts when the next item does not fit. Page footers ("第 N 页 共 M 页")
/// are drawn last, when the number of pages is known.
/// </summary>
internal sealed class ReportDocument : IDisposable
{
    public const double MarginX = 56.7; // 20 mm
    public const double MarginTop = 50;
    public const double MarginBottom = 64;

    private static readonly XSize A4 = new(595.276, 841.89);

    /// <summary>Room for a statement as PDFsharp saves it, before <see cref="PdfStreams"/>: two uncompressed font subsets of some 250 KB each, and uncompressed pages.</summary>
    private const int RawCapacity = 1 << 20;

    private readonly PdfDocument document = new();
    private readonly FontCache fonts = new();
    private readonly DocumentInfo info;
    private XGraphics? graphics;
    private double y;

    public ReportDocument(DocumentInfo info)
    {
        this.info = info;
        graphics = StartPage();
    }

    public double Left => MarginX;

    public double Right => A4.Width - MarginX;

    public double Width => Right - Left;

    public double Top => MarginTop;

    public double Bottom => A4.Height - MarginBottom;

    /// <summary>Where the next item goes.</summary>
    public double Y => y;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("the document is finished");

    public XFont Font(TextStyle style) => fonts.Get(style);

    /// <summary>The width of <paramref name="text"/> on one line, as PDFsharp measures it (see <see cref="GlyphWidths"/>).</summary>
    public double Measure(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var font = Font(style);
        return GlyphWidths.Of(style.Bold).Measure(Graphics, text, font, font.Metrics.UnitsPerEm);
    }

    public IReadOnlyList<string> Wrap(string text, TextStyle style, double width) => LineBreaker.Wrap(text, width, s => Measure(s, style));

    public void NewPage()
    {
        graphics?.Dispose();
        graphics = StartPage();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (a page that is still empty always takes it).</summary>
    public void EnsureSpace(double height)
    {
        if (y + height > Bottom && y > Top)
        {
            NewPage();
        }
    }

    /// <summary>Moves the cursor down; the next item checks whether it still fits.</summary>
    public void Space(double height) => y += height;

    /// <summary>Draws one line of text whose line box starts at <paramref name="top"/>; the glyphs sit centred in the line height.</summary>
    public void DrawLine(string text, TextStyle style, double x, double top)
    {
        if (text.Length == 0)
        {
            return;
        }

        Graphics.DrawString(text, Font(style), style.Brush, x, Baseline(style, top), XStringFormats.BaseLineLeft);
    }

    /// <summary>The baseline of a line box of <paramref name="style"/> starting at <paramref name="top"/>.</summary>
    public double Baseline(TextStyle style, double top)
    {
        var metrics = Font(style).Metrics;
        var ascent = style.Size * metrics.Ascent / metrics.UnitsPerEm;
        var descent = style.Size * Math.Abs(metrics.Descent) / metrics.UnitsPerEm;
        return top + ((style.LineHeight - ascent - descent) / 2) + ascent;
    }

    /// <summary>Draws a line aligned inside [left, left + width].</summary>
    public void DrawAligned(string text, TextStyle style, double left, double width, double top, Align align)
    {
        var x = align switch
        {
            Align.Right => left + width - Measure(text, style),
            Align.Center => left + ((width - Measure(text, style)) / 2),
            _ => left,
        };
        DrawLine(text, style, x, top);
    }

    public void Paragraph(string text, TextStyle style, Align align = Align.Left, double indent = 0, double spaceAfter = 5)
    {
        foreach (var line in Wrap(text, style, Width - indent))
        {
            EnsureSpace(style.LineHeight);
            DrawAligned(line, style, Left + indent, Width - indent, y, align);
            y += style.LineHeight;
        }

        y += spaceAfter;
    }

    /// <summary>The document title, centred, with its English name in small print under it.</summary>
    public void Title(string zh, string en)
    {
        Paragraph(zh, TextStyle.Title, Align.Center, spaceAfter: 0);
        Paragraph(en, TextStyle.English, Align.Center, spaceAfter: 10);
    }

    /// <summary>
    /// A section heading in Chinese with its English name after it in small print. It is kept with
    /// <paramref name="keepWithNext"/> points of what follows: a heading alone at the foot of a page
    /// would be separated from its content.
    /// </summary>
    public void Heading(string zh, string en, double keepWithNext = 60)
    {
        var style = TextStyle.Heading;
        EnsureSpace(style.LineHeight + 6 + keepWithNext);
        y += 4;
        var baseline = Baseline(style, y);
        Graphics.DrawString(zh, Font(style), style.Brush, Left, baseline, XStringFormats.BaseLineLeft);
        var english = TextStyle.English;
        var englishX = Left + Measure(zh, style) + 8;
        if (englishX + Measure(en, english) <= Right)
        {
            Graphics.DrawString(en, Font(english), english.Brush, englishX, baseline, XStringFormats.BaseLineLeft);
        }

        y += style.LineHeight + 2;
    }

    /// <summary>Reserves <paramref name="height"/> on one page and lets <paramref name="draw"/> paint inside it.</summary>
    public void Block(double height, Action<XGraphics, XRect> draw)
    {
        EnsureSpace(height);
        draw(Graphics, new XRect(Left, y, Width, height));
        y += height;
    }

    /// <summary>
    /// Draws the page footers, writes fixed metadata and returns the bytes, with streams other programs read
    /// (see <see cref="PdfStreams"/>) and made reproducible (see <see cref="PdfDeterminism"/>).
    /// </summary>
    public byte[] Finish()
    {
        graphics?.Dispose();
        graphics = null;
        DrawFooters();
        var when = new DateTime(info.Date.Year, info.Date.Month, info.Date.Day, 0, 0, 0, DateTimeKind.Utc);
        document.Info.Title = info.Title;
        document.Info.Subject = info.Subject;
        document.Info.Author = info.Author;
        document.Info.Creator = "Compensation (课后服务经费结算)";
        document.Info.CreationDate = when;
        document.Info.ModificationDate = when;
        document.Internals.FirstDocumentID = PdfDeterminism.IdPlaceholder;
        document.Internals.SecondDocumentID = PdfDeterminism.IdPlaceholder;

        // PDFsharp's Flate streams lack their zlib checksum: it saves every stream uncompressed (the font programs
        // follow NoCompression, content streams and CMaps CompressContentStreams), and PdfStreams deflates them.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        using var stream = new MemoryStream(RawCapacity);
        document.Save(stream, closeStream: false);
        return PdfDeterminism.Normalize(PdfStreams.Rewrite(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
        document.Dispose();
    }

    private XGraphics StartPage()
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(A4.Width);
        page.Height = XUnit.FromPoint(A4.Height);
        y = Top;
        return XGraphics.FromPdfPage(page);
    }

    private void DrawFooters()
    {
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var ruleY = A4.Height - MarginBottom + 22;
            graphics.DrawLine(Palette.Rule, Left, ruleY, Right, ruleY);
            var style = TextStyle.Footer;
            var top = ruleY + 3;
            var pageText = string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 页 共 {total} 页");
            DrawAligned(pageText, style, Left, Width, top, Align.Right);
            var room = Width - Measure(pageText, style) - 16;
            var footer = Wrap(info.FooterText, style, room).FirstOrDefault() ?? "";
            DrawLine(footer, style, Left, top);
            graphics.Dispose();
            graphics = null;
        }
    }
}
