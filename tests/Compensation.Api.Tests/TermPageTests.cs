using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compensation.Api.Tests;

/// <summary>
/// The committee's page of a published term (GET /published/schools/{school}/terms/{term}), read as
/// HTML. Amounts from rules-samples/yongqiao-002-s1/README.md.
/// </summary>
public sealed partial class TermPageTests : IDisposable
{
    private const string Term = "/published/schools/demo/terms/2025-spring-sample";
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task ABalanceCarriedForward_IsShownAsPartOfTheBalance_SoTheRowsAddUp()
    {
        // The demo term settled again under the 埇桥 plan with `surplus: carry-forward` instead of keep: fees 1,785.00,
        // refunds 105.00, spending 1,000 + 600 − 232.50 + 50 + 30 = 1,447.50; before a surplus refund
        // 1,785 − 105 − 1,447.50 = 232.50; nothing refunded, so the balance is 232.50 − 0 = 232.50, all of it carried forward.
        var html = await PageUnderAnotherPlanAsync("    mode: keep ", "    mode: carry-forward ");
        var rows = AmountRows().Matches(html).Select(m => (Label: m.Groups["label"].Value, Figure: m.Groups["figure"].Value, Amount: m.Groups["amount"].Value)).ToList();
        var balance = rows.SkipWhile(r => r.Figure != "balance.income").ToList();
        Assert.Equal(
        [
            ("收入合计", "balance.income", "1,785.00"),
            ("减：退费合计", "balance.refunds", "105.00"),
            ("减：支出合计", "balance.spending", "1,447.50"),
            ("清退前结余", "balance-before-surplus", "232.50"),
            ("减：结余清退（退还缴费家庭）", "surplus-refunded", "0.00"),
            ("期末结余", "balance", "232.50"),
            ("其中：结转下学期", "carried-forward", "232.50"),
        ], balance.Take(7));
        Assert.Contains("结余 232.50 元结转下学期", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABalanceKept_HasNoCarryForwardLine()
    {
        // The sample's own plan keeps the balance (002 §1 一(三)): 232.50 stays in the fund, nothing is carried forward.
        var html = await (await _service.As(Service.AdminKey).GetAsync(Term)).Content.ReadAsStringAsync();
        Assert.Contains("data-figure=\"balance\">232.50<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("结转下学期", html, StringComparison.Ordinal);
        Assert.DoesNotContain("carried-forward", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRefundsCard_PointsToTheBalanceCard_InBothLanguages()
    {
        var html = await (await _service.As(Service.AdminKey).GetAsync(Term)).Content.ReadAsStringAsync();
        Assert.Contains("学期末结余清退见“六、经费结余”。<span class=\"en\">The surplus refund at the end of term is shown under 6, Balance.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAbsenceRefund_IsStatedAsThePlanConfiguresIt()
    {
        // The sample's plan: refunds.absence.min_weeks: 1 (连续一周以上, 以上 includes the week).
        var html = await (await _service.As(Service.AdminKey).GetAsync(Term)).Content.ReadAsStringAsync();
        Assert.Contains("因故连续缺勤一周及以上的（连续缺勤的服务日数达到本生每周服务日数，或含一个日历周的全部服务日；节假日不中断也不计入），按日退还相应费用", html, StringComparison.Ordinal);
        Assert.DoesNotContain("个服务日及以上", html, StringComparison.Ordinal);

        // The same term under a plan that states the threshold in service days (the reading before min_weeks).
        var days = await PageUnderAnotherPlanAsync("    min_weeks: 1 ", "    min_service_days: 6\n    # ");
        Assert.Contains("因故连续缺勤 6 个服务日及以上的，按日退还相应费用", days, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanWithoutAComplaintPhone_IsNotSaidToHaveOne()
    {
        var kept = await (await _service.As(Service.AdminKey).GetAsync(Term)).Content.ReadAsStringAsync();
        Assert.Contains("盖章公示的完整文件（含公示期和监督电话）：", kept, StringComparison.Ordinal);

        var html = await PageUnderAnotherPlanAsync("  complaint_phone: \"0557-0000000\"\n", "");
        Assert.Contains("盖章公示的完整文件（含公示期；方案未载明投诉电话）：", html, StringComparison.Ordinal);
        Assert.DoesNotContain("监督电话", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALessonHourBound_IsWrittenWithTheMinutesOfTheSchoolsLessonHour()
    {
        // A 课时 is not an hour unless the plan says so: the page names the plan's 40 minutes.
        var html = await PageUnderAnotherPlanAsync(
            "  ceiling: { amount: 60, unit: lesson,",
            "  lesson_hour_minutes: 40\n  ceiling: { amount: 90, unit: lesson-hour,");
        Assert.Contains("元/课时（40 分钟）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("课时（小时）", html, StringComparison.Ordinal);
    }

    /// <summary>The demo term settled again and finalised under the sample's plan with one piece of text replaced; its page.</summary>
    private async Task<string> PageUnderAnotherPlanAsync(string text, string replacement)
    {
        var admin = _service.As(Service.AdminKey);
        var plan = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "policy.yaml"));
        var changed = plan.Replace(text, replacement, StringComparison.Ordinal);
        Assert.NotEqual(plan, changed);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/schools/demo/plans", new StringContent(changed, Encoding.UTF8, "text/plain"))).StatusCode);
        const string settlements = "/api/schools/demo/terms/2025-spring-sample/settlements";
        var draft = await admin.PostAsync(settlements, null);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var runId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{settlements}/{runId}/finalise", null)).StatusCode);
        var page = await admin.GetAsync(Term);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>A table row of a label (Chinese, then its English in a span) and one amount cell with its figure name.</summary>
    [GeneratedRegex("<tr[^>]*><td>(?<label>[^<]*?) <span class=\"en-inline\">[^<]*</span></td><td class=\"num[^\"]*\" data-figure=\"(?<figure>[^\"]*)\">(?<amount>[^<]*)</td></tr>")]
    private static partial Regex AmountRows();
}
