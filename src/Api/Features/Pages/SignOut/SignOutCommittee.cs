using Compensation.Api.Auth;
using FastEndpoints;

namespace Compensation.Api.Features.Pages.SignOut;

/// <summary>POST /published/sign-out: forgets the sign-in (deletes the cookie) and shows the sign-in form; a form posted from another site is refused (403).</summary>
public sealed class SignOutCommittee : PageEndpoint<EmptyRequest>
{
    protected override bool NeedsKey => false;

    public override void Configure()
    {
        Page(Http.POST, "/published/sign-out");
        AllowFormData(urlEncoded: true);
    }

    protected override async Task Handle(EmptyRequest req, CancellationToken ct)
    {
        if (!FromThisSite())
        {
            await ErrorPageAsync(403, "请从本站的页面退出", "Sign out from this site's own pages", ct);
            return;
        }

        HttpContext.Response.Cookies.Delete(ApiKeyAuthenticationHandler.CookieName, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = HttpContext.Request.IsHttps,
            Path = "/",
        });
        await RedirectAsync("/published");
    }
}
