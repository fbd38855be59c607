using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compensation.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compensation.Api.Tests;

/// <summary>
/// A decided percentage outside the plan's range (002 §1 二(四)5: 当月10%——100%) is refused whenever the term is
/// settled under a plan that refuses it (deductions.out_of_range: refuse, the default): preview, draft, what-if and
/// finalise answer 400 bad-input naming conduct.csv, its row, the event, the value and the range, and nothing is saved.
/// </summary>
public sealed class DecidedPercentTests : IDisposable
{
    private const string Sample = "yongqiao-002-s1";
    private const string BaseUrl = "/api/schools/s1/terms/2025-spring/settlements";
    private static readonly string[] FactFiles = ["calendar.csv", "enrolments.csv", "attendance.csv", "hardship.csv", "payments.csv", "staff.csv", "lessons.csv", "duties.csv", "expenses.csv"];
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    private static string SamplePlan() => File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml"));

    private static StringContent Plan(string text) => new(text, Encoding.UTF8, "text/plain");

    /// <summary>The sample's plan with the earlier reading: the nearest bound applied, with a finding.</summary>
    private static string ClampPlan()
    {
        var plan = SamplePlan();
        Assert.Contains("  out_of_range: refuse", plan, StringComparison.Ordinal);
        return plan.Replace("  out_of_range: refuse", "  out_of_range: clamp", StringComparison.Ordinal);
    }

    /// <summary>School s1, term 2025-spring, the sample's facts with C06 (conduct.csv row 7) decided at 5 %; an accountant's client.</summary>
    private async Task<HttpClient> TermWithC06AtFivePercentAsync()
    {
        var admin = _service.As(Service.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/schools", new { id = "s1", name = "埇桥区示例小学" })).StatusCode);
        var keyResponse = await admin.PostAsJsonAsync("/api/keys", new { name = "accountant of s1", role = "accountant", schoolId = "s1" });
        var accountant = _service.As((await keyResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsJsonAsync("/api/schools/s1/terms", new { termId = "2025-spring", start = "2025-03-17", end = "2025-04-11" })).StatusCode);

        var conduct = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "facts", "conduct.csv"));
        const string c06 = "C06,T03,2025-03-27,perfunctory,20,";
        Assert.Contains(c06, conduct, StringComparison.Ordinal);
        Assert.Equal(7, conduct.Split('\n').ToList().FindIndex(l => l.StartsWith("C06,", StringComparison.Ordinal)) + 1); // header = row 1
        var form = Service.Files(Sample, FactFiles);
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(conduct.Replace(c06, "C06,T03,2025-03-27,perfunctory,5,", StringComparison.Ordinal))), "conduct.csv", "conduct.csv");
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", form)).StatusCode);
        return accountant;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bad-input", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("conduct.csv", 7, "decided_percent"), (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        var message = error.GetProperty("message").GetString()!;
        foreach (var part in new[] { "event C06", "5%", "10%–100%" })
        {
            Assert.Contains(part, message, StringComparison.Ordinal);
        }
    }

    private async Task<int> RunsAsync()
    {
        using var scope = _service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Runs.CountAsync();
    }

    [Fact]
    public async Task PreviewDraftAndWhatIf_RefuseTheTerm_NamingTheRowEventValueAndRange_AndSaveNothing()
    {
        var accountant = await TermWithC06AtFivePercentAsync();
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/plans", Plan(ClampPlan()))).StatusCode);   // version 1
        var clamped = await accountant.PostAsync(BaseUrl + "/preview", null);
        Assert.Equal(HttpStatusCode.OK, clamped.StatusCode); // the earlier reading settles: 10 % applied, with a finding
        Assert.Contains("deduction-out-of-range", await clamped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/plans", Plan(SamplePlan()))).StatusCode); // version 2: refuse
        await AssertRefusedAsync(await accountant.PostAsync(BaseUrl + "/preview", null), "preview");
        await AssertRefusedAsync(await accountant.PostAsync(BaseUrl, null), "draft");
        await AssertRefusedAsync(await accountant.PostAsJsonAsync(BaseUrl + "/what-if", new { planVersion = 1 }), "what-if (the newest plan is the baseline)");
        Assert.Equal(0, await RunsAsync());
    }

    [Fact]
    public async Task FinalisingADraftWhosePlanNowRefusesTheValue_IsRefused_AndTheDraftStaysADraft()
    {
        var accountant = await TermWithC06AtFivePercentAsync();
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/plans", Plan(ClampPlan()))).StatusCode);
        var draft = await accountant.PostAsync(BaseUrl, null);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var runId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();

        // The saved plan loses its out_of_range key, as a plan saved before the key existed reads under today's default.
        using (var scope = _service.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var plan = await db.Plans.SingleAsync();
            plan.Content = plan.Content.Replace("  out_of_range: clamp", "", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }

        await AssertRefusedAsync(await accountant.PostAsync($"{BaseUrl}/{runId}/finalise", null), "finalise");
        var run = await accountant.GetAsync($"{BaseUrl}/{runId}");
        Assert.Equal("draft", Assert.Single(run.Headers.GetValues("X-Settlement-Status")));
    }
}
