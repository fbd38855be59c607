using System.Net;
using OpenQA.Selenium;

namespace Compensation.Browser.Tests;

/// <summary>
/// The headers every answer of the real service (Kestrel, not a test server) carries, and the Swagger UI
/// working in Chromium under its Content-Security-Policy.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class BaselineHeaderTests(ServiceProcess service)
{
    [Fact(Timeout = 60_000)]
    public async Task EveryAnswer_IsNotSniffed_HasNoServerHeader_AndIsNotStored()
    {
        using var admin = service.Client(ServiceProcess.AdminKey);
        using var anonymous = service.Client();
        var answers = new[]
        {
            await admin.GetAsync("api/schools"),
            await admin.GetAsync($"api/schools/{service.SchoolId}/terms/{service.TermId}/settlements/{service.RunId}/families"),
            await anonymous.GetAsync("api/audit"),
            await admin.GetAsync("api/no-such-route"),
            await admin.GetAsync("swagger/v1/swagger.json"),
            await anonymous.GetAsync("published"),
        };

        foreach (var answer in answers)
        {
            var what = answer.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.True(answer.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what);
            Assert.False(answer.Headers.Contains("Server"), what);
            Assert.True(answer.Headers.CacheControl?.NoStore, what);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ThePayFeed_IsPrivateAndRevalidated_PerKey()
    {
        using var admin = service.Client(ServiceProcess.AdminKey);
        var pay = await admin.GetAsync($"api/pay?school={service.SchoolId}");
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        Assert.Equal((true, true, false), (pay.Headers.CacheControl!.Private, pay.Headers.CacheControl.NoCache, pay.Headers.CacheControl.NoStore));
        Assert.Contains("X-Api-Key", pay.Headers.Vary);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"api/pay?school={service.SchoolId}");
        again.Headers.IfNoneMatch.Add(pay.Headers.ETag!);
        var notModified = await admin.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Contains("X-Api-Key", notModified.Headers.Vary);
    }

    [Fact(Timeout = 180_000)]
    public async Task TheSwaggerUi_CannotBeFramed_AndStillLoadsUnderItsPolicy()
    {
        using var anonymous = service.Client();
        var page = await anonymous.GetAsync("swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);

        await Task.Run(() =>
        {
            using var browser = new PhoneBrowser();
            browser.Driver.Navigate().GoToUrl(new Uri(service.BaseUrl, "swagger/index.html"));
            browser.Until(d => d.FindElements(By.CssSelector(".opblock")).Count > 10, "the operations of the OpenAPI document");
            var refused = browser.Driver.Manage().Logs.GetLog(LogType.Browser)
                .Where(e => e.Message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Message).ToList();
            Assert.Empty(refused);
        });
    }
}
