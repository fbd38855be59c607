using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Text;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Pdf.Documents;

/// <summary>
/// 课后服务费结算单: one family's term, from the fee through cap, subsidy, waiver and each refund
/// (with its reason and dates) to what it paid and the balance owed or to be returned.
/// </summary>
internal static class FamilyStatement
{
    private const string Title = "课后服务费结算单";

    public static byte[] Render(SettlementResult s, SchoolPolicy p, FamilyLine family)
    {
        using var doc = new ReportDocument(new DocumentInfo(
            $"{s.School}{Title}", $"{Title} {family.StudentId} {s.TermId}", s.School, s.TermEnd, $"{s.School} · {Title} · {s.TermId}"));
        doc.Paragraph(s.School, TextStyle.Subtitle, Align.Center, spaceAfter: 2);
        doc.Title(Title, "Family fee statement: after-school service");
        Sections.Fields(doc,
            ("学生", family.Name),
            ("学号", family.StudentId),
            ("班级", family.ClassName),
            ("每周参加", $"{Format.Count(family.DaysPerWeek)} 天"),
            ("服务日", $"{Format.Count(family.ServiceDays)} 天"),
            ("实际出勤", $"{Format.Count(family.DaysAttended)} 天"),
            ("学期", Sections.Term(s)),
            ("收费方式", Labels.FeeMode(p.Fees.Mode)));

        Account(doc, p, family);
        if (PolicyWording.Refunds(p.Refunds, p.Subsidy.Mode != SubsidyMode.None) is { Count: > 0 } rules)
        {
            doc.Paragraph($"退费办法：{string.Join("；", rules)}。", TextStyle.Small, spaceAfter: 4);
        }

        Months(doc, family);
        doc.Paragraph("金额单位：元；负数表示减少应缴金额。", TextStyle.Small, spaceAfter: 2);
        var phone = string.IsNullOrWhiteSpace(p.Publication.ComplaintPhone) ? "" : $"，监督电话 {p.Publication.ComplaintPhone}";
        doc.Paragraph($"本结算单按《{s.Plan}》计算。如有疑问，请向学校反映{phone}。", TextStyle.Small);
        return doc.Finish();
    }

    private static void Account(ReportDocument doc, SchoolPolicy p, FamilyLine f)
    {
        var table = new Table([new Column("项目", 1.4), new Column("说明", 4.4), new Column("金额（元）", 1.1, Align.Right)]);
        table.Add("应收服务费", Charged(p.Fees, f), Format.Amount(f.Charged));
        table.Add("超出限额核减", CapText(p.Fees.Cap), Format.Less(f.CapReduction));
        table.Add("财政补贴抵扣", p.Subsidy.Mode is SubsidyMode.PerStudent or SubsidyMode.LumpSum ? "财政补贴先行抵扣" : "无", Format.Less(f.Subsidy));
        table.Add("减免", Waiver(p.Waivers, f), Format.Less(f.Waived));
        table.AddTotal("应缴服务费", "", Format.Amount(f.Payable));
        foreach (var r in f.Refunds)
        {
            table.Add(Labels.Refund(r.Kind), RefundText(p, r), Format.Less(r.Amount));
        }

        if (f.Refunds.Count == 0)
        {
            table.Add("退费", "无", Format.Amount(0m));
        }

        table.AddTotal("结算应缴", "应缴服务费 − 退费", Format.Amount(f.Net));
        table.Add("已缴", "本学期已缴费用", Format.Amount(f.Paid));
        table.AddTotal("余额", BalanceText(f), Format.Amount(f.Balance));
        Sections.Table(doc, "一、费用结算", "Fee, reductions, refunds and balance", table, spaceAfter: 4);
    }

    private static string Charged(FeePolicy fees, FamilyLine f) => fees.Mode switch
    {
        FeeMode.FlatTerm => $"每生每学期 {Format.Amount(fees.TermFee)} 元（每周 5 天）；本生每周 {Format.Count(f.DaysPerWeek)} 天，{Format.Count(f.ServiceDays)} 个服务日",
        FeeMode.PerLessonHour => $"每课时 {Format.Amount(fees.RatePerLessonHour)} 元 × 每日 {Format.Number(fees.LessonHoursPerDay)} 课时 × 出勤天数，逐月计算（见下表）",
        _ => "公益服务，不收费",
    };

    private static string CapText(FeeCap? cap) => cap switch
    {
        { PerTerm: { } perTerm } => $"最高限额每生每学期 {Format.Amount(perTerm)} 元",
        { PerLessonHour: { } perHour } => $"最高限额每课时 {Format.Amount(perHour)} 元",
        _ => "方案未设最高限额",
    };

    private static string Waiver(WaiverPolicy waivers, FamilyLine f)
    {
        if (f.HardshipCategory is null || f.Waived.IsZero)
        {
            return "无";
        }

        var name = waivers.Categories.TryGetValue(f.HardshipCategory, out var category) ? category.NameZh : f.HardshipCategory;
        return $"{name}，经申请、学校审批减免";
    }

    /// <summary>A refund line's reason; the rule itself is stated under the table.</summary>
    private static string RefundText(SchoolPolicy p, RefundLine r) => r.Kind switch
    {
        RefundKind.Absence when r is { From: { } from, To: { } to } =>
            $"{Format.IsoDate(from)} 至 {Format.IsoDate(to)} 连续缺勤 {Format.Count(r.Days)} 个服务日，按日退费" + Percent(p.Refunds.Absence),
        RefundKind.Withdrawal when r is { From: { } from, To: { } to } => $"{Format.IsoDate(from)} 起退出，{Format.IsoDate(from)} 至 {Format.IsoDate(to)} 未服务的 {Format.Count(r.Days)} 个服务日退费",
        RefundKind.Surplus => $"学期末经费结余{PolicyWording.Share(p.Refunds.Surplus.Share)}清退",
        _ => $"{Format.Count(r.Days)} 个服务日",
    };

    private static string Percent(AbsenceRefundPolicy? absence) =>
        absence is { RefundPercent: not 100m } a ? $"（按日费用的 {Format.Number(a.RefundPercent)}%）" : "";

    private static string BalanceText(FamilyLine f) => f.Balance.Yuan switch
    {
        > 0m => $"尚需补缴 {Format.Amount(f.Balance)} 元",
        < 0m => $"学校应退还 {Format.Amount(-f.Balance)} 元",
        _ => "已结清",
    };

    private static void Months(ReportDocument doc, FamilyLine f)
    {
        if (f.Months.Count == 0)
        {
            return;
        }

        var table = new Table([new Column("月份", 2), new Column("出勤天数", 1.3, Align.Right), new Column("金额（元）", 1.3, Align.Right)]);
        foreach (var m in f.Months)
        {
            table.Add(Format.Month(m.Month), Format.Count(m.DaysAttended), Format.Amount(m.Amount));
        }

        table.AddTotal("合计", Format.Count(f.Months.Sum(m => m.DaysAttended)), Format.Amount(Rules.Domain.Money.Sum(f.Months.Select(m => m.Amount))));
        Sections.Table(doc, "二、逐月计费", "Charges by month", table);
    }
}
