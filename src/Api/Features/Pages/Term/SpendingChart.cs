using System.Globalization;
using System.Text;
using Compensation.Api.Features.Published.Accounts;

namespace Compensation.Api.Features.Pages.Term;

/// <summary>
/// The spending chart as inline SVG, drawn as the public notice draws it: one horizontal bar per
/// category that is not zero, from a common zero line; a negative amount (pay taken back by the
/// review, 考核扣除) extends to the left of it. Labels sit in a column of their own and every amount is
/// written to the right (of the bar, or of the zero line for a negative one), so nothing collides.
/// The drawing has a fixed viewBox and scales with its card.
/// </summary>
internal static class SpendingChart
{
    private const double Width = 340;
    private const double FontSize = 14;
    private const double BarHeight = 18;
    private const double Gap = 10;
    private const double Padding = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Svg(IReadOnlyList<AccountLine> lines)
    {
        var bars = lines.Where(l => l.Amount != 0m).ToList();
        if (bars.Count == 0)
        {
            return "";
        }

        var labelWidth = Math.Min(Width * 0.36, bars.Max(b => TextWidth(b.NameZh)) + 10);
        var amountWidth = bars.Max(b => TextWidth(Html.Amount(b.Amount))) + 8;
        var plotLeft = labelWidth;
        var plotWidth = Width - labelWidth - amountWidth;
        var maxPositive = Math.Max(0m, bars.Max(b => b.Amount));
        var maxNegative = Math.Max(0m, -bars.Min(b => b.Amount));
        var span = maxPositive + maxNegative == 0m ? 1m : maxPositive + maxNegative;
        var zeroX = plotLeft + (plotWidth * (double)(maxNegative / span));
        var scale = plotWidth / (double)span;
        var height = (2 * Padding) + (bars.Count * BarHeight) + ((bars.Count - 1) * Gap);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"spending-chart-title\" font-size=\"{N(FontSize)}\">\n");
        svg.Append("<title id=\"spending-chart-title\">支出构成（元） Spending by category (yuan)</title>\n");
        var top = Padding;
        foreach (var bar in bars)
        {
            var middle = top + (BarHeight / 2);
            var length = Math.Abs((double)bar.Amount) * scale;
            var left = bar.Amount >= 0m ? zeroX : zeroX - length;
            var negative = bar.Amount < 0m;
            var amountX = (negative ? zeroX : zeroX + length) + 4;
            svg.Append($"<g data-category=\"{Html.Encode(bar.Category)}\"><title>{Html.Encode(bar.NameZh)} {Html.Encode(Html.Amount(bar.Amount))}</title>");
            svg.Append($"<text x=\"{N(labelWidth - 8)}\" y=\"{N(middle)}\" text-anchor=\"end\" dominant-baseline=\"central\" fill=\"#1f2328\">{Html.Encode(Fit(bar.NameZh, labelWidth - 10))}</text>");
            svg.Append($"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(Math.Max(length, 1))}\" height=\"{N(BarHeight)}\" rx=\"2\" fill=\"{(negative ? "#c2410c" : "#2f6f9f")}\"/>");
            svg.Append($"<text x=\"{N(amountX)}\" y=\"{N(middle)}\" dominant-baseline=\"central\" fill=\"{(negative ? "#c2410c" : "#1f2328")}\">{Html.Encode(Html.Amount(bar.Amount))}</text></g>\n");
            top += BarHeight + Gap;
        }

        svg.Append($"<line x1=\"{N(zeroX)}\" y1=\"{N(Padding - 3)}\" x2=\"{N(zeroX)}\" y2=\"{N(height - Padding + 3)}\" stroke=\"#5b6470\" stroke-width=\"1\"/>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>An estimate of the width of a text in the chart's font size: a CJK character is one em, anything else about 0.6.</summary>
    private static double TextWidth(string text) => text.Sum(c => c >= '\u2E80' ? FontSize : FontSize * 0.6);

    private static string Fit(string text, double width)
    {
        if (TextWidth(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && TextWidth(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", Invariant);
}
