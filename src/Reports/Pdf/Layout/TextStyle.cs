using PdfSharp.Drawing;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>A size, weight and colour of text; the line height is the size times <see cref="Leading"/>.</summary>
internal sealed record TextStyle(double Size, bool Bold = false, bool Muted = false)
{
    /// <summary>Chinese needs more air between lines than Latin text; 1.5 reads well at 9–10 pt.</summary>
    public const double Leading = 1.5;

    public double LineHeight => Size * Leading;

    public XBrush Brush => Muted ? Palette.MutedText : XBrushes.Black;

    public static readonly TextStyle Title = new(17, Bold: true);
    public static readonly TextStyle Subtitle = new(11, Bold: true);
    public static readonly TextStyle English = new(8, Muted: true);
    public static readonly TextStyle Heading = new(12, Bold: true);
    public static readonly TextStyle Body = new(10);
    public static readonly TextStyle BodyBold = new(10, Bold: true);
    public static readonly TextStyle Small = new(8, Muted: true);
    public static readonly TextStyle Cell = new(9);
    public static readonly TextStyle CellBold = new(9, Bold: true);
    public static readonly TextStyle Footer = new(8, Muted: true);
}

/// <summary>The few colours of the documents: black text, grey notes and rules, one blue for bars.</summary>
internal static class Palette
{
    public static readonly XBrush MutedText = new XSolidBrush(XColor.FromArgb(0x59, 0x59, 0x59));
    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xEC, 0xEF, 0xF3));
    public static readonly XBrush Bar = new XSolidBrush(XColor.FromArgb(0x3C, 0x6E, 0xA8));
    public static readonly XBrush NegativeBar = new XSolidBrush(XColor.FromArgb(0xC0, 0x5A, 0x3A));
    public static readonly XPen Rule = new(XColor.FromArgb(0xB8, 0xBE, 0xC6), 0.5);
    public static readonly XPen StrongRule = new(XColor.FromArgb(0x40, 0x40, 0x40), 0.8);
    public static readonly XPen Axis = new(XColor.FromArgb(0x60, 0x60, 0x60), 0.6);
    public static readonly XPen SealGuide = new(XColor.FromArgb(0xC8, 0xC8, 0xC8), 0.6) { DashStyle = XDashStyle.Dash };
}

/// <summary>One XFont per style and document, built with Unicode encoding so every character is embedded (subset) and extractable.</summary>
internal sealed class FontCache
{
    private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];

    public XFont Get(TextStyle style)
    {
        var key = (style.Size, style.Bold);
        if (!fonts.TryGetValue(key, out var font))
        {
            font = new XFont(ReportFontResolver.FamilyName, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));
            fonts[key] = font;
        }

        return font;
    }
}
