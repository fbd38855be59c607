using System.Text;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Pages.SignIn;

public sealed class FormRequest
{
    /// <summary>The committee page to come back to after signing in.</summary>
    public string? Next { get; set; }
}

/// <summary>
/// GET /published: the sign-in form for a committee key. A browser already signed in goes on to its
/// school's published terms; an admin key (no school) sees the list of schools.
/// </summary>
public sealed class ShowSignInForm : PageEndpoint<FormRequest>
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
