using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compensation.Api.Tests;

/// <summary>
/// Errors the service does not raise itself are problems with a stable code too: a request that cannot be bound
/// (bad JSON, a value of the wrong type in the body or the query string), a body of a type the route does not
/// take, a route or method that does not exist, and an unexpected failure, which says nothing of its cause.
/// </summary>
public sealed class ErrorResponseTests : IDisposable
{
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        return problem;
    }

    /// <summary>The bad-input problem's errors as field → message; each has the service's shape (file, line, field, message).</summary>
    private static async Task<Dictionary<string, string>> BadInputAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "bad-input");
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        foreach (var e in errors)
        {
            Assert.Equal(["file", "line", "field", "message"], e.EnumerateObject().Select(p => p.Name));
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString()));
        }

        return errors.ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
    }

    private async Task SchoolAndTermAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools", Json("""{"id": "s1", "name": "S"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools/s1/terms", Json("""{"termId": "t", "start": "2025-03-17", "end": "2025-04-11"}"""))).StatusCode);
    }

    [Fact]
    public async Task ARequestThatCannotBeBound_IsABadInputProblem_NamingTheField()
    {
        await SchoolAndTermAsync();

        var broken = await BadInputAsync(await Admin.PostAsync("/api/schools", Json("""{"id": "s2",""")));
        Assert.Equal("", Assert.Single(broken).Key);

        var number = await BadInputAsync(await Admin.PostAsync("/api/schools", Json("""{"id": 5, "name": "S"}""")));
        Assert.Contains("id", number.Keys);

        var date = await BadInputAsync(await Admin.PostAsync("/api/schools/s1/terms", Json("""{"termId": "t2", "start": "17 March", "end": "2025-04-11"}""")));
        Assert.Contains("start", date.Keys);

        var list = await BadInputAsync(await Admin.PostAsync("/api/keys", Json("""["accountant"]""")));
        Assert.DoesNotContain(list.Values, m => m.Contains("Compensation.", StringComparison.Ordinal));

        var whatIf = await BadInputAsync(await Admin.PostAsync("/api/schools/s1/terms/t/settlements/what-if", Json("""{"planVersion": "newest"}""")));
        Assert.Contains("planVersion", whatIf.Keys);

        var page = await BadInputAsync(await Admin.GetAsync("/api/pay?school=s1&page=two"));
        Assert.Equal("'two' is not a whole number", page["page"]);

        var audit = await BadInputAsync(await Admin.GetAsync("/api/audit?after=x&take=many"));
        Assert.Equal(["after", "take"], audit.Keys.Order());

        Assert.Equal(["s1"], (await Admin.GetFromJsonAsync<JsonElement>("/api/schools")).EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ABodyOfAnotherType_ARouteOrAMethodThatDoesNotExist_AreProblems()
    {
        await SchoolAndTermAsync();
        await ProblemAsync(await Admin.PostAsync("/api/schools", new StringContent("<school/>", Encoding.UTF8, "text/xml")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAsync(await Admin.PostAsync("/api/schools/s1/plans", Json("{}")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAsync(await Admin.PostAsync("/api/schools/s1/terms/t/facts/batch", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAsync(await Admin.PostAsync("/api/schools/s1/terms/t/facts", Json("{}")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAsync(await Admin.GetAsync("/api/no-such-route"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await Admin.DeleteAsync("/api/schools"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");

        await ProblemAsync(await Admin.PostAsync("/api/schools", Json("{\"id\": \"s2\", \"name\": ")), HttpStatusCode.BadRequest, "bad-input");

        // Each refused change is in the audit log once, though no endpoint ran.
        var log = (await Admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Target: e.GetProperty("target").GetString(), Outcome: e.GetProperty("outcome").GetString())).ToList();
        Assert.Single(log, e => e == ("refused", "POST /api/schools", "refused 415"));
        Assert.Single(log, e => e == ("refused", "POST /api/schools", "refused 400"));
        Assert.Single(log, e => e == ("refused", "POST /api/schools/s1/terms/t/facts/batch", "refused 415"));
        Assert.Single(log, e => e == ("refused", "DELETE /api/schools", "refused 405"));
        Assert.DoesNotContain(log, e => e.Target == "GET /api/no-such-route");
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsAnInternalErrorProblem_ThatSaysNothingOfItsCause()
    {
        await SchoolAndTermAsync();
        using (var scope = _service.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var table = db.Model.FindEntityType(typeof(School))!.GetTableName();
#pragma warning disable EF1002 // the table name comes from the model, not from input
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" RENAME TO \"{table}_gone\"");
#pragma warning restore EF1002
        }

        var response = await Admin.GetAsync("/api/schools");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        Assert.Empty(problem.GetProperty("errors").EnumerateArray());
        var text = problem.GetRawText();
        foreach (var detail in new[] { "_gone", "table", "Exception", "Sqlite", "Npgsql", " at " })
        {
            Assert.DoesNotContain(detail, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
