using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Compensation.Reports.Tests.Support;

/// <summary>
/// The text of a PDF as PdfPig reads it back, page by page and line by line. A line is the letters
/// on one baseline, left to right; it is cut into runs where there is a visible gap, so a table
/// row reads as its cells: ["课后服务费", "1,785.00"].
/// </summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<TextLine>> pages, IReadOnlyList<string> fontNames, string creationDate)
    {
        Pages = pages;
        FontNames = fontNames;
        CreationDate = creationDate;
    }

    public IReadOnlyList<IReadOnlyList<TextLine>> Pages { get; }

    public IReadOnlyList<string> FontNames { get; }

    public string CreationDate { get; }

    public IEnumerable<TextLine> Lines => Pages.SelectMany(p => p);

    /// <summary>All text, lines joined by newlines, runs by a space.</summary>
    public string All => string.Join("\n", Lines.Select(l => l.Text));

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<IReadOnlyList<TextLine>>();
        var fonts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            pages.Add(LinesOf(page.Letters));
            foreach (var letter in page.Letters)
            {
                fonts.Add(letter.FontName ?? "");
            }
        }

        return new PdfText(pages, [.. fonts], document.Information.CreationDate ?? "");
    }

    /// <summary>The first line whose runs are exactly <paramref name="runs"/>; fails with the lines that start the same way.</summary>
    public TextLine Row(params string[] runs)
    {
        var match = Lines.FirstOrDefault(l => l.Runs.SequenceEqual(runs));
        if (match is null)
        {
            var near = Lines.Where(l => l.Runs.Count > 0 && l.Runs[0] == runs[0]).Select(l => "  " + string.Join(" | ", l.Runs));
            Assert.Fail($"no line reads [{string.Join(" | ", runs)}]; lines starting with '{runs[0]}':\n{string.Join("\n", near)}");
        }

        return match!;
    }

    public bool HasRow(params string[] runs) => Lines.Any(l => l.Runs.SequenceEqual(runs));

    private static List<TextLine> LinesOf(IReadOnlyList<Letter> letters)
    {
        var lines = new List<TextLine>();
        foreach (var group in GroupByBaseline(letters))
        {
            var runs = new List<string>();
            var run = new StringBuilder();
            double? end = null;
            foreach (var letter in group.OrderBy(l => l.StartBaseLine.X))
            {
                // Cells are at least 8 pt apart; letters within a string touch (a space glyph fills its own gap).
                if (end is { } e && letter.StartBaseLine.X - e > 3.0 && run.Length > 0)
                {
                    runs.Add(run.ToString().Trim());
                    run.Clear();
                }

                run.Append(letter.Value);
                end = letter.EndBaseLine.X;
            }

            if (run.Length > 0)
            {
                runs.Add(run.ToString().Trim());
            }

            lines.Add(new TextLine(runs.Where(r => r.Length > 0).ToList()));
        }

        return lines;
    }

    /// <summary>Letters whose baselines lie within 1.5 pt, top of the page first.</summary>
    private static IEnumerable<List<Letter>> GroupByBaseline(IReadOnlyList<Letter> letters)
    {
        List<Letter>? current = null;
        double y = 0;
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y))
        {
            if (current is null || Math.Abs(y - letter.StartBaseLine.Y) > 1.5)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [];
                y = letter.StartBaseLine.Y;
            }

            current.Add(letter);
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}

public sealed record TextLine(IReadOnlyList<string> Runs)
{
    public string Text => string.Join(" ", Runs);

    public override string ToString() => string.Join(" | ", Runs);
}
