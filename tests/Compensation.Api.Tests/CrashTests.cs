using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// The real service as its own process on a SQLite file, killed inside an import and inside a
/// finalisation (before and after the commit). Started again on the same file, the work is either
/// not there at all or all there: never half.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private static readonly string[] FactFiles = ["calendar.csv", "enrolments.csv", "attendance.csv", "hardship.csv", "payments.csv", "staff.csv", "lessons.csv", "conduct.csv", "duties.csv", "expenses.csv"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compensation-crash-" + Guid.NewGuid().ToString("N"));

    public CrashTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData("import:before-commit", false)]
    [InlineData("import:after-commit", true)]
    public async Task AnImportKilledMidway_IsEitherAbsentOrComplete(string crashAt, bool committed)
    {
        using (var first = await ServiceProcess.StartAsync(_folder, crashAt))
        {
            await PrepareAsync(first.Client);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => first.Client.PostAsync("/api/schools/s1/terms/t/facts", Service.Files("yongqiao-002-s1", FactFiles)));
            Assert.True(first.WaitForExit(), "the service should have died at " + crashAt);
        }

        using var second = await ServiceProcess.StartAsync(_folder, null);
        var imports = await second.Client.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/t/imports");
        Assert.Equal(committed ? 1 : 0, imports.GetArrayLength());
        await second.Client.PostAsync("/api/schools/s1/plans", new StringContent(File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "policy.yaml"))));
        var preview = await second.Client.PostAsync("/api/schools/s1/terms/t/settlements/preview", null);
        if (committed)
        {
            // All ten files are there: the settlement is the sample's (Σ payable 1785.00).
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var fees = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ledger").GetProperty("income")[0].GetProperty("amount").GetDecimal();
            Assert.Equal(1785.00m, fees);
        }
        else
        {
            // Nothing of the import is there: the term has no students, and importing again works.
            var families = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("families").GetArrayLength();
            Assert.Equal(0, families);
            Assert.Equal(HttpStatusCode.Created, (await second.Client.PostAsync("/api/schools/s1/terms/t/facts", Service.Files("yongqiao-002-s1", FactFiles))).StatusCode);
        }
    }

    [Theory]
    [InlineData("import:before-commit")]
    [InlineData("finalise:before-commit")]
    [InlineData("finalise:after-commit")]
    public async Task TheDemoSchool_KilledWhileItIsMade_IsFinishedByTheNextStart(string crashAt)
    {
        Assert.True(ServiceProcess.RunsUntilItDies(_folder, crashAt, demo: true), "the service should have died at " + crashAt);

        using var second = await ServiceProcess.StartAsync(_folder, null, demo: true);
        var published = await second.Client.GetFromJsonAsync<JsonElement>("/api/published/schools/demo/terms/2025-spring-sample");
        Assert.Equal(1, published.GetProperty("finalVersion").GetInt32());
        Assert.Equal(232.50m, published.GetProperty("balance").GetDecimal()); // the sample's: 1785 − 105 − 1447.50
        var imports = await second.Client.GetFromJsonAsync<JsonElement>("/api/schools/demo/terms/2025-spring-sample/imports");
        Assert.Equal(1, imports.GetArrayLength());
    }

    [Theory]
    [InlineData("finalise:before-commit", false)]
    [InlineData("finalise:after-commit", true)]
    public async Task AFinalisationKilledMidway_IsEitherNotDoneOrDone(string crashAt, bool committed)
    {
        long runId;
        using (var first = await ServiceProcess.StartAsync(_folder, crashAt))
        {
            await PrepareAsync(first.Client);
            await first.Client.PostAsync("/api/schools/s1/plans", new StringContent(File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "policy.yaml"))));
            Assert.Equal(HttpStatusCode.Created, (await first.Client.PostAsync("/api/schools/s1/terms/t/facts", Service.Files("yongqiao-002-s1", FactFiles))).StatusCode);
            runId = (await (await first.Client.PostAsync("/api/schools/s1/terms/t/settlements", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => first.Client.PostAsync($"/api/schools/s1/terms/t/settlements/{runId}/finalise", null));
            Assert.True(first.WaitForExit(), "the service should have died at " + crashAt);
        }

        using var second = await ServiceProcess.StartAsync(_folder, null);
        var run = await second.Client.GetAsync($"/api/schools/s1/terms/t/settlements/{runId}");
        Assert.Equal(committed ? "final" : "draft", run.Headers.GetValues("X-Settlement-Status").Single());
        var feed = await second.Client.GetFromJsonAsync<JsonElement>("/api/pay?school=s1&term=t&month=term");
        Assert.Equal(committed ? 6 : 0, feed.GetProperty("total").GetInt32()); // six staff members' term lines, or none
        if (!committed)
        {
            Assert.Equal(HttpStatusCode.OK, (await second.Client.PostAsync($"/api/schools/s1/terms/t/settlements/{runId}/finalise", null)).StatusCode);
        }
    }

    private static async Task PrepareAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/schools", new { id = "s1", name = "S" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/schools/s1/terms", new { termId = "t", start = "2025-03-17", end = "2025-04-11" })).StatusCode);
    }
}
