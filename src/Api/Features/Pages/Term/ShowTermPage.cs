using System.Text;
using Compensation.Api.Auth;
using Compensation.Api.Features.Published;
using Compensation.Api.Features.Published.Accounts;
using Compensation.Api.Services;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Pages.Term;

public sealed class TermPageRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>
/// GET /published/schools/{SchoolId}/terms/{TermId}: the public notice's figures from the term's newest
/// final settlement, the same accounts as GET /api/published/… (<see cref="PublishedAccounts"/>): fee
/// standard, counts, income, refunds, spending with its chart, balance and what happens to it, lesson
/// pay per lesson, and the link to the notice PDF. Totals and counts only.
/// </summary>
public sealed class ShowTermPage : PageEndpoint<TermPageRequest>
{
    public override void Configure() => Page(Http.GET, "/published/schools/{SchoolId}/terms/{TermId}");

    protected override async Task Handle(TermPageRequest req, CancellationToken ct)
    {
        await CheckSchoolAsync(req.SchoolId);

        var school = await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.SchoolId, ct) ?? throw ServiceError.NotFound($"school {req.SchoolId}");
        var term = await Db.Terms.AsNoTracking().SingleOrDefaultAsync(t => t.SchoolId == school.Id && t.TermId == req.TermId, ct) ?? throw ServiceError.NotFound($"term {req.TermId}");
        var run = await PublishedAccounts.LatestFinalAsync(Db, term, ct) ?? throw ServiceError.NotFound($"term {req.TermId} (not published yet)");
        var (_, result) = await Resolve<Services.SavedResults>().LoadAsync(Db, term, run.Id, ct);
        var published = PublishedAccounts.From(school, term, run, result);
        var plan = await Db.Plans.AsNoTracking().SingleAsync(p => p.Id == published.PlanVersionId, ct);
        var policy = Resolve<Services.PlanPolicies>().Of(plan);
        var html = Html.Document("课后服务经费收支情况公示", "Public notice of after-school service income and expenditure", school.Name,
            Render(school.Id, published, policy), signedIn: true);
        await SendHtmlAsync(html, ct);
    }

    private static string Render(string schoolId, PublishedTerm published, SchoolPolicy policy)
    {
        var a = published.Accounts;
        var schoolUrl = "/published/schools/" + Html.Segment(schoolId);
        var noticeUrl = $"/api/published/schools/{Html.Segment(schoolId)}/terms/{Html.Segment(a.Term)}/notice.pdf";
        var main = new StringBuilder();
        main.Append($"<nav class=\"crumbs\"><a href=\"{Html.Encode(schoolUrl)}\">← 本校已公示学期 <span class=\"en-inline\">Published terms</span></a></nav>\n");
        main.Append("<dl class=\"facts meta\">\n")
            .Append($"<dt>{Html.Bilingual("学期", "Term")}</dt><dd data-figure=\"term\">{Html.Encode(a.Term)}</dd>\n")
            .Append($"<dt>{Html.Bilingual("起止日期", "Dates")}</dt><dd>{Html.NoWrap(Html.Date(a.Start))}至{Html.NoWrap(Html.Date(a.End))}</dd>\n")
            .Append($"<dt>{Html.Bilingual("实施方案", "Plan")}</dt><dd>《{Html.Encode(policy.Plan)}》</dd>\n")
            .Append($"<dt>{Html.Bilingual("结算", "Settlement")}</dt><dd>第 <span data-figure=\"final-version\">{Html.Count(a.FinalVersion)}</span> 版定稿</dd>\n")
            .Append(a.FinalisedAt is { } at ? $"<dt>{Html.Bilingual("定稿时间", "Finalised")}</dt><dd>{Html.NoWrap(Html.Time(at))}{Html.NoWrap("（北京时间）")}</dd>\n" : "")
            .Append("</dl>\n");
        main.Append(Tiles(a));
        main.Append(Html.Section("一、收费标准", "Fee standard", FeeStandard(policy)));
        main.Append(Html.Section("二、参加学生", "Participating students (counts only)", Participation(a)));
        main.Append(Html.Section("三、经费收入", "Income by source", Lines(a.Income, "income", "收入合计", "Total income", a.TotalIncome)));
        main.Append(Html.Section("四、退费", "Refunds by kind", Lines(a.Refunds, "refunds", "退费合计", "Total refunds", a.TotalRefunds)
            + Html.Paragraph("学期末结余清退见“六、经费结余”。", "The surplus refund at the end of term is shown under 6, Balance.", "small")));
        main.Append(Html.Section("五、经费支出", "Spending by category", Spending(a)));
        main.Append(Html.Section("六、经费结余", "Balance and what happens to it", Balance(a, policy.Refunds.Surplus)));
        main.Append(Html.Section("七、课时报酬", "Lesson pay per lesson", LessonPay(published, policy.Pay)));
        var (holds, holdsEn) = string.IsNullOrWhiteSpace(policy.Publication.ComplaintPhone)
            ? ("含公示期；方案未载明投诉电话", "with the notice period (the plan gives no complaint telephone)")
            : ("含公示期和监督电话", "with the notice period and the complaint telephone");
        main.Append(Html.Section("八、公示文件", "The notice (PDF)",
            Html.Paragraph($"盖章公示的完整文件（{holds}）：", $"The full notice {holdsEn}:")
            + $"<p><a class=\"button\" id=\"notice-pdf\" href=\"{Html.Encode(noticeUrl)}\">下载公示 PDF <span class=\"en-inline\">Download</span></a></p>\n"));
        return main.ToString();
    }

    private static string Tiles(AccountsResponse a)
    {
        static string Tile(string zh, string en, string value, string unit, bool negative = false) =>
            $"<div class=\"tile\"><div class=\"label\">{Html.Bilingual(zh, en)}</div><div class=\"value{(negative ? " negative" : "")}\">{Html.Encode(value)}<span class=\"unit\">{Html.Encode(unit)}</span></div></div>\n";
        return "<div class=\"tiles\">\n"
            + Tile("收入合计", "Income", Html.Amount(a.TotalIncome), "元")
            + Tile("支出合计", "Spending", Html.Amount(a.TotalExpenditure), "元")
            + Tile("期末结余", "Balance", Html.Amount(a.Balance), "元", a.Balance < 0m)
            + Tile("平均每课时", "Pay per lesson", Html.Amount(a.LessonPayPerLesson), "元")
            + "</div>\n";
    }

    private static string FeeStandard(SchoolPolicy p)
    {
        var rows = new List<(string Label, string En, string Value)>
        {
            ("收费方式", "Fee mode", p.Fees.Mode switch
            {
                FeeMode.FlatTerm => "按学期定额收费",
                FeeMode.PerLessonHour => "按课时收费，按月预收，学期末多退少补",
                _ => "不收费（公益性服务）",
            }),
            ("收费标准", "Fee", p.Fees.Mode switch
            {
                FeeMode.FlatTerm => $"每生每学期 {Html.Amount(p.Fees.TermFee)} 元（按每周 5 天计）"
                    + (p.Fees.ProRataByDaysPerWeek ? "；每周参加不足 5 天的按天数折算" : "")
                    + (p.Fees.ProRataJoin ? "；学期中途参加的按参加后的服务日折算" : ""),
                FeeMode.PerLessonHour => $"每生每课时 {Html.Amount(p.Fees.RatePerLessonHour)} 元，每个服务日计 {p.Fees.LessonHoursPerDay:0.##} 课时，按实际参加天数计算",
                _ => "不收费",
            }),
        };
        if (p.Fees.Cap is { } cap)
        {
            var parts = new List<string>();
            if (cap.PerTerm is { } perTerm)
            {
                parts.Add($"每生每学期不超过 {Html.Amount(perTerm)} 元");
            }

            if (cap.PerLessonHour is { } perHour)
            {
                parts.Add($"每生每课时不超过 {Html.Amount(perHour)} 元");
            }

            if (parts.Count > 0)
            {
                rows.Add(("最高限额", "Cap", string.Join("；", parts)));
            }
        }

        switch (p.Subsidy.Mode)
        {
            case SubsidyMode.PerStudent:
                rows.Add(("财政补贴", "Subsidy", $"每生每学期 {Html.Amount(p.Subsidy.PerStudent)} 元，先以财政补贴抵扣，不足部分由家长承担"));
                break;
            case SubsidyMode.LumpSum:
                rows.Add(("财政补贴", "Subsidy", "财政补贴按各生应收费用比例分摊，先以补贴抵扣，不足部分由家长承担"));
                break;
            case SubsidyMode.Fund:
                rows.Add(("财政补贴", "Subsidy", "财政补贴纳入课后服务经费，用于课后服务支出，不抵扣家长费用"));
                break;
        }

        if (p.Waivers.Categories.Count > 0)
        {
            // The rule is published, the categories are not: with a handful of waived students a category could point at a family.
            rows.Add(("减免办法", "Waivers", "经家庭申请、学校审批后减免服务费（减免类别不公示）"));
        }

        var refunds = PolicyWording.Refunds(p.Refunds, p.Subsidy.Mode != SubsidyMode.None);
        if (refunds.Count > 0)
        {
            rows.Add(("退费办法", "Refunds", string.Join("；", refunds)));
        }

        rows.Add(("收费依据", "Basis", string.IsNullOrWhiteSpace(p.Publication.LegalBasis) ? $"《{p.Plan}》" : $"{p.Publication.LegalBasis}；《{p.Plan}》"));
        var dl = new StringBuilder("<dl class=\"facts\">\n");
        foreach (var (label, en, value) in rows)
        {
            dl.Append($"<dt>{Html.Bilingual(label, en)}</dt><dd>{Html.Encode(value)}</dd>\n");
        }

        return dl.Append("</dl>\n").ToString();
    }

    private static string Participation(AccountsResponse a) =>
        "<table>\n<thead><tr><th>项目 Item</th><th class=\"num\">人数 Count</th></tr></thead>\n<tbody>\n"
        + $"<tr><td>{Html.Label("参加课后服务学生", "Students in the service")}</td><td class=\"num\" data-figure=\"students\">{Html.Count(a.Students)}</td></tr>\n"
        + $"<tr><td>{Html.Label("其中：经审批减免服务费", "of whom with an approved waiver")}</td><td class=\"num\" data-figure=\"waivers\">{Html.Count(a.StudentsWithWaivers)}</td></tr>\n"
        + $"<tr class=\"sub\"><td>{Html.Label("参与服务的教职工", "Staff in the service")}</td><td class=\"num\" data-figure=\"staff\">{Html.Count(a.Staff)}</td></tr>\n"
        + "</tbody>\n</table>\n";

    private static string Lines(IReadOnlyList<AccountLine> lines, string section, string totalZh, string totalEn, decimal total)
    {
        var table = new StringBuilder("<table>\n<thead><tr><th>项目 Item</th><th class=\"num\">金额（元）Yuan</th></tr></thead>\n<tbody>\n");
        foreach (var line in lines)
        {
            table.Append($"<tr{(line.Amount == 0m ? " class=\"zero\"" : "")}><td>{Html.Label(line.NameZh, line.NameEn)}</td>{AmountCell(line.Amount, $"{section}.{line.Category}")}</tr>\n");
        }

        table.Append($"<tr class=\"total\"><td>{Html.Label(totalZh, totalEn)}</td>{AmountCell(total, "total-" + section)}</tr>\n");
        return table.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Spending(AccountsResponse a)
    {
        var content = new StringBuilder(Lines(a.Expenditure, "expenditure", "支出合计", "Total spending", a.TotalExpenditure));
        if (a.Expenditure.Any(l => l.Amount < 0m))
        {
            content.Append(Html.Paragraph("负数为按绩效考核办法扣回的劳务报酬，冲减支出。", "A negative amount is pay taken back under the performance review; it reduces spending.", "small"));
        }

        var chart = SpendingChart.Svg(a.Expenditure);
        if (chart.Length > 0)
        {
            content.Append("<figure class=\"chart\" id=\"spending-chart\">\n<p><b>支出构成（元）</b><span class=\"en\">Spending by category (yuan); bars left of the line are negative</span></p>\n")
                .Append(chart).Append("\n</figure>\n");
        }

        return content.ToString();
    }

    private static string Balance(AccountsResponse a, SurplusPolicy surplus)
    {
        var beforeSurplus = a.TotalIncome - a.TotalRefunds - a.TotalExpenditure;
        var rows = new (string Zh, string En, decimal Amount, string Figure)[]
        {
            ("收入合计", "Income", a.TotalIncome, "balance.income"),
            ("减：退费合计", "less refunds", a.TotalRefunds, "balance.refunds"),
            ("减：支出合计", "less spending", a.TotalExpenditure, "balance.spending"),
            ("清退前结余", "Before a surplus refund", beforeSurplus, "balance-before-surplus"),
            ("减：结余清退（退还缴费家庭）", "less surplus refunded", a.SurplusRefunded, "surplus-refunded"),
        };
        if (surplus.SubsidyPart == SubsidyPart.ReturnToFunder || a.SubsidyReturned != 0m)
        {
            rows = [.. rows, ("减：结余中财政补贴部分退还拨款单位", "less the subsidy part returned to the funder", a.SubsidyReturned, "subsidy-returned")];
        }

        var table = new StringBuilder("<table>\n<thead><tr><th>项目 Item</th><th class=\"num\">金额（元）Yuan</th></tr></thead>\n<tbody>\n");
        foreach (var (zh, en, amount, figure) in rows)
        {
            table.Append($"<tr{(amount == 0m ? " class=\"zero\"" : "")}><td>{Html.Label(zh, en)}</td>{AmountCell(amount, figure)}</tr>\n");
        }

        table.Append($"<tr class=\"total\"><td>{Html.Label("期末结余", "Balance")}</td>{AmountCell(a.Balance, "balance")}</tr>\n");
        if (surplus.SubsidyPart == SubsidyPart.Keep && a.SubsidyPart != 0m)
        {
            // 001 篇四 清退 returns families' money: the subsidy part stays, and is shown as part of the balance.
            table.Append($"<tr class=\"sub\"><td>{Html.Label("其中：财政补贴结余（留存经费）", "of which the subsidy part, kept")}</td>{AmountCell(a.SubsidyPart, "subsidy-part")}</tr>\n");
        }
        if (surplus.Mode == SurplusMode.CarryForward || a.CarriedForward != 0m)
        {
            // Part of the balance, not taken from it: under the total, as 其中 (of which).
            table.Append($"<tr class=\"sub\"><td>{Html.Label("其中：结转下学期", "of which carried to next term")}</td>{AmountCell(a.CarriedForward, "carried-forward")}</tr>\n");
        }

        table.Append("</tbody>\n</table>\n");
        table.Append($"<p class=\"disposition\">{Disposition(a, beforeSurplus, surplus)}</p>\n");
        return table.ToString();
    }

    /// <summary>What happened to the balance, in the notice's words, as HTML.</summary>
    private static string Disposition(AccountsResponse a, decimal beforeSurplus, SurplusPolicy surplus)
    {
        var clause = Clause(surplus.Clause, "方案 ");
        if (beforeSurplus < 0m)
        {
            return Html.Encode($"本学期经费收支缺口 {Html.Amount(-beforeSurplus)} 元，由学校按规定弥补。");
        }

        if (a.SurplusRefunded > 0m)
        {
            return Html.Encode($"结余 {Html.Amount(a.SurplusRefunded)} 元已{PolicyWording.Share(surplus.Share)}清退") + clause + Html.Encode($"{SubsidyWords(a)}，期末结余 {Html.Amount(a.Balance)} 元。");
        }

        if (a.CarriedForward > 0m)
        {
            return Html.Encode($"结余 {Html.Amount(a.CarriedForward)} 元结转下学期，继续用于课后服务，专款专用") + clause + Html.Encode(SubsidyWords(a)) + "。";
        }

        return a.Balance == 0m
            ? (a.SubsidyReturned == 0m ? Html.Encode("本学期经费收支相抵，无结余。") : Html.Encode($"本学期结余{SubsidyWords(a)[1..]}") + clause + "。")
            : Html.Encode($"结余 {Html.Amount(a.Balance)} 元留存课后服务经费专户，专款专用") + clause + Html.Encode(SubsidyWords(a)) + "。";
    }


    /// <summary>The subsidy part of the balance, where there is one: returned to the funder or kept.</summary>
    private static string SubsidyWords(AccountsResponse a) =>
        a.SubsidyReturned != 0m ? $"；其中财政补贴部分 {Html.Amount(a.SubsidyReturned)} 元退还拨款单位"
        : a.SubsidyPart != 0m ? $"；其中财政补贴部分 {Html.Amount(a.SubsidyPart)} 元留存课后服务经费"
        : "";

    private static string LessonPay(PublishedTerm published, PayPolicy pay)
    {
        var a = published.Accounts;
        var content = "<table>\n<tbody>\n"
            + $"<tr><td>{Html.Label("教师课时费合计", "Lesson pay in all")}</td>{AmountCell(published.LessonPay, "lesson-pay")}</tr>\n"
            + $"<tr><td>{Html.Label("课时数", "Lessons")}</td><td class=\"num\"><span data-figure=\"lessons\">{Html.Count(a.Lessons)}</span> 节</td></tr>\n"
            + $"<tr class=\"total\"><td>{Html.Label("平均每课时（课时费 ÷ 课时数）", "Pay per lesson")}</td>"
            + (a.Lessons == 0 ? "<td class=\"num\">—</td>" : AmountCell(a.LessonPayPerLesson, "per-lesson"))
            + "</tr>\n</tbody>\n</table>\n";
        var bounds = new List<string>();
        if (pay.Ceiling is { } ceiling)
        {
            bounds.Add(Html.Encode($"不高于 {Html.Amount(ceiling.Amount)} 元/{RateUnitText.Zh(ceiling.Unit, pay.LessonHourMinutes)}") + Clause(ceiling.Clause));
        }

        if (pay.Floor is { } floor)
        {
            bounds.Add(Html.Encode($"不低于 {Html.Amount(floor.Amount)} 元/{RateUnitText.Zh(floor.Unit, pay.LessonHourMinutes)}") + Clause(floor.Clause));
        }

        return bounds.Count == 0 ? content : content + $"<p class=\"small\">方案规定课时报酬{string.Join("，", bounds)}。</p>\n";
    }

    private static string AmountCell(decimal amount, string figure) =>
        $"<td class=\"num{(amount < 0m ? " negative" : "")}\" data-figure=\"{Html.Encode(figure)}\">{Html.Encode(Html.Amount(amount))}</td>";

    /// <summary>A plan clause in brackets, as HTML that does not break inside the clause number.</summary>
    private static string Clause(string clause, string prefix = "") =>
        string.IsNullOrWhiteSpace(clause) ? "" : Html.Encode("（" + prefix) + Html.NoWrap(clause) + Html.Encode("）");
}
