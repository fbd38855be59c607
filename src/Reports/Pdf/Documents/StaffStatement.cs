using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Pdf.Documents;

/// <summary>
/// 教职工课后服务劳务报酬明细: one staff member's term, month by month (lessons, lesson pay,
/// stipends, deductions, net), every stipend and every deduction with its event, date, plan clause
/// and reason, and the term's totals.
/// </summary>
internal static class StaffStatement
{
    private const string Title = "教职工课后服务劳务报酬明细";

    public static byte[] Render(SettlementResult s, SchoolPolicy p, StaffLine staff, IEnumerable<ConductEvent> conduct)
    {
        var events = conduct.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var doc = new ReportDocument(new DocumentInfo(
            $"{s.School}{Title}", $"{Title} {staff.EmployeeNo} {s.TermId}", s.School, s.TermEnd, $"{s.School} · {Title} · {s.TermId}"));
        doc.Paragraph(s.School, TextStyle.Subtitle, Align.Center, spaceAfter: 2);
        doc.Title(Title, "Staff pay statement: after-school service");
        Sections.Fields(doc,
            ("姓名", staff.Name),
            ("工号", staff.EmployeeNo),
            ("岗位", Labels.Role(staff.Role, staff.External)),
            ("人员编号", staff.StaffId),
            ("学期", Sections.Term(s)),
            ("方案", $"《{s.Plan}》"));

        Months(doc, p, staff);
        Stipends(doc, staff);
        Deductions(doc, staff, events);
        Summary(doc, p, staff);
        var phone = string.IsNullOrWhiteSpace(p.Publication.ComplaintPhone) ? "" : $"（电话 {p.Publication.ComplaintPhone}）";
        doc.Paragraph($"金额单位：元。本明细按《{s.Plan}》逐月计算，每月扣除以当月扣除基数为限。如有疑问，请向学校课后服务工作领导小组反映{phone}。", TextStyle.Small);
        return doc.Finish();
    }

    /// <summary>Term-scope deductions after their cap: what the term took beyond the months' own deductions.</summary>
    internal static Money TermDeductionTotal(StaffLine staff) => staff.Deductions - Money.Sum(staff.Months.Select(m => m.DeductionTotal));

    private static void Months(ReportDocument doc, SchoolPolicy p, StaffLine staff)
    {
        // Lesson-hour plans pay per lesson-hour (minutes ÷ the plan's lesson-hour), the others per lesson:
        // the rate stands beside the count it is paid on, so count × rate = lesson pay on every row.
        var perHour = p.Pay.Mode == PayMode.PerLessonHour;
        var table = new Table(perHour
            ?
            [
                new Column("月份", 1.1), new Column("课时（节）", 1.0, Align.Right), new Column("课时单位", 0.9, Align.Right), new Column("每课时", 0.85, Align.Right),
                new Column("课时费", 1.05, Align.Right), new Column("补助", 0.95, Align.Right), new Column("应发", 1.05, Align.Right),
                new Column("扣除", 0.95, Align.Right), new Column("实发", 1.05, Align.Right),
            ]
            :
            [
                new Column("月份", 1.25), new Column("课时（节）", 0.95, Align.Right), new Column("每节", 1.05, Align.Right),
                new Column("课时费", 1.1, Align.Right), new Column("补助", 1.0, Align.Right), new Column("应发", 1.1, Align.Right),
                new Column("扣除", 1.0, Align.Right), new Column("实发", 1.1, Align.Right),
            ]);
        string[] Lessons(int lessons, decimal units, Money pay) => perHour
            ? [Format.Count(lessons), Format.Number(units), Rate(pay, units)]
            : [Format.Count(lessons), Rate(pay, lessons)];
        string[] Blank(params string[] tail) => [.. Enumerable.Repeat("", perHour ? 4 : 3), .. tail];
        foreach (var m in staff.Months)
        {
            table.Add([Format.Month(m.Month), .. Lessons(m.Lessons, m.LessonUnits, m.LessonPay), Format.Amount(m.LessonPay),
                Format.Amount(m.StipendTotal), Format.Amount(m.Gross), Format.Less(m.DeductionTotal), Format.Amount(m.Net)]);
        }

        if (!staff.ExternalPay.IsZero)
        {
            table.Add(["外聘劳务（按协议）", .. Blank("", Format.Amount(staff.ExternalPay), "", Format.Amount(staff.ExternalPay))]);
        }

        if (!staff.Awards.IsZero)
        {
            table.Add(["评优奖励", .. Blank("", Format.Amount(staff.Awards), "", Format.Amount(staff.Awards))]);
        }

        var term = TermDeductionTotal(staff);
        if (!term.IsZero)
        {
            table.Add(["学期考核扣除", .. Blank("", "", Format.Less(term), Format.Less(term))]);
        }

        if (table.Rows.Count == 0)
        {
            doc.Heading("一、逐月报酬", "Pay by month");
            Sections.Empty(doc, "本学期无课时、补助或其他报酬。");
            return;
        }

        table.AddTotal(["学期合计", .. Lessons(staff.Lessons, staff.LessonUnits, staff.LessonPay), Format.Amount(staff.LessonPay),
            Format.Amount(staff.Stipends), Format.Amount(staff.Gross), Format.Less(staff.Deductions), Format.Amount(staff.Net)]);
        Sections.Table(doc, "一、逐月报酬", "Pay by month", table);
    }

    /// <summary>The rate actually paid, lesson pay ÷ lessons (or lesson-hours), to the fen; pool plans have no fixed rate.</summary>
    private static string Rate(Money pay, decimal units) => units == 0m ? "—" : Format.Amount(Money.Round(pay.Yuan / units));

    private static void Stipends(ReportDocument doc, StaffLine staff)
    {
        var lines = staff.Months.SelectMany(m => m.Stipends.Select(x => (m.Month, Line: x))).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var table = new Table(
        [
            new Column("月份", 1.2), new Column("项目", 2.6), new Column("数量", 1, Align.Right), new Column("标准（元）", 1.1, Align.Right), new Column("金额", 1.2, Align.Right),
        ]);
        foreach (var (month, line) in lines)
        {
            table.Add(Format.Month(month), Labels.Duty(line.Duty), $"{Format.Count(line.Count)} {Labels.DutyUnit(line.Duty)}", Format.Amount(line.Rate), Format.Amount(line.Amount));
        }

        table.AddTotal("合计", "", "", "", Format.Amount(staff.Stipends));
        Sections.Table(doc, "二、补助明细", "Stipends", table);
    }

    private static void Deductions(ReportDocument doc, StaffLine staff, Dictionary<string, ConductEvent> events)
    {
        var heading = staff.Months.Any(m => m.Stipends.Count > 0) ? "三、考核扣除" : "二、考核扣除";
        const string english = "Deductions (performance review)";
        var lines = staff.Months.SelectMany(m => m.Deductions.Select(d => (Month: Format.Month(m.Month), Line: d)))
            .Concat(staff.TermDeductions.Select(d => (Month: "全学期", Line: d)))
            .ToList();
        if (lines.Count == 0)
        {
            doc.Heading(heading, english);
            Sections.Empty(doc, "本学期无考核扣除。 / No deductions this term.");
            return;
        }

        var table = new Table(
        [
            new Column("月份", 1.3), new Column("事件（编号 日期 类别）", 2.1), new Column("方案条款", 1.6), new Column("比例", 0.65, Align.Right),
            new Column("说明", 2.6), new Column("扣除金额", 1.05, Align.Right),
        ]);
        foreach (var (month, d) in lines)
        {
            var percent = d.Percent is { } pct ? Format.Percent(pct) : "—";
            table.Add(month, Event(d, events), d.Clause, percent, d.Reason.Zh, Format.Less(d.Amount));
        }

        table.AddTotal("扣除明细合计", "", "", "", "", Format.Less(Money.Sum(lines.Select(l => l.Line.Amount))));
        Sections.Table(doc, heading, english, table, spaceAfter: 2);
        foreach (var m in staff.Months.Where(m => Money.Sum(m.Deductions.Select(d => d.Amount)) > m.DeductionTotal))
        {
            doc.Paragraph($"{Format.Month(m.Month)}扣除明细合计超过当月扣除基数 {Format.Amount(m.DeductionBase)} 元，按基数扣除 {Format.Amount(m.DeductionTotal)} 元。", TextStyle.Small, spaceAfter: 2);
        }

        var term = TermDeductionTotal(staff);
        if (Money.Sum(staff.TermDeductions.Select(d => d.Amount)) > term)
        {
            doc.Paragraph($"学期扣除以学期剩余基数为限，实际扣除 {Format.Amount(term)} 元。", TextStyle.Small, spaceAfter: 2);
        }

        doc.Space(6);
    }

    /// <summary>Each event on its own line: "C01 2025-03-18 迟到", or its id alone when the events were not given.</summary>
    private static string Event(DeductionLine d, Dictionary<string, ConductEvent> events) =>
        string.Join("\n", d.EventIds.Select(id => events.TryGetValue(id, out var e)
            ? $"{e.EventId} {Format.IsoDate(e.Date)} {Labels.Conduct(e.Kind)}"
            : (id.StartsWith("conduct:", StringComparison.Ordinal) ? id["conduct:".Length..] : id) + " " + Labels.Conduct(d.Kind)));

    private static void Summary(ReportDocument doc, SchoolPolicy p, StaffLine staff)
    {
        var table = new Table([new Column("项目", 4), new Column("金额（元）", 1.4, Align.Right)]);
        var units = p.Pay.Mode == PayMode.PerLessonHour ? $"，{Format.Number(staff.LessonUnits)} 课时单位" : "";
        table.Add($"课时费（{Format.Count(staff.Lessons)} 节{units}）", Format.Amount(staff.LessonPay));
        table.Add("补助", Format.Amount(staff.Stipends));
        if (!staff.ExternalPay.IsZero)
        {
            table.Add("外聘劳务", Format.Amount(staff.ExternalPay));
        }

        if (!staff.Awards.IsZero)
        {
            table.Add("评优奖励", Format.Amount(staff.Awards));
        }

        table.Add("应发合计", Format.Amount(staff.Gross));
        table.Add("考核扣除合计", Format.Less(staff.Deductions));
        table.AddTotal("实发金额", Format.Amount(staff.Net));
        Sections.Table(doc, staff.Months.Any(m => m.Stipends.Count > 0) ? "四、学期合计" : "三、学期合计", "Term totals", table, spaceAfter: 4);
    }
}
