using PdfSharp.Drawing;

namespace Compensation.Reports.Pdf.Layout;

internal sealed record Bar(string Label, decimal Value);

/// <summary>
/// A horizontal bar chart drawn with XGraphics: a label column, bars from a common zero line
/// (negative values, such as deductions taken back, extend to the left of it) and each amount
/// written to the right of the zero line, so labels and amounts never collide.
/// </summary>
internal static class BarChart
{
    private const double BarHeight = 11;
    private const double Gap = 7;
    private const double Padding = 6;

    public static double HeightFor(int bars) => (bars * (BarHeight + Gap)) - Gap + (2 * Padding) + 4;

    public static void Draw(ReportDocument doc, XRect area, IReadOnlyList<Bar> bars, Func<decimal, string> format)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var g = doc.Graphics;
        var label = TextStyle.Cell;
        var amount = TextStyle.Cell;
        var labelWidth = Math.Min(area.Width * 0.3, bars.Max(b => doc.Measure(b.Label, label)) + 10);
        var amountWidth = bars.Max(b => doc.Measure(format(b.Value), amount)) + 8;
        var plotLeft = area.X + labelWidth;
        var plotWidth = area.Width - labelWidth - amountWidth;
        var maxPositive = Math.Max(0m, bars.Max(b => b.Value));
        var maxNegative = Math.Max(0m, -bars.Min(b => b.Value));
        var span = maxPositive + maxNegative;
        if (span == 0m)
        {
            span = 1m;
        }

        var zeroX = plotLeft + (plotWidth * (double)(maxNegative / span));
        var scale = plotWidth / (double)span;
        var top = area.Y + Padding;
        foreach (var bar in bars)
        {
            var labelText = doc.Wrap(bar.Label, label, labelWidth - 10).FirstOrDefault() ?? "";
            var lineTop = top + ((BarHeight - label.LineHeight) / 2);
            doc.DrawAligned(labelText, label, area.X, labelWidth - 10, lineTop, Align.Right);
            var length = Math.Abs((double)bar.Value) * scale;
            var left = bar.Value >= 0 ? zeroX : zeroX - length;
            if (length > 0)
            {
                g.DrawRectangle(bar.Value >= 0 ? Palette.Bar : Palette.NegativeBar, left, top, Math.Max(length, 0.8), BarHeight);
            }

            var textX = (bar.Value >= 0 ? zeroX + length : zeroX) + 4;
            doc.DrawLine(format(bar.Value), amount, textX, lineTop);
            top += BarHeight + Gap;
        }

        g.DrawLine(Palette.Axis, zeroX, area.Y + 2, zeroX, top - Gap + Padding);
    }
}
