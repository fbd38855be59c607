using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// Every endpoint × role × school: a role that may not use an endpoint gets 403; a key of another
/// school gets 404 (never the data); a key that may gets neither.
/// </summary>
public sealed class AccessMatrixTests : IDisposable
{
    private const string Sample = "yongqiao-002-s1";
    private static readonly string[] FactFiles = ["calendar.csv", "enrolments.csv", "attendance.csv", "hardship.csv", "payments.csv", "staff.csv", "lessons.csv", "conduct.csv", "duties.csv", "expenses.csv"];
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    private sealed record Route(string Method, string Path, string[] Roles, Func<HttpContent?>? Body = null, bool SchoolScoped = true);

    [Fact]
    public async Task EveryEndpoint_ChecksRoleAndSchool()
    {
        var admin = _service.As(Service.AdminKey);
        var keys = new Dictionary<string, string> { ["admin"] = Service.AdminKey };
        foreach (var school in new[] { "a", "b" })
        {
            await admin.PostAsJsonAsync("/api/schools", new { id = school, name = "School " + school });
            foreach (var role in new[] { "accountant", "committee", "hr" })
            {
                var created = await admin.PostAsJsonAsync("/api/keys", new { name = role + school, role, schoolId = school });
                keys[role + "-" + school] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            }

            var acc = _service.As(keys["accountant-" + school]);
            await acc.PostAsJsonAsync($"/api/schools/{school}/terms", new { termId = "t", start = "2025-03-17", end = "2025-04-11" });
            await acc.PostAsync($"/api/schools/{school}/plans", new StringContent(File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml")), Encoding.UTF8, "text/plain"));
            await acc.PostAsync($"/api/schools/{school}/terms/t/facts", Service.Files(Sample, FactFiles));
            var run = (await (await acc.PostAsync($"/api/schools/{school}/terms/t/settlements", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await acc.PostAsync($"/api/schools/{school}/terms/t/settlements/{run}/finalise", null)).StatusCode);
        }

        var runOfA = 1;
        var n = 0;
        string Unique() => "x" + Interlocked.Increment(ref n);
        string[] all = ["admin", "accountant", "committee", "hr"];
        string[] books = ["admin", "accountant"];
        var routes = new List<Route>
        {
            new("GET", "/api/schools", all, SchoolScoped: false),
            new("POST", "/api/schools", ["admin"], () => JsonContent.Create(new { id = Unique(), name = "n" }), SchoolScoped: false),
            new("POST", "/api/keys", ["admin"], () => JsonContent.Create(new { name = "k", role = "hr", schoolId = "a" }), SchoolScoped: false),
            new("GET", "/api/keys/1", ["admin"], SchoolScoped: false),
            new("GET", "/api/audit", ["admin"], SchoolScoped: false),
            new("GET", "/api/schools/{s}", all),
            new("GET", "/api/schools/{s}/terms", all),
            new("GET", "/api/schools/{s}/terms/t", all),
            new("POST", "/api/schools/{s}/terms", books, () => JsonContent.Create(new { termId = Unique(), start = "2025-09-01", end = "2026-01-20" })),
            new("GET", "/api/schools/{s}/plans", books),
            new("POST", "/api/schools/{s}/plans", books, () => new StringContent(File.ReadAllText(Path.Combine(Service.Root, "rules-samples", Sample, "policy.yaml")), Encoding.UTF8, "text/plain")),
            new("POST", "/api/schools/{s}/terms/t/facts", books, () => Service.Files(Sample, "staff.csv")),
            new("GET", "/api/schools/{s}/terms/t/imports", books),
            new("GET", "/api/schools/{s}/terms/t/calendar", books),
            new("GET", "/api/schools/{s}/terms/t/facts/template.xlsx", books),
            new("POST", "/api/schools/{s}/terms/t/facts/workbook", books, () => Service.Text("facts.xlsx", "not a workbook")),
            new("POST", "/api/schools/{s}/terms/t/facts/batch", books, () => new StringContent("{\"attendance\": []}", Encoding.UTF8, "application/json")),
            new("POST", "/api/schools/{s}/terms/t/facts/corrections", books, () => new StringContent("{\"reason\": \"r\", \"remove\": {}}", Encoding.UTF8, "application/json")),
            new("POST", "/api/schools/{s}/terms/t/settlements/preview", books),
            new("POST", "/api/schools/{s}/terms/t/settlements", books),
            new("POST", "/api/schools/{s}/terms/t/settlements/what-if", books, () => JsonContent.Create(new { planVersion = 1 })),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}", books),
            new("POST", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/reproduce", books),
            new("POST", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/finalise", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/families", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/staff", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/ledger", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/findings", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/explain?line=ledger.fund:fees", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/documents/notice.pdf", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/documents/staff/T01.pdf", ["admin", "accountant", "hr"]),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/documents/families/S01.pdf", books),
            new("GET", $"/api/schools/{{s}}/terms/t/settlements/{runOfA}/documents/workbook.xlsx", books),
            new("GET", "/api/published/schools/{s}/terms/t/notice.pdf", ["admin", "accountant", "committee"]),
            new("GET", "/api/pay?school={s}", ["admin", "hr"]),
            new("GET", "/api/published/schools/{s}/terms/t", ["admin", "accountant", "committee"]),
        };

        // Every operation of the OpenAPI document is in the matrix, so a new endpoint cannot escape it.
        var doc = JsonDocument.Parse(await _service.As(null).GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Method: o.Name.ToUpperInvariant(), Path: p.Name)))
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var uncovered = operations.Where(o => !routes.Any(r => r.Method == o.Method && Covers(o.Path, r.Path))).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.Empty(uncovered);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var role in all)
            {
                var key = role == "admin" ? keys["admin"] : keys[role + "-a"];
                var status = await Call(route, key, "a");
                var allowed = route.Roles.Contains(role);
                if (allowed && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    failures.Add($"{route.Method} {route.Path} as {role} of a: {(int)status}, expected access");
                }
                else if (!allowed && status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{route.Method} {route.Path} as {role} of a: {(int)status}, expected 403");
                }

                if (allowed && role != "admin" && route.SchoolScoped)
                {
                    var other = await Call(route, keys[role + "-b"], "a");
                    if (other != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{route.Method} {route.Path} as {role} of b on school a: {(int)other}, expected 404");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ARefusal_IsAProblemWithAStableCode()
    {
        var admin = _service.As(Service.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/schools", new { id = "a", name = "School a" })).StatusCode);
        var created = await admin.PostAsJsonAsync("/api/keys", new { name = "家委会 a", role = "committee", schoolId = "a" });
        var committee = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        await AssertProblem(await _service.As(null).GetAsync("/api/schools"), HttpStatusCode.Unauthorized, "no-key", "X-Api-Key");
        await AssertProblem(await _service.As("cmp_not_a_key").GetAsync("/api/schools"), HttpStatusCode.Unauthorized, "unknown-key", "not known");
        await AssertProblem(await _service.As(committee).PostAsJsonAsync("/api/schools/a/terms", new { termId = "t", start = "2025-03-17", end = "2025-04-11" }),
            HttpStatusCode.Forbidden, "forbidden-role", "committee");
        await AssertProblem(await _service.As(committee).GetAsync("/api/audit"), HttpStatusCode.Forbidden, "forbidden-role", "committee");

        // Still audited as refused.
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("actor").GetString() == "家委会 a" && e.GetProperty("outcome").GetString() == "refused 403");
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code, string inTitle)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(((int)status, code), (problem.GetProperty("status").GetInt32(), problem.GetProperty("code").GetString()));
        Assert.Contains(inTitle, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://compensation.invalid/errors/" + code, problem.GetProperty("type").GetString());
    }

    /// <summary>Whether a concrete matrix path (query string aside) fits an OpenAPI path template such as /api/schools/{SchoolId}/terms/{TermId}.</summary>
    private static bool Covers(string template, string path)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path.Split('?')[0], pattern);
    }

    private async Task<HttpStatusCode> Call(Route route, string key, string school)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path.Replace("{s}", school, StringComparison.Ordinal)) { Content = route.Body?.Invoke() };
        request.Headers.Add("X-Api-Key", key);
        return (await _service.As(null).SendAsync(request)).StatusCode;
    }
}
