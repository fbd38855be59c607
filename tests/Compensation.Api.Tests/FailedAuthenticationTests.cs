using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compensation.Api.Tests;

/// <summary>
/// Failed authentications are limited per client address (429 with Retry-After once past the limit, a valid key never
/// held back) and audited as batched rows with a count, not one synchronous row per request.
/// </summary>
public sealed partial class FailedAuthenticationTests : IDisposable
{
    private readonly Service _service = new(settings: new Dictionary<string, string>
    {
        ["Limits:FailedAuthentications"] = "5",
        ["Limits:FailedAuthenticationWindowSeconds"] = "4",
        ["Limits:DeniedAuditSeconds"] = "1",
    });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task PastTheLimit_WrongKeysGet429WithRetryAfter_UntilTheWindowEnds_AndAreAuditedInBatches()
    {
        var wrong = _service.As("cmp_wrong_key");
        var admin = _service.As(Service.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/schools")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/schools")).StatusCode);
        }

        var throttled = await wrong.GetAsync("/api/schools");
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("too-many-failed-authentications", (await throttled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 4);

        // A valid key from the same address is not held back.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/schools")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/schools")).StatusCode);

        // 6 failed authentications and 1 request held back, in rows of a count each (flushed every second).
        var (failed, held, rows) = (0, 0, new List<JsonElement>());
        for (var attempt = 0; attempt < 20 && (failed, held) != (6, 1); attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            rows = [.. (await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=1000")).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "denied")];
            var counts = rows.Select(r => Counts().Match(r.GetProperty("outcome").GetString()!)).Where(m => m.Success).ToList();
            failed = counts.Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            held = counts.Sum(m => m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }

        Assert.Equal((6, 1), (failed, held));
        Assert.All(rows, r => Assert.StartsWith("client ", r.GetProperty("target").GetString(), StringComparison.Ordinal));
        Assert.True(rows.Count < 6, $"{rows.Count} rows for 7 denials");
    }

    [GeneratedRegex(@"^refused 401 × (\d+)(?:, 429 × (\d+))?")]
    private static partial Regex Counts();
}
