using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compensation.Api.Tests;

/// <summary>
/// The committee's sign-in form takes committee keys only, keeps a signed, expiring ticket in its cookie instead
/// of the key, and that cookie opens the committee's pages and the published routes and nothing else; a form
/// posted from another site is refused. Other keys still read the pages with the X-Api-Key header.
/// </summary>
public sealed class CommitteeSignInTests : IDisposable
{
    private readonly Service _service = new(settings: new Dictionary<string, string> { ["Auth:CommitteeSignInHours"] = "0.0005" });

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    /// <summary>A browser-like client that neither follows redirects nor keeps cookies: the tests look at both.</summary>
    private HttpClient Browser() => _service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> KeyAsync(string role)
    {
        var created = await Admin.PostAsync("/api/keys", Json($$"""{"name": "{{role}}", "role": "{{role}}", "schoolId": "s1"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private async Task SchoolAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools", Json("""{"id": "s1", "name": "S"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools/s1/terms", Json("""{"termId": "t", "start": "2025-03-17", "end": "2025-04-11"}"""))).StatusCode);
    }

    private static HttpRequestMessage SignIn(string key, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/published") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The name=value part of the response's sign-in cookie.</summary>
    private static string Cookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("compensation_key=", StringComparison.Ordinal)).Split(';')[0];

    [Theory]
    [InlineData("admin")]
    [InlineData("accountant")]
    [InlineData("hr")]
    public async Task OnlyACommitteeKey_SignsIn(string role)
    {
        await SchoolAsync();
        var key = role == "admin" ? Service.AdminKey : await KeyAsync(role);

        var response = await Browser().SendAsync(SignIn(key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheCookie_HoldsATicketNotTheKey_AndOpensOnlyTheCommitteesRoutes()
    {
        await SchoolAsync();
        var key = await KeyAsync("committee");
        var browser = Browser();

        var signIn = await browser.SendAsync(SignIn(key, origin: "http://localhost"));
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var cookie = Cookie(signIn);
        Assert.DoesNotContain(key, Uri.UnescapeDataString(cookie), StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/published/schools/s1", cookie))).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/published/schools/s1/terms/t", cookie))).StatusCode);

        // Everything else needs the header, even the routes a committee key may read with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/audit", cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/schools/s1/terms", cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/schools", cookie))).StatusCode);
    }

    [Fact]
    public async Task AnAlteredOrExpiredTicket_IsNoSignIn()
    {
        await SchoolAsync();
        var browser = Browser();
        var cookie = Cookie(await browser.SendAsync(SignIn(await KeyAsync("committee"))));

        var altered = cookie[..^3] + (cookie[^3] == 'A' ? "B" : "A") + cookie[^2..];
        Assert.Equal(HttpStatusCode.Found, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/published/schools/s1", altered))).StatusCode);

        // Auth:CommitteeSignInHours is 0.0005 here: 1.8 seconds.
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(WithCookie(HttpMethod.Get, "/published/schools/s1", cookie))).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var expired = await browser.SendAsync(WithCookie(HttpMethod.Get, "/published/schools/s1", cookie));
        Assert.Equal(HttpStatusCode.Found, expired.StatusCode);
        Assert.StartsWith("/published?next=", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormsPostedFromAnotherSite_AreRefused()
    {
        await SchoolAsync();
        var key = await KeyAsync("committee");
        var browser = Browser();

        var signIn = await browser.SendAsync(SignIn(key, origin: "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/published/sign-out") { Content = new FormUrlEncodedContent([]) };
        signOut.Headers.Add("Origin", "null");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(signOut)).StatusCode);

        var referred = new HttpRequestMessage(HttpMethod.Post, "/published/sign-out") { Content = new FormUrlEncodedContent([]) };
        referred.Headers.Referrer = new Uri("https://evil.example/page");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(referred)).StatusCode);

        var own = new HttpRequestMessage(HttpMethod.Post, "/published/sign-out") { Content = new FormUrlEncodedContent([]) };
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.Found, (await browser.SendAsync(own)).StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("accountant")]
    public async Task OtherReadersKeys_StillReadThePages_WithTheHeader(string role)
    {
        await SchoolAsync();
        var client = Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", role == "admin" ? Service.AdminKey : await KeyAsync(role));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/published/schools/s1")).StatusCode);
    }
}
