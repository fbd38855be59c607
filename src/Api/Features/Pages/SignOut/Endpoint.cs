using Compensation.Api.Auth;
using FastEndpoints;

namespace Compensation.Api.Features.Pages.SignOut;

/// <summary>POST /published/sign-out: forgets the key (deletes the cookie) and shows the sign-in form.</summary>
public sealed class Endpoint : PageEndpoint<EmptyRequest>
{
    protected override bool NeedsKey => false;

    public override void Configure()
    {
        Page(Http.POST, "/published/sign-out");
        AllowFormData(urlEncoded: true);
    }

    protected override Task Handle(EmptyRequest req, CancellationToken ct)
    {
        HttpContext.Response.Cookies.Delete(ApiKeyAuthenticationHandler.CookieName, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = HttpContext.Request.IsHttps,
            Path = "/",
        });
        return RedirectAsync("/published");
    }
}
