using System.Net;
using System.Net.Http.Json;

namespace Compensation.Browser.Tests;

/// <summary>
/// Who may see the committee pages, over plain HTTP against the same service process: no key goes to
/// the sign-in form, a wrong key gets the form again, a key of another school 404, an HR key 403;
/// the sign-in cookie is HttpOnly and SameSite=Strict and authenticates reads only.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class PageAccessTests(ServiceProcess service)
{
    private string TermPath => $"published/schools/{service.SchoolId}/terms/{service.TermId}";

    [Fact(Timeout = 60_000)]
    public async Task WithoutAKey_EveryPageRedirectsToTheSignInForm_WhichIsHtml()
    {
        using var anonymous = service.Client();
        foreach (var path in new[] { $"published/schools/{service.SchoolId}", TermPath })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/published?next=" + Uri.EscapeDataString("/" + path), response.Headers.Location!.OriginalString);
        }

        var form = await anonymous.GetAsync("published");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html; charset=utf-8", form.Content.Headers.ContentType!.ToString());
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", form.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task AWrongKey_GetsTheFormAgainWithTheError_AndNoCookie()
    {
        using var anonymous = service.Client();
        var response = await anonymous.PostAsync("published", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "cmp_wrong <script>" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"key\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 60_000)]
    public async Task TheCookie_IsHttpOnlyAndStrict_AndAuthenticatesReadsOnly()
    {
        var key = await service.CreateKeyAsync("committee", service.SchoolId);
        var cookies = new CookieContainer();
        using var browser = service.Client(cookies: cookies);
        var signIn = await browser.PostAsync("published", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key }));
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        Assert.Equal($"/published/schools/{service.SchoolId}", signIn.Headers.Location!.OriginalString);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("compensation_key=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        var school = await browser.GetAsync($"published/schools/{service.SchoolId}");
        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
        Assert.Contains($"href=\"/{TermPath}\"", await school.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(TermPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/" + TermPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync($"api/schools/{service.SchoolId}/terms/{service.TermId}/settlements/preview", null)).StatusCode);

        var signOut = await browser.PostAsync("published/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync(TermPath)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task AKeyOfAnotherSchool_Gets404_AndAnHrKey403()
    {
        using (var admin = service.Client(ServiceProcess.AdminKey))
        {
            var created = await admin.PostAsJsonAsync("api/schools", new { id = "other-" + Guid.NewGuid().ToString("N")[..8], name = "另一所学校" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var otherSchool = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
            using var other = service.Client(await service.CreateKeyAsync("committee", otherSchool));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"published/schools/{service.SchoolId}")).StatusCode);
            var page = await other.GetAsync(TermPath);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
            Assert.DoesNotContain("1,785.00", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"published/schools/{otherSchool}")).StatusCode);

            // The refusals are refused authorisations in the audit log.
            var log = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("api/audit?take=1000");
            Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == "denied"
                && e.GetProperty("target").GetString() == "GET /" + TermPath
                && e.GetProperty("outcome").GetString()!.EndsWith("school " + service.SchoolId, StringComparison.Ordinal));
        }

        using var hr = service.Client(await service.CreateKeyAsync("hr", service.SchoolId));
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync(TermPath)).StatusCode);

        using var accountant = service.Client(await service.CreateKeyAsync("accountant", service.SchoolId));
        Assert.Equal(HttpStatusCode.OK, (await accountant.GetAsync(TermPath)).StatusCode);
        using var admin2 = service.Client(ServiceProcess.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync(TermPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.GetAsync($"published/schools/{service.SchoolId}/terms/no-such-term")).StatusCode);
    }
}
