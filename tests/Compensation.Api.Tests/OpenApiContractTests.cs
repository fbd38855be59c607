using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// What a generated client relies on: enums as the strings the service sends, files as binary, the headers it answers
/// and takes, the named file parts of the CSV import, a stable operationId for each operation, a server and a licence;
/// and the service keeping to it (Location on 201, the pay feed's query checked).
/// </summary>
public sealed class OpenApiContractTests : IDisposable
{
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await _service.As(null).GetStringAsync("/swagger/v1/swagger.json")).RootElement;

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name.ToUpperInvariant(), p.Name, o.Value)));

    [Fact]
    public async Task Enums_AreTheStringsTheServiceSends()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToDictionary(s => s.Name, s => s.Value);
        Assert.All(enums, e => Assert.Equal("string", e.Value.GetProperty("type").GetString()));
        string[] Values(string name) => [.. enums.Single(e => e.Key.EndsWith(name, StringComparison.Ordinal)).Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];
        Assert.Equal(["absence", "withdrawal", "surplus"], Values(".RefundKind"));
        Assert.Equal(["info", "warning", "error"], Values(".Severity"));

        // As sent: the demo school's families have absence refunds.
        var families = await Admin.GetFromJsonAsync<JsonElement>("/api/schools/demo/terms/2025-spring-sample/settlements/1/families");
        Assert.Contains(families.EnumerateArray().SelectMany(f => f.GetProperty("refunds").EnumerateArray()), r => r.GetProperty("kind").GetString() == "absence");
    }

    [Fact]
    public async Task Files_AreBinaryInTheirMediaTypes()
    {
        var files = new List<string>();
        foreach (var (method, path, operation) in Operations(await DocumentAsync()))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')))
            {
                foreach (var media in response.Value.TryGetProperty("content", out var c) ? c.EnumerateObject() : [])
                {
                    if (!media.Name.Contains("json", StringComparison.Ordinal))
                    {
                        var schema = media.Value.GetProperty("schema");
                        Assert.True(schema.GetProperty("format").GetString() == "binary", $"{method} {path} {media.Name}: {schema}");
                        Assert.True(response.Value.GetProperty("headers").TryGetProperty("Content-Disposition", out _), $"{method} {path}: Content-Disposition not declared");
                        files.Add($"{path} {media.Name}");
                    }
                }
            }
        }

        Assert.Contains("/api/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/notice.pdf application/pdf", files);
        Assert.Contains("/api/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/workbook.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files);
        Assert.Equal(6, files.Count);
    }

    [Fact]
    public async Task Headers_AreDeclaredWhereTheyAreAnsweredOrTaken()
    {
        var doc = await DocumentAsync();
        var problems = new List<string>();
        foreach (var (method, path, operation) in Operations(doc))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var headers = response.Value.TryGetProperty("headers", out var h) ? h.EnumerateObject().Select(x => x.Name).ToHashSet() : [];
                if (response.Name == "201" && !headers.Contains("Location"))
                {
                    problems.Add($"{method} {path}: 201 without Location");
                }

                if (response.Name == "429" && !headers.Contains("Retry-After"))
                {
                    problems.Add($"{method} {path}: 429 without Retry-After");
                }
            }

            if (!operation.GetProperty("responses").TryGetProperty("429", out _))
            {
                problems.Add($"{method} {path}: no 429");
            }
        }

        Assert.Empty(problems);
        var paths = doc.GetProperty("paths");
        var pay = paths.GetProperty("/api/pay").GetProperty("get");
        Assert.Contains(pay.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-None-Match" && p.GetProperty("in").GetString() == "header");
        foreach (var code in new[] { "200", "304" })
        {
            var headers = pay.GetProperty("responses").GetProperty(code).GetProperty("headers");
            Assert.True(headers.TryGetProperty("ETag", out _) && headers.TryGetProperty("Cache-Control", out _), $"/api/pay {code}: {headers}");
        }

        var settlement = paths.GetProperty("/api/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("headers");
        Assert.True(settlement.TryGetProperty("X-Output-Sha256", out _) && settlement.TryGetProperty("ETag", out _));
        var import = paths.GetProperty("/api/schools/{SchoolId}/terms/{TermId}/facts").GetProperty("post");
        Assert.Contains(import.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    /// <summary>Each 201 names where the created thing is read, and reading it there succeeds.</summary>
    [Fact]
    public async Task CreatedAnswers_CarryALocationThatCanBeRead()
    {
        var admin = Admin;
        async Task<string> CreatedAsync(HttpResponseMessage response, string expected)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var location = response.Headers.Location?.OriginalString;
            Assert.Equal(expected, location);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(location)).StatusCode);
            return location!;
        }

        await CreatedAsync(await admin.PostAsJsonAsync("/api/schools", new { id = "s2", name = "第二小学" }), "/api/schools/s2");
        var key = await admin.PostAsJsonAsync("/api/keys", new { name = "会计", role = "accountant", schoolId = "s2" });
        var keyId = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await CreatedAsync(key, $"/api/keys/{keyId}");
        var keyRead = await admin.GetFromJsonAsync<JsonElement>($"/api/keys/{keyId}");
        Assert.False(keyRead.TryGetProperty("key", out _));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/schools/s2/terms", new { termId = "2025-autumn", start = "2025-09-01", end = "2026-01-16" }), "/api/schools/s2/terms/2025-autumn");
        var policy = await File.ReadAllTextAsync(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "policy.yaml"));
        await CreatedAsync(await admin.PostAsync("/api/schools/s2/plans", new StringContent(policy, Encoding.UTF8, "text/plain")), "/api/schools/s2/plans");
        await CreatedAsync(await admin.PostAsync("/api/schools/s2/terms/2025-autumn/facts", Service.Text("staff.csv", "staff_id,name,role\nT01,王老师,teacher\n")), "/api/schools/s2/terms/2025-autumn/imports");
        var draft = await admin.PostAsync("/api/schools/demo/terms/2025-spring-sample/settlements", null);
        var runId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await CreatedAsync(draft, $"/api/schools/demo/terms/2025-spring-sample/settlements/{runId}");
    }

    [Fact]
    public async Task TheFactsUpload_NamesAFilePartForEveryFactFile()
    {
        var form = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/schools/{SchoolId}/terms/{TermId}/facts").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var parts = form.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(
            ["attendance.csv", "awards.csv", "calendar.csv", "conduct.csv", "duties.csv", "enrolments.csv", "expenses.csv", "hardship.csv", "lessons.csv", "payments.csv", "staff.csv", "subsidies.csv"],
            parts.Keys.Order(StringComparer.Ordinal));
        Assert.All(parts.Values, p => Assert.Equal("binary", p.GetProperty("format").GetString()));
        Assert.False(form.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task TheDocument_NamesItsServerContactAndLicence()
    {
        var doc = await DocumentAsync();
        Assert.Equal("http://localhost", doc.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.GetProperty("info").GetProperty("contact").GetProperty("name").GetString()));
        Assert.Equal("AGPL-3.0-only", doc.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        var tags = doc.GetProperty("tags").EnumerateArray().ToList();
        Assert.Equal(11, tags.Count);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.TryGetProperty("description", out var d) ? d.GetString() : null), t.ToString()));
    }

    /// <summary>An explanation's input fact has no rule title or sentence: the schema lets those be null.</summary>
    [Fact]
    public async Task AnExplanationsLeafNode_MatchesItsSchema()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var node = schemas.EnumerateObject().Single(s => s.Name.EndsWith(".ExplanationNode", StringComparison.Ordinal)).Value.GetProperty("properties");
        foreach (var name in new[] { "ruleTitle", "sentence" })
        {
            Assert.True(node.GetProperty(name).TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), $"{name}: {node.GetProperty(name)}");
            Assert.Equal("object", node.GetProperty(name).GetProperty("type").GetString());
        }

        var tree = await Admin.GetFromJsonAsync<JsonElement>("/api/schools/demo/terms/2025-spring-sample/settlements/1/explain?line=refunds.absence:S06:2025-03-31&depth=8");
        var leaves = Leaves(tree).ToList();
        Assert.NotEmpty(leaves);
        Assert.All(leaves, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("sentence").ValueKind));
    }

    private static IEnumerable<JsonElement> Leaves(JsonElement node) =>
        node.GetProperty("ruleId").ValueKind == JsonValueKind.Null ? [node] : node.GetProperty("sources").EnumerateArray().SelectMany(Leaves);

    /// <summary>The operationIds are the contract's method names: written out here, so that renaming a class changes none.</summary>
    [Fact]
    public async Task EveryOperation_HasItsStableOperationId()
    {
        var ids = Operations(await DocumentAsync()).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null);
        const string Term = "/api/schools/{SchoolId}/terms/{TermId}";
        const string Run = Term + "/settlements/{RunId}";
        var expected = new Dictionary<string, string?>
        {
            ["GET /api/schools"] = "listSchools",
            ["POST /api/schools"] = "createSchool",
            ["GET /api/schools/{SchoolId}"] = "getSchool",
            ["POST /api/keys"] = "createKey",
            ["GET /api/keys/{KeyId}"] = "getKey",
            ["GET /api/audit"] = "listAuditEntries",
            ["GET /api/schools/{SchoolId}/terms"] = "listTerms",
            ["POST /api/schools/{SchoolId}/terms"] = "createTerm",
            ["GET " + Term] = "getTerm",
            ["GET " + Term + "/calendar"] = "getTermCalendar",
            ["GET /api/schools/{SchoolId}/plans"] = "listPlans",
            ["POST /api/schools/{SchoolId}/plans"] = "uploadPlan",
            ["POST " + Term + "/facts"] = "importFacts",
            ["POST " + Term + "/facts/workbook"] = "importFactsWorkbook",
            ["POST " + Term + "/facts/batch"] = "addFactBatch",
            ["POST " + Term + "/facts/corrections"] = "correctFacts",
            ["GET " + Term + "/facts/template.xlsx"] = "getFactsTemplate",
            ["GET " + Term + "/imports"] = "listImports",
            ["POST " + Term + "/settlements/preview"] = "previewSettlement",
            ["POST " + Term + "/settlements"] = "draftSettlement",
            ["POST " + Term + "/settlements/what-if"] = "compareWhatIf",
            ["GET " + Run] = "getSettlement",
            ["POST " + Run + "/finalise"] = "finaliseSettlement",
            ["POST " + Run + "/reproduce"] = "reproduceSettlement",
            ["GET " + Run + "/families"] = "listSettlementFamilies",
            ["GET " + Run + "/staff"] = "listSettlementStaff",
            ["GET " + Run + "/ledger"] = "getSettlementLedger",
            ["GET " + Run + "/findings"] = "listSettlementFindings",
            ["GET " + Run + "/explain"] = "explainLine",
            ["GET " + Run + "/documents/notice.pdf"] = "getSettlementNotice",
            ["GET " + Run + "/documents/staff/{StaffId}.pdf"] = "getStaffStatement",
            ["GET " + Run + "/documents/families/{StudentId}.pdf"] = "getFamilyStatement",
            ["GET " + Run + "/documents/workbook.xlsx"] = "getSettlementWorkbook",
            ["GET /api/pay"] = "getPayFeed",
            ["GET /api/published/schools/{SchoolId}/terms/{TermId}"] = "getPublishedAccounts",
            ["GET /api/published/schools/{SchoolId}/terms/{TermId}/notice.pdf"] = "getPublishedNotice",
        };
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), ids.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("?school=demo&month=2025-13", "month")]
    [InlineData("?school=demo&month=xyz", "month")]
    [InlineData("?month=2025-03", "school")]
    [InlineData("?school=&term=2025-spring-sample", "school")]
    public async Task ThePayFeed_RefusesABadQuery_NamingTheField(string query, string field)
    {
        var response = await Admin.GetAsync("/api/pay" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bad-input", problem.GetProperty("code").GetString());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task ThePayFeed_NamesEveryBadQueryField_AndAnUnknownTermIsNotFound()
    {
        var response = await Admin.GetAsync("/api/pay?month=xyz&page=0&pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());
        Assert.Equal(["month", "page", "pageSize", "school"], fields.Order(StringComparer.Ordinal));

        var unknown = await Admin.GetAsync("/api/pay?school=demo&term=2031-spring");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("2031-spring", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);

        // Every query field that cannot be bound is named, not only the first.
        var unbound = await Admin.GetAsync("/api/pay?school=demo&page=one&pageSize=many&updatedSince=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, unbound.StatusCode);
        var unboundFields = (await unbound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!.ToLowerInvariant());
        Assert.Equal(["page", "pagesize", "updatedsince"], unboundFields.Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/pay?school=demo&term=2025-spring-sample&month=term")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/pay?school=demo&month=2025-03")).StatusCode);
    }
}
