using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// A school's term through the service: school, keys, term, plan, facts, preview, draft, finalise,
/// reproduce, the HR feed and the published accounts. Expected amounts are the 埇桥 sample's,
/// worked out by hand in rules-samples/yongqiao-002-s1/README.md.
/// </summary>
public sealed class SettlementFlowTests : IDisposable
{
    private const string Sample = "yongqiao-002-s1";
    private static readonly string[] FactFiles = ["calendar.csv", "enrolments.csv", "attendance.csv", "hardship.csv", "payments.csv", "staff.csv", "lessons.csv", "conduct.csv", "duties.csv", "expenses.csv"];
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    private async Task<(HttpClient Admin, string Accountant)> SchoolWithTermAsync(string school = "s1")
    {
        var admin = _service.As(Service.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/schools", new { id = school, name = "埇桥区示例小学" })).StatusCode);
        var key = await KeyAsync(admin, "accountant", school);
        var accountant = _service.As(key);
        var term = await accountant.PostAsJsonAsync($"/api/schools/{school}/terms", new { termId = "2025-spring", start = "2025-03-17", end = "2025-04-11" });
        Assert.Equal(HttpStatusCode.Created, term.StatusCode);
        return (admin, key);
    }

    private static async Task<string> KeyAsync(HttpClient admin, string role, string? school)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = role + " of " + school, role, schoolId = school });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static StringContent Plan(string text) => new(text, Encoding.UTF8, "text/plain");

    private static string SamplePlan() => File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml"));

    [Fact]
    public async Task WithoutAKey_EveryRouteIsRefused()
    {
        var anonymous = _service.As(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _service.As("cmp_wrong").GetAsync("/api/schools")).StatusCode);
    }

    [Fact]
    public async Task ABadPlan_IsRefusedWithItsLineAndField_AndNoVersionIsSaved()
    {
        var (_, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        var response = await accountant.PostAsync("/api/schools/s1/plans?fileName=bad.yaml", Plan("school: X\nplan: Y\nfees:\n  mode: flat-term\n  term_fee: abc\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bad-input", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(("bad.yaml", 5, "fees.term_fee"), (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        var plans = await accountant.GetFromJsonAsync<JsonElement>("/api/schools/s1/plans");
        Assert.Equal(0, plans.GetArrayLength());
    }

    [Fact]
    public async Task ABadRow_IsRefusedWithFileRowAndColumn_AndTheTermIsUnchanged()
    {
        var (_, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", Service.Files(Sample, FactFiles))).StatusCode);

        var bad = Service.Text("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T01,2025-03-17,40\nL2,NOBODY,2025-03-17,forty\n");
        var response = await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}:{e.GetProperty("field").GetString()}").ToList();
        Assert.Contains("lessons.csv:3:staff_id", errors);
        Assert.Contains("lessons.csv:3:minutes", errors);
        var imports = await accountant.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/2025-spring/imports");
        Assert.Equal(1, imports.GetArrayLength());
    }

    [Fact]
    public async Task EveryKindOfBadFile_IsNamedWithFileRowAndColumn_InOneAnswer_AndTheTermIsUnchanged()
    {
        var (_, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/plans", Plan(SamplePlan()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", Service.Files(Sample, FactFiles))).StatusCode);

        var form = new MultipartFormDataContent();
        void Add(string name, byte[] bytes) => form.Add(new ByteArrayContent(bytes), name, name);
        Add("lessons.csv", Encoding.UTF8.GetBytes(
            "lesson_id,staff_id,date,minutes\n"
            + "L1,T01,2025-03-17,40\n"
            + "L2,NOBODY,2025-03-17,forty\n"   // line 3: an unknown teacher, minutes not a number
            + "L3,T01,2025-05-01,40\n"        // line 4: after the term's last day, 2025-04-11
            + "L1,T01,2025-03-18,40\n"));     // line 5: L1 again
        Add("payments.csv", Encoding.UTF8.GetBytes(
            "payment_id,student_id,date,amount\n"
            + "P1,S01,2025-03-17,350\n"
            + "P2,S99,2025-03-17,350\n"       // line 3: no such student
            + "P1,S02,2025-03-17,350\n"));    // line 4: P1 again
        Add("conduct.csv", Encoding.UTF8.GetBytes("event_id,staff_id,date,kind,decided_percent,lesson_id,note\nC1,T01,2025-03-18,late,,,\"迟到\n")); // line 2: a quote never closed
        Add("hardship.csv", [.. Encoding.UTF8.GetBytes("approval_id,student_id,category,waiver_percent,approved_on,approved_by\nH1,S04,"), 0xB5, 0xCD, 0xB1, 0xA3, .. Encoding.UTF8.GetBytes(",100,2025-03-01,校长\n")]); // line 2: GBK, not UTF-8
        Add("lesson.csv", Encoding.UTF8.GetBytes("lesson_id\nL9\n")); // no such kind of fact
        var before = await accountant.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/2025-spring/imports");

        var response = await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (Where: $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}:{e.GetProperty("field").GetString()}", Message: e.GetProperty("message").GetString()!)).ToList();
        foreach (var where in new[]
        {
            "lessons.csv:3:staff_id", "lessons.csv:3:minutes", "lessons.csv:4:date", "lessons.csv:5:lesson_id",
            "payments.csv:3:student_id", "payments.csv:4:payment_id",
        })
        {
            Assert.Contains(errors, e => e.Where == where);
        }

        Assert.Contains(errors, e => e.Where.StartsWith("conduct.csv:2:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Where.StartsWith("hardship.csv:2:", StringComparison.Ordinal) && e.Message.Contains("UTF-8", StringComparison.Ordinal));
        var unknown = Assert.Single(errors, e => e.Where.StartsWith("lesson.csv:", StringComparison.Ordinal));
        Assert.Contains("lessons.csv", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("term.csv", unknown.Message, StringComparison.Ordinal);

        Assert.Equal(before.GetArrayLength(), (await accountant.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/2025-spring/imports")).GetArrayLength());
        var preview = await (await accountant.PostAsync("/api/schools/s1/terms/2025-spring/settlements/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1785.00m, preview.GetProperty("ledger").GetProperty("totalIncome").GetDecimal()); // the sample's facts, unchanged: 350 + 350 + 210 + 0 + 175 + 350 + 350
    }

    [Fact]
    public async Task TheSameImportTwice_ChangesNothing_AndAReusedKeyWithAnotherBodyIsAConflict()
    {
        var (_, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        var url = "/api/schools/s1/terms/2025-spring/facts";
        var first = new HttpRequestMessage(HttpMethod.Post, url) { Content = Service.Files(Sample, FactFiles) };
        first.Headers.Add("Idempotency-Key", "k1");
        Assert.Equal(HttpStatusCode.Created, (await accountant.SendAsync(first)).StatusCode);

        var again = new HttpRequestMessage(HttpMethod.Post, url) { Content = Service.Files(Sample, FactFiles) };
        again.Headers.Add("Idempotency-Key", "k1");
        var repeated = await accountant.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.True((await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());

        var sameFilesNoKey = await accountant.PostAsync(url, Service.Files(Sample, FactFiles));
        Assert.Equal(HttpStatusCode.OK, sameFilesNoKey.StatusCode);

        var other = new HttpRequestMessage(HttpMethod.Post, url) { Content = Service.Files(Sample, "lessons.csv") };
        other.Headers.Add("Idempotency-Key", "k1");
        var conflict = await accountant.SendAsync(other);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("idempotency-key-reused", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(1, (await accountant.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/2025-spring/imports")).GetArrayLength());
    }

    [Fact]
    public async Task ATermIsSettledFinalisedAndPublished()
    {
        var (admin, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/plans", Plan(SamplePlan()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", Service.Files(Sample, FactFiles))).StatusCode);
        var baseUrl = "/api/schools/s1/terms/2025-spring/settlements";

        var preview = await (await accountant.PostAsync(baseUrl + "/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        var fees = preview.GetProperty("ledger").GetProperty("income").EnumerateArray().Single(l => l.GetProperty("category").GetString() == "fees");
        Assert.Equal(1785.00m, fees.GetProperty("amount").GetDecimal()); // 350 + 350 + 210 + 0 + 175 + 350 + 350

        var draft = await accountant.PostAsync(baseUrl, null);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var runId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();

        var finalised = await accountant.PostAsync($"{baseUrl}/{runId}/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var run = (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run");
        Assert.Equal(("final", 1), (run.GetProperty("status").GetString(), run.GetProperty("finalVersion").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await accountant.PostAsync($"{baseUrl}/{runId}/finalise", null)).StatusCode);

        var saved = await accountant.GetAsync($"{baseUrl}/{runId}");
        var bytes = await saved.Content.ReadAsByteArrayAsync();
        Assert.Equal(run.GetProperty("outputSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Empty(saved.Content.Headers.ContentEncoding);
        var gzipped = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/{runId}");
        gzipped.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await accountant.SendAsync(gzipped);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        var raw = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(raw.Length * 4 < bytes.Length, $"{raw.Length} bytes gzip-encoded of {bytes.Length}");
        using (var inflate = new System.IO.Compression.GZipStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress))
        using (var inflated = new MemoryStream())
        {
            inflate.CopyTo(inflated);
            Assert.Equal(bytes, inflated.ToArray());
        }

        var reproduced = await (await accountant.PostAsync($"{baseUrl}/{runId}/reproduce", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reproduced.GetProperty("identical").GetBoolean());

        var hr = _service.As(await KeyAsync(admin, "hr", "s1"));
        var feed = await hr.GetAsync("/api/pay?school=s1&term=2025-spring&month=2025-03");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var t01 = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("staffId").GetString() == "T01");
        Assert.Equal(300.00m, t01.GetProperty("gross").GetDecimal());      // 12 lessons × 25.00
        Assert.Equal(150.00m, t01.GetProperty("deductions").GetDecimal()); // 3 late arrivals in March: 300 × 50%
        Assert.Equal(150.00m, t01.GetProperty("net").GetDecimal());
        Assert.Equal("E001", t01.GetProperty("employeeNo").GetString());
        var notModified = new HttpRequestMessage(HttpMethod.Get, "/api/pay?school=s1&term=2025-spring&month=2025-03");
        notModified.Headers.TryAddWithoutValidation("If-None-Match", feed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await hr.SendAsync(notModified)).StatusCode);

        var committee = _service.As(await KeyAsync(admin, "committee", "s1"));
        var published = await committee.GetAsync("/api/published/schools/s1/terms/2025-spring");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var text = await published.Content.ReadAsStringAsync();
        var accounts = JsonDocument.Parse(text).RootElement;
        Assert.Equal((7, 2), (accounts.GetProperty("students").GetInt32(), accounts.GetProperty("studentsWithWaivers").GetInt32()));
        Assert.Equal(232.50m, accounts.GetProperty("balance").GetDecimal()); // 1785 − 105 − (1000 + 600 + 80 − 232.50)
        // Every name and text of the answer, but its instants ("2026-12-02T01:09:23+00:00" holds "T01" at one in the morning).
        var words = Texts(accounts).Where(t => !DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
        Assert.Contains("埇桥区示例小学", words);
        foreach (var privateWord in new[] { "S01", "S04", "陈一", "郑四", "dibao", "低保", "T01", "王老师" })
        {
            Assert.DoesNotContain(words, w => w.Contains(privateWord, StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostAsync(baseUrl, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/published/schools/s1/terms/2025-spring")).StatusCode);
    }

    [Fact]
    public async Task AKeyOfOneSchool_NeverSeesAnother()
    {
        var (admin, key) = await SchoolWithTermAsync("a");
        await SchoolWithTermAsync("b");
        var keyOfA = _service.As(key);
        Assert.Equal(HttpStatusCode.NotFound, (await keyOfA.GetAsync("/api/schools/b/terms")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await keyOfA.PostAsync("/api/schools/b/plans", Plan(SamplePlan()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await keyOfA.PostAsync("/api/schools/b/terms/2025-spring/facts", Service.Files(Sample, "staff.csv"))).StatusCode);
        var hrOfA = _service.As(await KeyAsync(admin, "hr", "a"));
        Assert.Equal(HttpStatusCode.NotFound, (await hrOfA.GetAsync("/api/pay?school=b")).StatusCode);
        var schools = await keyOfA.GetFromJsonAsync<JsonElement>("/api/schools");
        Assert.Equal(["a"], schools.EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // Each refusal is a refused authorisation in the audit log, reads as well as writes.
        var log = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString()!, Target: e.GetProperty("target").GetString()!, Outcome: e.GetProperty("outcome").GetString()!)).ToList();
        Assert.Contains(log, e => e.Action == "denied" && e.Target == "GET /api/schools/b/terms" && e.Outcome.StartsWith("refused 404", StringComparison.Ordinal) && e.Outcome.EndsWith("school b", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Action == "denied" && e.Target == "GET /api/pay" && e.Outcome.EndsWith("school b", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Action == "plans.upload" && e.Outcome.StartsWith("refused 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlansUploadedAtOnce_EachGetsItsOwnVersion_OrIsToldToSendAgain()
    {
        var (_, key) = await SchoolWithTermAsync();
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => _service.As(key).PostAsync("/api/schools/s1/plans", Plan(SamplePlan() + $"\n# 第 {i} 稿\n"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("plan-version-conflict", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var versions = (await _service.As(key).GetFromJsonAsync<JsonElement>("/api/schools/s1/plans")).EnumerateArray().Select(p => p.GetProperty("version").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created)), versions);
    }

    [Fact]
    public async Task TwoFinalisationsAtOnce_ExactlyOneWins()
    {
        var (_, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        await accountant.PostAsync("/api/schools/s1/plans", Plan(SamplePlan()));
        await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", Service.Files(Sample, FactFiles));
        var baseUrl = "/api/schools/s1/terms/2025-spring/settlements";
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add((await (await accountant.PostAsync(baseUrl, null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        }

        var results = await Task.WhenAll(ids.Select(id => _service.As(key).PostAsync($"{baseUrl}/{id}/finalise", null)));
        var codes = results.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
    }

    [Fact]
    public async Task ACorrectionAfterFinalisation_IsVersionTwo_ListsTheChange_AndTheFeedShowsIt()
    {
        var (admin, key) = await SchoolWithTermAsync();
        var accountant = _service.As(key);
        await accountant.PostAsync("/api/schools/s1/plans", Plan(SamplePlan()));
        await accountant.PostAsync("/api/schools/s1/terms/2025-spring/facts", Service.Files(Sample, FactFiles));
        var baseUrl = "/api/schools/s1/terms/2025-spring/settlements";
        async Task<JsonElement> FinaliseAsync()
        {
            var run = (await (await accountant.PostAsync(baseUrl, null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
            var finalised = await accountant.PostAsync($"{baseUrl}/{run}/finalise", null);
            Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
            return await finalised.Content.ReadFromJsonAsync<JsonElement>();
        }

        var hr = _service.As(await KeyAsync(admin, "hr", "s1"));
        async Task<JsonElement> T02InMarchAsync() =>
            (await hr.GetFromJsonAsync<JsonElement>("/api/pay?school=s1&term=2025-spring&month=2025-03")).GetProperty("lines").EnumerateArray()
                .Single(l => l.GetProperty("staffId").GetString() == "T02");

        await FinaliseAsync();
        var before = await T02InMarchAsync();
        Assert.Equal((150.00m, 1), (before.GetProperty("net").GetDecimal(), before.GetProperty("finalVersion").GetInt32())); // 7 × 25.00 − 25.00 for the no-show C04

        var correction = await accountant.PostAsJsonAsync("/api/schools/s1/terms/2025-spring/facts/corrections", new { reason = "考核小组复议：C04 有请假条", remove = new { conduct = new[] { "C04" } } });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var second = await FinaliseAsync();
        Assert.Equal(2, second.GetProperty("run").GetProperty("finalVersion").GetInt32());
        var change = Assert.Single(second.GetProperty("staff").EnumerateArray());
        Assert.Equal(("T02", 250.00m, 275.00m, 25.00m), // term: 12 × 25.00 − 25.00 (lateness 04-08) − 25.00 (C04) before; without C04 after
            (change.GetProperty("id").GetString(), change.GetProperty("before").GetDecimal(), change.GetProperty("after").GetDecimal(), change.GetProperty("change").GetDecimal()));
        Assert.Equal(("250.00", "275.00", "25.00"), (change.GetProperty("before").GetRawText(), change.GetProperty("after").GetRawText(), change.GetProperty("change").GetRawText())); // money to the fen, as everywhere

        var after = await T02InMarchAsync();
        Assert.Equal((175.00m, 2), (after.GetProperty("net").GetDecimal(), after.GetProperty("finalVersion").GetInt32())); // 7 × 25.00, nothing deducted
    }

    /// <summary>The property names and string values of a JSON document.</summary>
    private static IEnumerable<string> Texts(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Texts(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Texts),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };
}
