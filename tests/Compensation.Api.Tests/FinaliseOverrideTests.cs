using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// A settlement with findings of severity error is not finalised silently: without a reason the finalisation is refused
/// (409 error-findings, the findings listed); with one it goes through, and the reason is kept on the run and in the
/// audit log. On the demo school (the 埇桥 sample, finalised at start with no findings).
/// </summary>
public sealed class FinaliseOverrideTests : IDisposable
{
    private const string Term = "/api/schools/demo/terms/2025-spring-sample";
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A draft whose settlement has one error finding: an award of 100 in a plan that reserves nothing for awards.</summary>
    private async Task<long> DraftWithAnErrorFindingAsync()
    {
        var batch = await Admin.PostAsync(Term + "/facts/batch",
            Json("""{"awards": [{"award_id": "A1", "staff_id": "T01", "amount": "100", "reason": "表现突出"}]}"""));
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var draft = await Admin.PostAsync(Term + "/settlements", null);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        return (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
    }

    [Fact]
    public async Task ASettlementWithAnErrorFinding_IsRefusedWithoutAReason_ListingTheFinding_AndStaysADraft()
    {
        var run = await DraftWithAnErrorFindingAsync();

        var refused = await Admin.PostAsync($"{Term}/settlements/{run}/finalise", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("error-findings", problem.GetProperty("code").GetString());
        var finding = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("findings", 1, "awards-above-reserve"), (finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("field").GetString()));
        Assert.Contains("100.00", finding.GetProperty("message").GetString()); // awards 100.00 above a reserve of 0.00
        var saved = await Admin.GetAsync($"{Term}/settlements/{run}");
        Assert.Equal("draft", saved.Headers.GetValues("X-Settlement-Status").Single());
    }

    [Fact]
    public async Task AnEmptyReason_IsBadInputNamingOverride_AndNothingIsFinalised()
    {
        var run = await DraftWithAnErrorFindingAsync();

        var refused = await Admin.PostAsync($"{Term}/settlements/{run}/finalise", Json("""{"override": "   "}"""));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("override", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        var saved = await Admin.GetAsync($"{Term}/settlements/{run}");
        Assert.Equal("draft", saved.Headers.GetValues("X-Settlement-Status").Single());
    }

    [Fact]
    public async Task WithAReason_ItIsFinalised_AndTheReasonIsKeptOnTheRunAndInTheAuditLog()
    {
        const string reason = "校务会批准：奖励由学校另行预留";
        var run = await DraftWithAnErrorFindingAsync();

        var finalised = await Admin.PostAsync($"{Term}/settlements/{run}/finalise", Json($$"""{"override": "{{reason}}"}"""));

        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var body = (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run");
        Assert.Equal(("final", 2, reason), (body.GetProperty("status").GetString(), body.GetProperty("finalVersion").GetInt32(), body.GetProperty("finaliseOverride").GetString()));
        var audit = (await Admin.GetFromJsonAsync<JsonElement>("/api/audit?take=500")).EnumerateArray()
            .Last(a => a.GetProperty("action").GetString() == "settlements.finalise");
        Assert.Contains(reason, audit.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ASettlementWithoutErrorFindings_NeedsNoBody_AndRecordsNoOverride()
    {
        var draft = await Admin.PostAsync(Term + "/settlements", null);
        var run = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();

        var finalised = await Admin.PostAsync($"{Term}/settlements/{run}/finalise", null);

        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var body = (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run");
        Assert.Equal(JsonValueKind.Null, body.GetProperty("finaliseOverride").ValueKind);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheReasonTheConflictAndAnExample()
    {
        var doc = JsonDocument.Parse(await _service.As(null).GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var finalise = doc.GetProperty("paths").EnumerateObject().Single(p => p.Name.EndsWith("/finalise", StringComparison.Ordinal)).Value.GetProperty("post");

        Assert.True(finalise.GetProperty("responses").TryGetProperty("409", out _));
        var body = finalise.GetProperty("requestBody");
        Assert.False(body.TryGetProperty("required", out var required) && required.GetBoolean()); // OpenAPI leaves out "required": false
        var json = Assert.Single(body.GetProperty("content").EnumerateObject());
        Assert.Equal("application/json", json.Name);
        Assert.True(json.Value.GetProperty("example").TryGetProperty("override", out _));
        var schema = json.Value.GetProperty("schema");
        var properties = schema.TryGetProperty("$ref", out var reference)
            ? doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).GetProperty("properties")
            : schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("override", out _));
    }
}
