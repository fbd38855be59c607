using Compensation.Reports.Pdf.Layout;
using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Pdf.Documents;

/// <summary>
/// 课后服务经费收支情况公示: what the parents' committee and every family may read. It is built
/// from totals and counts only; no line of it reads a name, an id or a hardship category of a
/// student or staff member (the tests extract the text and check).
/// </summary>
internal static class PublicNotice
{
    public static byte[] Render(SettlementResult s, SchoolPolicy p, NoticeDetails notice)
    {
        const string title = "课后服务经费收支情况公示";
        using var doc = new ReportDocument(new DocumentInfo(
            $"{s.School}{title}", $"{title} {s.TermId}", s.School, notice.Date, $"{s.School} · {title} · {s.TermId}"));
        doc.Paragraph(s.School, TextStyle.Subtitle, Align.Center, spaceAfter: 2);
        doc.Title(title, "Public notice of after-school service income and expenditure");
        doc.Paragraph($"学期：{Sections.Term(s)}", TextStyle.Body, Align.Center, spaceAfter: 8);
        doc.Paragraph(Intro(s, p), TextStyle.Body, spaceAfter: 6);

        FeeStandard(doc, s, p);
        Participation(doc, s);
        Income(doc, s.Ledger);
        Refunds(doc, s);
        Spending(doc, s.Ledger);
        Balance(doc, s.Ledger, p);
        LessonRate(doc, s, p);
        Supervision(doc, p, notice);
        Seal(doc, s.School, notice.Date);
        return doc.Finish();
    }

    private static string Intro(SettlementResult s, SchoolPolicy p)
    {
        var basis = string.IsNullOrWhiteSpace(p.Publication.LegalBasis) ? "" : $"及{p.Publication.LegalBasis}";
        return $"根据《{s.Plan}》{basis}，课后服务经费实行专款专用、单独核算。现将本学期课后服务经费收支情况公示如下，接受家长和社会监督。";
    }

    private static void FeeStandard(ReportDocument doc, SettlementResult s, SchoolPolicy p)
    {
        var table = new Table([new Column("项目", 1.1), new Column("内容", 4)]);
        table.Add("收费方式", Labels.FeeMode(p.Fees.Mode));
        table.Add("收费标准", Standard(p.Fees));
        if (Cap(p.Fees.Cap) is { } cap)
        {
            table.Add("最高限额", cap);
        }

        if (Subsidy(p.Subsidy) is { } subsidy)
        {
            table.Add("财政补贴", subsidy);
        }

        if (p.Waivers.Categories.Count > 0)
        {
            // Only the rule is published, not the categories: with a handful of waived students a category name could point at a family.
            table.Add("减免政策", "家庭经济困难学生经本人申请、学校审批后减免服务费");
        }

        if (string.Join("；", PolicyWording.Refunds(p.Refunds, p.Subsidy.Mode != SubsidyMode.None)) is { Length: > 0 } refunds)
        {
            table.Add("退费办法", refunds);
        }

        table.Add("收费依据", string.IsNullOrWhiteSpace(p.Publication.LegalBasis) ? $"《{s.Plan}》" : $"{p.Publication.LegalBasis}；《{s.Plan}》");
        Sections.Table(doc, "一、收费标准", "Fee standard", table);
    }

    private static string Standard(FeePolicy fees) => fees.Mode switch
    {
        FeeMode.FlatTerm => $"每生每学期 {Format.Amount(fees.TermFee)} 元（按每周 5 天计）"
            + (fees.ProRataByDaysPerWeek ? "；每周参加不足 5 天的按天数折算" : "")
            + (fees.ProRataJoin ? "；学期中途参加的按参加后的服务日折算" : ""),
        FeeMode.PerLessonHour => $"每生每课时 {Format.Amount(fees.RatePerLessonHour)} 元，每个服务日计 {Format.Number(fees.LessonHoursPerDay)} 课时，按实际参加天数计算",
        _ => "不收费",
    };

    private static string? Cap(FeeCap? cap)
    {
        if (cap is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (cap.PerTerm is { } perTerm)
        {
            parts.Add($"每生每学期不超过 {Format.Amount(perTerm)} 元");
        }

        if (cap.PerLessonHour is { } perHour)
        {
            parts.Add($"每生每课时不超过 {Format.Amount(perHour)} 元");
        }

        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    private static string? Subsidy(SubsidyPolicy subsidy) => subsidy.Mode switch
    {
        SubsidyMode.PerStudent => $"每生每学期 {Format.Amount(subsidy.PerStudent)} 元，先以财政补贴抵扣，不足部分由家长承担",
        SubsidyMode.LumpSum => "财政补贴按各生应收费用比例分摊，先以补贴抵扣，不足部分由家长承担",
        SubsidyMode.Fund => "财政补贴纳入课后服务经费，用于课后服务支出，不抵扣家长费用",
        _ => null,
    };

    private static void Participation(ReportDocument doc, SettlementResult s)
    {
        var waived = s.Families.Where(f => f.Waived.Yuan > 0m).ToList();
        var table = new Table([new Column("项目", 3), new Column("人数", 1, Align.Right), new Column("金额（元）", 1.4, Align.Right)]);
        table.Add("参加课后服务学生", Format.Count(s.Families.Count), "");
        table.Add("其中：经审批减免服务费", Format.Count(waived.Count), Format.Amount(Money.Sum(waived.Select(f => f.Waived))));
        if (s.Families.Any(f => f.Subsidy.Yuan > 0m))
        {
            var subsidised = s.Families.Where(f => f.Subsidy.Yuan > 0m).ToList();
            table.Add("其中：享受财政补贴抵扣", Format.Count(subsidised.Count), Format.Amount(Money.Sum(subsidised.Select(f => f.Subsidy))));
        }

        Sections.Table(doc, "二、参加学生", "Participating students (counts only)", table);
    }

    private static void Income(ReportDocument doc, Ledger ledger)
    {
        var table = new Table([new Column("收入项目", 4), new Column("金额（元）", 1.4, Align.Right)]);
        foreach (var line in ledger.Income)
        {
            table.Add(line.Name.Zh, Format.Amount(line.Amount));
        }

        table.AddTotal("收入合计", Format.Amount(ledger.TotalIncome));
        Sections.Table(doc, "三、经费收入", "Income by source", table);
    }

    private static void Refunds(ReportDocument doc, SettlementResult s)
    {
        var table = new Table([new Column("退费项目", 3), new Column("人次", 1, Align.Right), new Column("金额（元）", 1.4, Align.Right)]);
        foreach (var line in s.Ledger.Refunds)
        {
            var kind = Labels.RefundKindOf(line.Category);
            var count = kind is null ? "" : Format.Count(s.Families.Sum(f => f.Refunds.Count(r => r.Kind == kind)));
            table.Add(line.Name.Zh, count, Format.Amount(line.Amount));
        }

        table.AddTotal("退费合计", "", Format.Amount(s.Ledger.TotalRefunds));
        Sections.Table(doc, "四、退费", "Refunds by kind", table, spaceAfter: 2);
        doc.Paragraph("学期末结余清退见“六、经费结余”。", TextStyle.Small, spaceAfter: 6);
    }

    private static void Spending(ReportDocument doc, Ledger ledger)
    {
        var table = new Table([new Column("支出项目", 4), new Column("金额（元）", 1.4, Align.Right)]);
        foreach (var line in ledger.Expenditure)
        {
            table.Add(line.Name.Zh, Format.Amount(line.Amount));
        }

        table.AddTotal("支出合计", Format.Amount(ledger.TotalExpenditure));
        Sections.Table(doc, "五、经费支出", "Spending by category", table, spaceAfter: 2);
        if (ledger.Expenditure.Any(l => l.Amount.IsNegative))
        {
            doc.Paragraph("负数为按绩效考核办法扣回的劳务报酬，冲减支出。", TextStyle.Small, spaceAfter: 4);
        }

        var bars = ledger.Expenditure.Where(l => !l.Amount.IsZero).Select(l => new Bar(l.Name.Zh, l.Amount.Yuan)).ToList();
        if (bars.Count > 0)
        {
            doc.EnsureSpace(TextStyle.BodyBold.LineHeight + BarChart.HeightFor(bars.Count));
            doc.Paragraph("支出构成（元）", TextStyle.BodyBold, Align.Left, spaceAfter: 0);
            doc.Block(BarChart.HeightFor(bars.Count), (_, area) => BarChart.Draw(doc, area, bars, Format.Amount));
            doc.Space(6);
        }
    }

    private static void Balance(ReportDocument doc, Ledger ledger, SchoolPolicy p)
    {
        var table = new Table([new Column("项目", 4), new Column("金额（元）", 1.4, Align.Right)]);
        table.Add("收入合计", Format.Amount(ledger.TotalIncome));
        table.Add("减：退费合计", Format.Amount(ledger.TotalRefunds));
        table.Add("减：支出合计", Format.Amount(ledger.TotalExpenditure));
        table.Add("清退前结余", Format.Amount(ledger.BalanceBeforeSurplus));
        table.Add("减：结余清退（退还缴费家庭）", Format.Amount(ledger.SurplusRefunded));
        if (p.Refunds.Surplus.SubsidyPart == SubsidyPart.ReturnToFunder || !ledger.SubsidyReturned.IsZero)
        {
            table.Add("减：结余中财政补贴部分退还拨款单位", Format.Amount(ledger.SubsidyReturned));
        }

        table.AddTotal("期末结余", Format.Amount(ledger.Balance));
        if (p.Refunds.Surplus.SubsidyPart == SubsidyPart.Keep && !ledger.SubsidyPart.IsZero)
        {
            // 001 篇四 清退 returns families' money: the subsidy part stays, and is shown as part of the balance.
            table.Add("其中：财政补贴结余（留存经费）", Format.Amount(ledger.SubsidyPart));
        }
        if (CarriesForward(ledger, p.Refunds.Surplus))
        {
            // Part of the balance, not taken from it: under the total, as 其中 (of which).
            table.Add("其中：结转下学期", Format.Amount(ledger.CarriedForward));
        }

        Sections.Table(doc, "六、经费结余", "Balance", table, spaceAfter: 2);
        doc.Paragraph(Disposition(ledger, p.Refunds.Surplus), TextStyle.Body, spaceAfter: 6);
    }

    /// <summary>Whether the balance has a carried-forward part to show: the plan carries it forward, or something was.</summary>
    private static bool CarriesForward(Ledger ledger, SurplusPolicy surplus) =>
        surplus.Mode == SurplusMode.CarryForward || !ledger.CarriedForward.IsZero;

    private static string Disposition(Ledger ledger, SurplusPolicy surplus)
    {
        var clause = string.IsNullOrWhiteSpace(surplus.Clause) ? "" : $"（方案 {surplus.Clause}）";
        if (ledger.BalanceBeforeSurplus.IsNegative)
        {
            return $"本学期经费收支缺口 {Format.Amount(-ledger.BalanceBeforeSurplus)} 元，由学校按规定弥补。";
        }

        if (ledger.SurplusRefunded.Yuan > 0m)
        {
            return $"结余 {Format.Amount(ledger.SurplusRefunded)} 元已{PolicyWording.Share(surplus.Share)}清退{clause}{SubsidyWords(ledger)}，期末结余 {Format.Amount(ledger.Balance)} 元。";
        }

        if (ledger.CarriedForward.Yuan > 0m)
        {
            return $"结余 {Format.Amount(ledger.CarriedForward)} 元结转下学期，继续用于课后服务，专款专用{clause}{SubsidyWords(ledger)}。";
        }

        return ledger.Balance.IsZero
            ? (ledger.SubsidyReturned.IsZero ? "本学期经费收支相抵，无结余。" : $"本学期结余{SubsidyWords(ledger)[1..]}{clause}。")
            : $"结余 {Format.Amount(ledger.Balance)} 元留存课后服务经费专户，专款专用{clause}{SubsidyWords(ledger)}。";
    }


    /// <summary>The subsidy part of the balance, where there is one: returned to the funder or kept.</summary>
    private static string SubsidyWords(Ledger ledger) =>
        !ledger.SubsidyReturned.IsZero ? $"；其中财政补贴部分 {Format.Amount(ledger.SubsidyReturned)} 元退还拨款单位"
        : !ledger.SubsidyPart.IsZero ? $"；其中财政补贴部分 {Format.Amount(ledger.SubsidyPart)} 元留存课后服务经费"
        : "";

    private static void LessonRate(ReportDocument doc, SettlementResult s, SchoolPolicy p)
    {
        var pay = Money.Sum(s.Staff.Select(x => x.LessonPay));
        var lessons = s.Staff.Sum(x => x.Lessons);
        var units = s.Staff.Sum(x => x.LessonUnits);
        var table = new Table([new Column("项目", 3), new Column("课时费合计（元）", 1.6, Align.Right), new Column("课时数", 1.1, Align.Right), new Column("平均每课时（元）", 1.6, Align.Right)]);
        table.Add("教师课时费（课时费 ÷ 课时数）", Format.Amount(pay), $"{Format.Count(lessons)} 节", lessons == 0 ? "—" : Format.Amount(RatePerLesson(pay, lessons)));
        if (p.Pay.Mode == PayMode.PerLessonHour && units > 0m && units != lessons)
        {
            table.Add($"按课时计（每 {Format.Count(p.Pay.LessonHourMinutes ?? 0)} 分钟为 1 课时）", Format.Amount(pay), $"{Format.Number(units)} 课时", Format.Amount(Money.Round(pay.Yuan / units)));
        }

        Sections.Table(doc, "七、课时报酬标准", "Lesson pay per lesson", table, spaceAfter: 2);
        var bounds = new List<string>();
        if (p.Pay.Ceiling is { } ceiling)
        {
            bounds.Add($"不高于 {Format.Amount(ceiling.Amount)} 元/{RateUnitText.Zh(ceiling.Unit, p.Pay.LessonHourMinutes)}" + Clause(ceiling.Clause));
        }

        if (p.Pay.Floor is { } floor)
        {
            bounds.Add($"不低于 {Format.Amount(floor.Amount)} 元/{RateUnitText.Zh(floor.Unit, p.Pay.LessonHourMinutes)}" + Clause(floor.Clause));
        }

        if (bounds.Count > 0)
        {
            doc.Paragraph($"方案规定课时报酬{string.Join("，", bounds)}。", TextStyle.Small, spaceAfter: 6);
        }
    }

    /// <summary>The average pay of one lesson, rounded to the fen as every amount is.</summary>
    internal static Money RatePerLesson(Money pay, int lessons) => Money.Round(pay.Yuan / lessons);

    private static string Clause(string clause) => string.IsNullOrWhiteSpace(clause) ? "" : $"（{clause}）";

    private static void Supervision(ReportDocument doc, SchoolPolicy p, NoticeDetails notice)
    {
        // The period, the telephone and the seal belong together: never leave the seal alone on a page.
        doc.EnsureSpace(TextStyle.Heading.LineHeight + (4 * TextStyle.Body.LineHeight) + SealHeight + 20);
        doc.Heading("八、公示与监督", "Notice period and complaints");
        doc.Paragraph($"公示期：{Format.TermSpan(notice.PeriodStart, notice.PeriodEnd)}（共 {Format.Count(notice.PeriodDays)} 天）。", TextStyle.Body, spaceAfter: 2);
        // 002 §1 一(二): the notice carries the complaint telephone; a plan without one is shown as such, not left out.
        var phone = string.IsNullOrWhiteSpace(p.Publication.ComplaintPhone) ? "（方案未载明投诉电话）" : p.Publication.ComplaintPhone;
        doc.Paragraph($"如对收费、退费或经费使用有疑问或异议，请在公示期内向学校反映。监督电话：{phone}。", TextStyle.Body, spaceAfter: 4);
    }

    /// <summary>The signature block with room for the school's seal (公章), which is stamped over the name and date.</summary>
    private const double SealHeight = 136;

    private static void Seal(ReportDocument doc, string school, DateOnly date)
    {
        doc.Block(SealHeight, (g, area) =>
        {
            // An official seal is about 42 mm (120 pt) across and is stamped over the name and date; the dashed circle shows where.
            const double radius = 60;
            var style = TextStyle.Body;
            var textWidth = Math.Max(doc.Measure(school + "（公章）", style), doc.Measure(Format.Date(date), style));
            var centreX = area.Right - Math.Max(radius, textWidth / 2) - 6;
            var centreY = area.Y + 8 + radius;
            g.DrawEllipse(Palette.SealGuide, centreX - radius, centreY - radius, radius * 2, radius * 2);
            var left = centreX - (textWidth / 2);
            doc.DrawAligned("（盖章处）", TextStyle.Small, left, textWidth, centreY - 40, Align.Center);
            doc.DrawAligned(school + "（公章）", style, left, textWidth, centreY - 9, Align.Center);
            doc.DrawAligned(Format.Date(date), style, left, textWidth, centreY + 9, Align.Center);
        });
    }
}
