using PdfSharp.Drawing;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// The advance width of each character of one face of the report font, in font units, learnt from
/// PDFsharp one character at a time and kept for every later document and thread. PDFsharp's
/// XGraphics.MeasureString adds the glyphs' integer widths and scales the sum once
/// (units × size ÷ units per em); <see cref="Measure"/> does the same arithmetic, so it gives the
/// same width to the last bit, without looking every character of every trial line up in the
/// font's cmap again (the line breaker measures each line once for every piece it tries to add).
/// </summary>
internal sealed class GlyphWidths
{
    private const int Unknown = -1;

    private static readonly GlyphWidths RegularFace = new();
    private static readonly GlyphWidths BoldFace = new();

    // One slot per UTF-16 code unit. A slot is written only with the width PDFsharp gives for its
    // character, so threads that learn the same character at once write the same value.
    private readonly int[] widths = Enumerable.Repeat(Unknown, char.MaxValue + 1).ToArray();

    public static GlyphWidths Of(bool bold) => bold ? BoldFace : RegularFace;

    /// <summary>The width of <paramref name="text"/> in <paramref name="font"/> (of this face), exactly as <see cref="XGraphics.MeasureString(string, XFont)"/> gives it.</summary>
    public double Measure(XGraphics graphics, string text, XFont font, int unitsPerEm)
    {
        var units = 0;
        foreach (var c in text)
        {
            // Characters beyond the BMP (surrogate pairs) are rare: PDFsharp measures those strings itself.
            if (char.IsSurrogate(c))
            {
                return graphics.MeasureString(text, font).Width;
            }

            var width = widths[c];
            if (width == Unknown)
            {
                width = (int)Math.Round(graphics.MeasureString(c.ToString(), font).Width * unitsPerEm / font.Size);
                widths[c] = width;
            }

            units += width;
        }

        return units * font.Size / unitsPerEm;
    }
}
