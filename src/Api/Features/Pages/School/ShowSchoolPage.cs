using System.Text;
using Compensation.Api.Auth;
using Compensation.Api.Features.Published;
using Compensation.Api.Services;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Pages.School;

public sealed class SchoolPageRequest
{
    public string SchoolId { get; set; } = "";
}

/// <summary>GET /published/schools/{SchoolId}: the school's published terms (those with a final settlement), each linking to its page.</summary>
public sealed class ShowSchoolPage : PageEndpoint<SchoolPageRequest>
{
    public override void Configure() => Page(Http.GET, "/published/schools/{SchoolId}");

    protected override async Task Handle(SchoolPageRequest req, CancellationToken ct)
    {
        await CheckSchoolAsync(req.SchoolId);

        var school = await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.SchoolId, ct) ?? throw ServiceError.NotFound($"school {req.SchoolId}");
        var terms = await PublishedAccounts.PublishedTermsAsync(Db, school.Id, ct);
        var content = new StringBuilder();
        if (terms.Count == 0)
        {
            content.Append(Html.Paragraph("本校还没有定稿的学期结算，定稿后即在此公示。", "No term has a final settlement yet; it appears here once finalised."));
        }
        else
        {
            content.Append("<ul class=\"terms\">\n");
            foreach (var (term, version) in terms)
            {
                var href = $"/published/schools/{Html.Segment(school.Id)}/terms/{Html.Segment(term.TermId)}";
                content.Append($"<li><a href=\"{Html.Encode(href)}\" data-term=\"{Html.Encode(term.TermId)}\"><span class=\"title\">{Html.Encode(term.TermId)}</span>")
                    .Append($"<span class=\"detail\">{Html.Encode(Html.Date(term.Start))}至{Html.Encode(Html.Date(term.End))} · 第 {Html.Count(version)} 版定稿 <span class=\"en-inline\">final version {Html.Count(version)}</span></span></a></li>\n");
            }

            content.Append("</ul>\n");
        }

        var main = Html.Section("已公示学期", "Published terms", content.ToString());
        if (User.IsInRole(Auth.Roles.Admin))
        {
            main = "<nav class=\"crumbs\"><a href=\"/published\">← 全部学校 <span class=\"en-inline\">All schools</span></a></nav>\n" + main;
        }

        await SendHtmlAsync(Html.Document("课后服务经费公示", "After-school service accounts", school.Name, main, signedIn: true), ct);
    }
}
