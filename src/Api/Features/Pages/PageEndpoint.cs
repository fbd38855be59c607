using Compensation.Api.Auth;
using Compensation.Api.Persistence;
using Compensation.Api.Services;
using FastEndpoints;

namespace Compensation.Api.Features.Pages;

/// <summary>
/// Base of the parents' committee pages (家委会公示页面): server-rendered HTML outside /api, not in the
/// OpenAPI document. A page that needs a key sends a browser without one to the sign-in form
/// (/published); a key whose role may not read published accounts gets 403, a school or term the key
/// may not see (or that does not exist) 404, both as pages. The key comes from the X-Api-Key header
/// or the sign-in cookie (<see cref="ApiKeyAuthenticationHandler"/>).
/// </summary>
public abstract class PageEndpoint<TRequest> : Endpoint<TRequest> where TRequest : notnull
{
    /// <summary>Roles that may read the published accounts, as the JSON endpoint allows.</summary>
    public static readonly IReadOnlyList<string> Readers = [Auth.Roles.Committee, Auth.Roles.Accountant, Auth.Roles.Admin];

    private const string SecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    protected AppDb Db => Resolve<AppDb>();

    /// <summary>Whether the page needs a signed-in key of a reader role.</summary>
    protected virtual bool NeedsKey => true;

    protected bool SignedIn => User.Identity?.IsAuthenticated == true;

    protected bool IsReader => SignedIn && Readers.Any(User.IsInRole);

    /// <summary>A key of another school is answered as if the school did not exist, and logged as a refused authorisation.</summary>
    protected async Task CheckSchoolAsync(string schoolId)
    {
        if (!User.CanSee(schoolId))
        {
            await AuditLog.WriteAsync(Db, Resolve<TimeProvider>(), HttpContext, "denied", HttpContext.Request.Method + " " + HttpContext.Request.Path, $"refused 404: the key may not see school {schoolId}");
            throw ServiceError.NotFound($"school {schoolId}");
        }
    }

    /// <summary>Configures a page: its verb and route without the /api prefix, open to the browser (the page checks the key itself), hidden from OpenAPI.</summary>
    protected void Page(Http verb, string route)
    {
        Verbs(verb);
        Routes(route);
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Description(b => b.ExcludeFromDescription());
    }

    public sealed override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        if (NeedsKey && !SignedIn)
        {
            await RedirectAsync(SignInUrl(HttpContext.Request.Path.ToUriComponent()));
            return;
        }

        if (NeedsKey && !IsReader)
        {
            await ErrorPageAsync(403, "此密钥无权查看公示", "This key may not see the published accounts", ct);
            return;
        }

        try
        {
            await Handle(req, ct);
        }
        catch (ServiceError e) when (e.Status == 404)
        {
            await ErrorPageAsync(404, "找不到这个页面", "Not found, or not visible to this key", ct);
        }
    }

    protected abstract Task Handle(TRequest req, CancellationToken ct);

    /// <summary>Sends a whole HTML document with the pages' headers: UTF-8, never cached (it is behind a key), no script, no framing.</summary>
    protected Task SendHtmlAsync(string html, CancellationToken ct, int status = 200)
    {
        var response = HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = SecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's own
        // sign-in and sign-out forms, which FromThisSite must then refuse; no other site learns anything either way.
        response.Headers["Referrer-Policy"] = "same-origin";
        return response.WriteAsync(html, ct);
    }

    /// <summary>A redirect within this site (302; a browser follows a POST's with a GET).</summary>
    protected Task RedirectAsync(string localUrl)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        return Send.RedirectAsync(localUrl, isPermanent: false, allowRemoteRedirects: false);
    }

    protected Task ErrorPageAsync(int status, string zh, string en, CancellationToken ct)
    {
        var main = Html.Message(zh, en, error: true)
            + "<p><a href=\"/published\">返回公示首页<span class=\"en\">Back to the start</span></a></p>\n";
        return SendHtmlAsync(Html.Document("家委会公示", "Published accounts", null, main, SignedIn), ct, status);
    }

    /// <summary>
    /// Whether a form was posted from this site: its Origin (or, without one, its Referer) names this host. A
    /// browser sends Origin with every POST, so a form of another site is refused even where SameSite is not
    /// enforced; a client that is no browser sends neither and cannot be made to post by another site.
    /// </summary>
    protected bool FromThisSite()
    {
        var headers = HttpContext.Request.Headers;
        var source = headers.Origin.ToString() is { Length: > 0 } origin ? origin : headers.Referer.ToString();
        if (source.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, HttpContext.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The sign-in form, coming back to <paramref name="next"/> afterwards when it is a committee page.</summary>
    protected static string SignInUrl(string? next) =>
        SafeNext(next) is { } target ? "/published?next=" + Uri.EscapeDataString(target) : "/published";

    /// <summary>Only a committee page of this site may be a target after sign-in: never another site, never an API route.</summary>
    protected static string? SafeNext(string? next) =>
        next is { Length: > 0 and < 512 }
        && next.StartsWith("/published/schools/", StringComparison.Ordinal)
        && !next.Contains("//", StringComparison.Ordinal)
        && !next.Contains('\\', StringComparison.Ordinal)
        && !next.Any(char.IsControl)
            ? next
            : null;

    /// <summary>Where a signed-in key starts: its school's list, or for an admin (no school) the list of schools.</summary>
    protected string HomeUrl()
    {
        var school = User.FindFirst(Auth.Roles.SchoolClaim)?.Value;
        return school is null ? "/published" : "/published/schools/" + Html.Segment(school);
    }
}
