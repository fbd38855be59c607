using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>Results of a saved settlement, what-if, and the audit log. Amounts from rules-samples/yongqiao-002-s1/README.md.</summary>
public sealed class ResultsTests : IDisposable
{
    private const string Sample = "yongqiao-002-s1";
    private static readonly string[] FactFiles = ["calendar.csv", "enrolments.csv", "attendance.csv", "hardship.csv", "payments.csv", "staff.csv", "lessons.csv", "conduct.csv", "duties.csv", "expenses.csv"];
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    private const string Run = "/api/schools/demo/terms/2025-spring-sample/settlements/1";

    [Fact]
    public async Task TheDemoSchool_IsSettledAndFinalisedAtStart()
    {
        var admin = _service.As(Service.AdminKey);
        var response = await admin.GetAsync(Run);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final", response.Headers.GetValues("X-Settlement-Status").Single());
    }

    [Fact]
    public async Task FamiliesStaffLedgerFindingsAndExplanations_ComeFromTheSavedSettlement()
    {
        var admin = _service.As(Service.AdminKey);
        var s06 = (await admin.GetFromJsonAsync<JsonElement>(Run + "/families")).EnumerateArray().Single(f => f.GetProperty("studentId").GetString() == "S06");
        Assert.Equal(-105.00m, s06.GetProperty("balance").GetDecimal()); // paid 350, net 350 − 105 (6 of 20 days)
        var t01 = (await admin.GetFromJsonAsync<JsonElement>(Run + "/staff")).EnumerateArray().Single(f => f.GetProperty("staffId").GetString() == "T01");
        Assert.Equal(350.00m, t01.GetProperty("net").GetDecimal()); // 20 × 25 − 150
        Assert.Equal(232.50m, (await admin.GetFromJsonAsync<JsonElement>(Run + "/ledger")).GetProperty("balance").GetDecimal());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(Run + "/findings")).GetArrayLength());

        var tree = await admin.GetFromJsonAsync<JsonElement>(Run + "/explain?line=refunds.absence:S06:2025-03-31&depth=3");
        Assert.Equal("refunds.absence", tree.GetProperty("ruleId").GetString());
        Assert.Contains("105.00", tree.GetProperty("sentence").GetProperty("zh").GetString());
        var spell = tree.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("ruleId").GetString() == "refunds.absence-spell");
        Assert.Contains(spell.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == "attendance:S06:2025-04-08" && s.GetProperty("ruleId").ValueKind == JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Run + "/explain?line=nothing")).StatusCode);
    }

    [Fact]
    public async Task APlanWhosePaySectionCitesNoClause_SettlesPayLinesCitingNone_NotTheRulesOrigin()
    {
        var admin = _service.As(Service.AdminKey);
        const string staffAccount = "pay.staff-account:T01";
        var saved = await admin.GetFromJsonAsync<JsonElement>(Run + "/explain?line=" + staffAccount + "&depth=1");
        Assert.Equal("002 §1 二(三)2", saved.GetProperty("clause").GetString()); // the sample's pay.clause

        var policy = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml"));
        var withoutPayClause = policy.Replace("  clause: \"002 §1 二(三)2\"\n", "", StringComparison.Ordinal);
        Assert.NotEqual(policy, withoutPayClause);
        var upload = await admin.PostAsync("/api/schools/demo/plans", new StringContent(withoutPayClause, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var preview = await (await admin.PostAsync($"/api/schools/demo/terms/2025-spring-sample/settlements/preview?planVersion={version}", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var explanations = preview.GetProperty("explanations");
        // Before, a section without clause fell back to the rule's own reference, "001 篇三 (一)1" (another seed's plan).
        Assert.Equal("", explanations.GetProperty(staffAccount).GetProperty("clause").GetString());
        Assert.Equal("", explanations.GetProperty("pay.pool:term").GetProperty("clause").GetString());
        Assert.Equal("002 §1 一(一)", explanations.GetProperty("fees.family-account:S01").GetProperty("clause").GetString()); // fees.clause
    }

    [Fact]
    public async Task WhatIf_ShowsWhatAnotherFeeWouldChange_AndSavesNothing()
    {
        var admin = _service.As(Service.AdminKey);
        var policy = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml"));
        var cheaper = policy.Replace("term_fee: 350", "term_fee: 300", StringComparison.Ordinal);
        Assert.NotEqual(policy, cheaper);
        var response = await admin.PostAsJsonAsync("/api/schools/demo/terms/2025-spring-sample/settlements/what-if", new { policy = cheaper });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var s01 = body.GetProperty("families").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "S01");
        Assert.Equal((350.00m, 300.00m, -50.00m), (s01.GetProperty("before").GetDecimal(), s01.GetProperty("after").GetDecimal(), s01.GetProperty("difference").GetDecimal()));
        var s03 = body.GetProperty("families").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "S03");
        Assert.Equal(180.00m, s03.GetProperty("after").GetDecimal()); // 300 × 3/5
        var fees = body.GetProperty("ledger").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "income:fees");
        Assert.Equal(-255.00m, fees.GetProperty("difference").GetDecimal()); // 50 × 4 full-price families + 30 (S03) + 25 (S05 at 50%): 200 + 30 + 25
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/schools/demo/plans")).GetArrayLength());
    }

    [Fact]
    public async Task WhatIf_WithAParameterChangedInTheRequest_IsThePlanWithThatChange()
    {
        var admin = _service.As(Service.AdminKey);
        const string whatIf = "/api/schools/demo/terms/2025-spring-sample/settlements/what-if";
        var response = await admin.PostAsJsonAsync(whatIf, new { parameters = new Dictionary<string, object> { ["fees.term_fee"] = 300 } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("plan version 1 with fees.term_fee = 300", body.GetProperty("alternative").GetString());
        var s03 = body.GetProperty("families").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "S03");
        Assert.Equal((210.00m, 180.00m), (s03.GetProperty("before").GetDecimal(), s03.GetProperty("after").GetDecimal())); // 350 × 3/5 → 300 × 3/5
        Assert.Equal("-30.00", s03.GetProperty("difference").GetRawText());
        var fees = body.GetProperty("ledger").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "income:fees");
        Assert.Equal(-255.00m, fees.GetProperty("difference").GetDecimal()); // 50 × 4 full-price families + 30 (S03) + 25 (S05 at 50%)

        var refused = await admin.PostAsJsonAsync(whatIf, new { parameters = new Dictionary<string, object> { ["fees.term_fee.amount"] = 300, ["refunds.absence.min_service_days"] = "six" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("parameters.fees.term_fee.amount", errors);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/schools/demo/plans")).GetArrayLength());
    }

    [Fact]
    public async Task TheTermsCalendar_IsItsWeekdays_LessHolidays_PlusMakeUpDays()
    {
        var calendar = await _service.As(Service.AdminKey).GetFromJsonAsync<JsonElement>("/api/schools/demo/terms/2025-spring-sample/calendar");

        // 17 March to 11 April 2025: four weeks of Monday to Friday = 20 weekdays; less Friday 4 April (清明), plus Saturday 29 March (调休).
        Assert.Equal(20 - 1 + 1, calendar.GetProperty("serviceDayCount").GetInt32());
        var days = calendar.GetProperty("serviceDays").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => (d.GetProperty("weekday").GetInt32(), d.GetProperty("timetable").GetInt32()));
        Assert.Equal(20, days.Count);
        Assert.Equal((6, 5), days["2025-03-29"]); // a Saturday running Friday's timetable
        Assert.Equal((1, 1), days["2025-03-17"]);
        Assert.DoesNotContain("2025-04-04", days.Keys);
        Assert.Equal("2025-04-04", calendar.GetProperty("holidays").EnumerateArray().Single().GetProperty("date").GetString());
        var makeUp = calendar.GetProperty("makeupDays").EnumerateArray().Single();
        Assert.Equal(("2025-03-29", 5), (makeUp.GetProperty("date").GetString(), makeUp.GetProperty("asWeekday").GetInt32()));
    }

    [Fact]
    public async Task ChangesAndRefusals_AreInTheAuditLog()
    {
        var admin = _service.As(Service.AdminKey);
        var key = (await (await admin.PostAsJsonAsync("/api/keys", new { name = "家委会", role = "committee", schoolId = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await _service.As(key).PostAsync("/api/schools/demo/terms/2025-spring-sample/settlements", null)).StatusCode);
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        var entries = log.EnumerateArray().Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Outcome: e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("admin", "keys.create", "ok 201"), entries);
        Assert.Contains(entries, e => e.Actor == "家委会" && e.Action == "denied" && e.Outcome == "refused 403");
    }

    [Fact]
    public async Task AnHrKey_ReadsTheStaffStatementsOfFinalSettlementsOnly()
    {
        var admin = _service.As(Service.AdminKey);
        var hr = _service.As((await (await admin.PostAsJsonAsync("/api/keys", new { name = "人事", role = "hr", schoolId = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        const string settlements = "/api/schools/demo/terms/2025-spring-sample/settlements";
        var draft = (await (await admin.PostAsync(settlements, null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"{Run}/documents/staff/T01.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"{settlements}/{draft}/documents/staff/T01.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{settlements}/{draft}/documents/staff/T01.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheDocuments_AreServedAsFiles_AndTheCommitteeGetsOnlyTheNotice()
    {
        var admin = _service.As(Service.AdminKey);
        var key = (await (await admin.PostAsJsonAsync("/api/keys", new { name = "家委会", role = "committee", schoolId = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var committee = _service.As(key);

        var notice = await committee.GetAsync("/api/published/schools/demo/terms/2025-spring-sample/notice.pdf");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType!.MediaType);
        var bytes = await notice.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes, await committee.GetByteArrayAsync("/api/published/schools/demo/terms/2025-spring-sample/notice.pdf"));

        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync(Run + "/documents/staff/T01.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync(Run + "/documents/families/S01.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync(Run + "/documents/workbook.xlsx")).StatusCode);

        var staff = await admin.GetAsync(Run + "/documents/staff/T01.pdf");
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (staff.Content.Headers.ContentType!.MediaType, staff.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Run + "/documents/families/S06.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Run + "/documents/families/S99.pdf")).StatusCode);
        var workbook = await admin.GetAsync(Run + "/documents/workbook.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", Encoding.ASCII.GetString(await workbook.Content.ReadAsByteArrayAsync(), 0, 2));
    }
}
