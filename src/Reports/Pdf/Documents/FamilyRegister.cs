using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Pdf.Documents;

/// <summary>
/// 课后服务费家庭结算汇总表: every family's account in one long table, for the accountant and the
/// head teacher. It names students, so it is marked internal and is never part of the notice.
/// </summary>
internal static class FamilyRegister
{
    private const string Title = "课后服务费家庭结算汇总表";

    public static byte[] Render(SettlementResult s, SchoolPolicy p)
    {
        using var doc = new ReportDocument(new DocumentInfo(
            $"{s.School}{Title}", $"{Title} {s.TermId}", s.School, s.TermEnd, $"{s.School} · {Title} · {s.TermId} · 内部资料"));
        doc.Paragraph(s.School, TextStyle.Subtitle, Align.Center, spaceAfter: 2);
        doc.Title(Title, "Family accounts of the term (internal, not for publication)");
        doc.Paragraph($"学期：{Sections.Term(s)}　　收费方式：{Labels.FeeMode(p.Fees.Mode)}", TextStyle.Body, Align.Center, spaceAfter: 2);
        doc.Paragraph("内部资料，含学生个人信息，不得公示。金额单位：元；余额为正表示尚需补缴，为负表示学校应退还。", TextStyle.Small, Align.Center, spaceAfter: 8);

        var table = new Table(
        [
            new Column("学号", 0.85), new Column("姓名", 0.8), new Column("班级", 0.9), new Column("应收", 1.0, Align.Right),
            new Column("核减·补贴·减免", 1.4, Align.Right), new Column("退费", 0.95, Align.Right), new Column("结算应缴", 1.05, Align.Right),
            new Column("已缴", 1.0, Align.Right), new Column("余额", 0.95, Align.Right),
        ]);
        foreach (var f in s.Families)
        {
            table.Add(f.StudentId, f.Name, f.ClassName, Format.Amount(f.Charged), Format.Less(Reductions(f)), Format.Less(f.Refunded),
                Format.Amount(f.Net), Format.Amount(f.Paid), Format.Amount(f.Balance));
        }

        table.AddTotal($"合计 {Format.Count(s.Families.Count)} 人", "", "",
            Format.Amount(Money.Sum(s.Families.Select(f => f.Charged))),
            Format.Less(Money.Sum(s.Families.Select(Reductions))),
            Format.Less(Money.Sum(s.Families.Select(f => f.Refunded))),
            Format.Amount(Money.Sum(s.Families.Select(f => f.Net))),
            Format.Amount(Money.Sum(s.Families.Select(f => f.Paid))),
            Format.Amount(Money.Sum(s.Families.Select(f => f.Balance))));
        TableRenderer.Draw(doc, table);
        return doc.Finish();
    }

    internal static Money Reductions(FamilyLine f) => f.CapReduction + f.Subsidy + f.Waived;
}
