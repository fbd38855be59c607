using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Text;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Pdf.Documents;

/// <summary>Pieces every document shares: the term line and a grid of labelled fields.</summary>
internal static class Sections
{
    public static string Term(SettlementResult s) =>
        $"{s.TermId}（{Format.TermSpan(s.TermStart, s.TermEnd)}，共 {Format.Count(s.ServiceDays)} 个服务日）";

    /// <summary>Label–value pairs, two pairs to a row, as a table without header.</summary>
    public static void Fields(ReportDocument doc, params (string Label, string Value)[] fields)
    {
        var table = new Table(
            [new Column("", 0.9), new Column("", 2.1), new Column("", 0.9), new Column("", 2.1)],
            showHeader: false);
        for (var i = 0; i < fields.Length; i += 2)
        {
            var right = i + 1 < fields.Length ? fields[i + 1] : ("", "");
            table.Add(fields[i].Label, OrDash(fields[i].Value), right.Item1, right.Item1.Length == 0 ? "" : OrDash(right.Item2));
        }

        TableRenderer.Draw(doc, table, spaceAfter: 10);
    }

    private static string OrDash(string value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    /// <summary>A heading and its table, kept together when the table is short (see <see cref="TableRenderer.LaidOutTable.StartHeight"/>).</summary>
    public static void Table(ReportDocument doc, string zh, string en, Layout.Table table, double spaceAfter = 8)
    {
        var laidOut = TableRenderer.Layout(doc, table);
        doc.Heading(zh, en, laidOut.StartHeight);
        TableRenderer.Draw(doc, laidOut, spaceAfter);
    }

    /// <summary>A one-row note that a list is empty, so a section never ends in a bare header.</summary>
    public static void Empty(ReportDocument doc, string text) => doc.Paragraph(text, TextStyle.Small, spaceAfter: 8);
}
