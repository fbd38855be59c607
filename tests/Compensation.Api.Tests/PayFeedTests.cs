using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compensation.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compensation.Api.Tests;

/// <summary>
/// The HR pay feed on the demo school (the 埇桥 sample, finalised at start): If-None-Match by weak comparison, and
/// deduction lines in the API's conventions, also for lines stored by earlier versions. T01's March: three late
/// arrivals, 300.00 × 50% = 150.00 (rules-samples/yongqiao-002-s1/README.md).
/// </summary>
public sealed class PayFeedTests : IDisposable
{
    private const string March = "/api/pay?school=demo&term=2025-spring-sample&month=2025-03";
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private async Task<HttpStatusCode> StatusWithAsync(string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, March);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return (await Admin.SendAsync(request)).StatusCode;
    }

    private static JsonElement T01(JsonElement feed) =>
        feed.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("staffId").GetString() == "T01");

    [Fact]
    public async Task IfNoneMatch_MatchesWeakTagsListsAndAny()
    {
        var feed = await Admin.GetAsync(March);
        var etag = feed.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync(etag));
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync("W/" + etag));
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync($"\"an-older-page\", {etag}"));
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync($"W/\"an-older-page\",W/{etag}"));
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync("*"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("\"an-older-page\""));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("W/\"an-older-page\", \"another\""));
    }

    [Fact]
    public async Task DeductionLines_AreCamelCase_WithMoneyInTwoDecimals()
    {
        var text = await Admin.GetStringAsync(March);
        var line = Assert.Single(T01(JsonDocument.Parse(text).RootElement).GetProperty("deductionLines").EnumerateArray());

        Assert.Equal(["ruleId", "kind", "percent", "amount", "clause", "reasonZh", "reasonEn", "eventIds"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("lateness", "escalation", 50m), (line.GetProperty("ruleId").GetString(), line.GetProperty("kind").GetString(), line.GetProperty("percent").GetDecimal()));
        Assert.Equal("150.00", line.GetProperty("amount").GetRawText());
        Assert.Equal(["conduct:C01", "conduct:C02", "conduct:C03"], line.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("迟到", line.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"reasonZh\":\"2025年3月", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeductionLinesStoredByEarlierVersions_ReadTheSame()
    {
        var now = T01(await Admin.GetFromJsonAsync<JsonElement>(March)).GetProperty("deductionLines").GetRawText();
        using (var scope = _service.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var stored = await db.PayLines.Where(l => l.StaffId == "T01").ToListAsync();
            foreach (var payLine in stored)
            {
                // As the feed wrote them before: default options, so PascalCase keys, yuan as a plain decimal, non-ASCII escaped.
                payLine.DeductionsJson = JsonSerializer.Serialize(JsonDocument.Parse(payLine.DeductionsJson).RootElement.EnumerateArray().Select(d => new
                {
                    RuleId = d.GetProperty("ruleId").GetString(),
                    Kind = d.GetProperty("kind").GetString(),
                    Percent = d.GetProperty("percent").ValueKind == JsonValueKind.Null ? (decimal?)null : d.GetProperty("percent").GetDecimal(),
                    Amount = d.GetProperty("amount").GetDecimal(),
                    Clause = d.GetProperty("clause").GetString(),
                    ReasonZh = d.GetProperty("reasonZh").GetString(),
                    ReasonEn = d.GetProperty("reasonEn").GetString(),
                    EventIds = d.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()).ToList(),
                }));
            }

            Assert.Contains(stored, l => l.DeductionsJson.StartsWith("[{\"RuleId\":\"lateness\"", StringComparison.Ordinal));
            await db.SaveChangesAsync();
        }

        // Another page (the feed keeps the pages it has sent, by request), so read from the database again.
        var again = T01(await Admin.GetFromJsonAsync<JsonElement>(March + "&pageSize=50")).GetProperty("deductionLines").GetRawText();
        Assert.Equal(now, again);
    }
}
