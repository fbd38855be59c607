using System.Text;
using Compensation.Api.Auth;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Pages.SignIn;

public sealed class FormRequest
{
    /// <summary>The committee page to come back to after signing in.</summary>
    public string? Next { get; set; }
}

public sealed class SignInRequest
{
    /// <summary>The committee key (accountant and admin keys read the pages with the X-Api-Key header instead).</summary>
    public string Key { get; set; } = "";

    public string? Next { get; set; }
}

/// <summary>
/// GET /published: the sign-in form for a committee key. A browser already signed in goes on to its
/// school's published terms; an admin key (no school) sees the list of schools.
/// </summary>
public sealed class FormEndpoint : PageEndpoint<FormRequest>
{
    protected override bool NeedsKey => false;

    public override void Configure() => Page(Http.GET, "/published");

    protected override async Task Handle(FormRequest req, CancellationToken ct)
    {
        if (IsReader && User.FindFirst(Auth.Roles.SchoolClaim) is not null)
        {
            await RedirectAsync(SafeNext(req.Next) ?? HomeUrl());
            return;
        }

        if (IsReader)
        {
            var schools = await Db.Schools.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
            var list = new StringBuilder("<ul class=\"terms\">\n");
            foreach (var s in schools)
            {
                list.Append($"<li><a href=\"/published/schools/{Html.Encode(Html.Segment(s.Id))}\"><span class=\"title\">{Html.Encode(s.Name)}</span><span class=\"detail\">{Html.Encode(s.Id)}</span></a></li>\n");
            }

            list.Append("</ul>\n");
            var main = Html.Section("学校", "Schools", schools.Count == 0 ? Html.Paragraph("还没有学校。", "No school yet.") : list.ToString())
                + SignInPage.Form(req.Next, "换一个密钥", "Use another key");
            await SendHtmlAsync(Html.Document("家委会公示", "Published accounts", null, main, signedIn: true), ct);
            return;
        }

        var error = SignedIn
            ? Html.Message("当前密钥无权查看公示，请使用家委会密钥。", "This key may not see the published accounts; use a committee key.", error: true)
            : null;
        await SendHtmlAsync(SignInPage.Render(req.Next, error, SignedIn), ct);
    }
}

/// <summary>
/// POST /published: checks the key and stores a signed, expiring ticket naming it (never the key itself) in an
/// HttpOnly, SameSite=Strict cookie (compensation_key), then goes to the key's school (or the page asked for).
/// Only a committee key signs in: an accountant's or admin's cookie would otherwise carry far more than the
/// published accounts. A wrong key, or one of another role, gets the form again with the error (401 / 403,
/// so the refusal is in the audit log); a form posted from another site is refused (403).
/// </summary>
public sealed class Endpoint : PageEndpoint<SignInRequest>
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

/// <summary>The sign-in page and its form.</summary>
internal static class SignInPage
{
    public static string Render(string? next, string? message, bool signedIn)
    {
        var intro = Html.Paragraph(
            "请输入学校发给家委会的查询密钥，查看本校已定稿的课后服务经费收支公示。",
            "Enter the key the school gave the parents' committee to see its published accounts.");
        return Html.Document("家委会公示查询", "Parents' committee: published accounts", null,
            Html.Section("登录", "Sign in", intro + (message ?? "") + Form(next, "进入", "Sign in", inSection: true)), signedIn);
    }

    public static string Form(string? next, string buttonZh, string buttonEn, bool inSection = false)
    {
        var hidden = next is { Length: > 0 } ? $"<input type=\"hidden\" name=\"next\" value=\"{Html.Encode(next)}\">\n" : "";
        var form = "<form method=\"post\" action=\"/published\">\n"
            + "<label for=\"key\">查询密钥<span class=\"en\">Committee key</span></label>\n"
            + "<input id=\"key\" name=\"key\" type=\"password\" required autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">\n"
            + hidden
            + $"<button type=\"submit\" id=\"sign-in\">{Html.Encode(buttonZh)} <span class=\"en-inline\">{Html.Encode(buttonEn)}</span></button>\n</form>\n";
        return inSection ? form : Html.Section(buttonZh, buttonEn, form);
    }
}
