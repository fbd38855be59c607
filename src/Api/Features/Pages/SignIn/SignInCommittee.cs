using Compensation.Api.Auth;
using FastEndpoints;

namespace Compensation.Api.Features.Pages.SignIn;

public sealed class SignInRequest
{
    /// <summary>The committee key (accountant and admin keys read the pages with the X-Api-Key header instead).</summary>
    public string Key { get; set; } = "";

    public string? Next { get; set; }
}

/// <summary>
/// POST /published: checks the key and stores a signed, expiring ticket naming it (never the key itself) in an
/// HttpOnly, SameSite=Strict cookie (compensation_key), then goes to the key's school (or the page asked for).
/// Only a committee key signs in: an accountant's or admin's cookie would otherwise carry far more than the
/// published accounts. A wrong key, or one of another role, gets the form again with the error (401 / 403,
/// so the refusal is in the audit log); a form posted from another site is refused (403).
/// </summary>
public sealed class SignInCommittee : PageEndpoint<SignInRequest>
{
    protected override bool NeedsKey => false;

    public override void Configure()
    {
        Page(Http.POST, "/published");
        AllowFormData(urlEncoded: true);
    }

    protected override async Task Handle(SignInRequest req, CancellationToken ct)
    {
        if (!FromThisSite())
        {
            await ErrorPageAsync(403, "请从本站的登录页登录", "Sign in from this site's own form", ct);
            return;
        }

        var key = req.Key.Trim();
        var principal = key.Length is 0 or > 200 ? null : await ApiKeyAuthenticationHandler.ResolveAsync(Resolve<Persistence.AppDb>(), Resolve<ApiKeyCache>(), key, ct);
        if (principal is null)
        {
            var error = Html.Message("密钥无效，请核对后重新输入。", "The key is not valid; check it and try again.", error: true);
            await SendHtmlAsync(SignInPage.Render(req.Next, error, signedIn: false), ct, status: 401);
            return;
        }

        if (!principal.IsInRole(Auth.Roles.Committee))
        {
            var error = Html.Message("只有家委会密钥可以在此登录；学校的其他密钥请通过 X-Api-Key 请求头查看。", "Only a committee key signs in here; the school's other keys read these pages with the X-Api-Key header.", error: true);
            await SendHtmlAsync(SignInPage.Render(req.Next, error, signedIn: false), ct, status: 403);
            return;
        }

        var tickets = Resolve<CommitteeTickets>();
        HttpContext.Response.Cookies.Append(ApiKeyAuthenticationHandler.CookieName, tickets.Issue(ApiKeys.Hash(key)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = HttpContext.Request.IsHttps,
            Path = "/",
            IsEssential = true,
            MaxAge = tickets.Lifetime,
        });
        var school = principal.FindFirst(Auth.Roles.SchoolClaim)?.Value;
        await RedirectAsync(SafeNext(req.Next) ?? (school is null ? "/published" : "/published/schools/" + Html.Segment(school)));
    }
}
