using Compensation.Api.Features.Terms.Create;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Terms.List;

public sealed class ListTermsRequest
{
    public string SchoolId { get; set; } = "";
}

public sealed class ListTerms : ApiEndpoint<ListTermsRequest, IReadOnlyList<TermResponse>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant, Auth.Roles.Committee, Auth.Roles.Hr);
        Description(b => b.WithName("listTerms").WithTags("Terms").Produces<IReadOnlyList<TermResponse>>(200).ProducesProblem(404));
        Summary(s => s.Summary = "List a school's terms");
    }

    protected override async Task Handle(ListTermsRequest req, CancellationToken ct)
    {
        await SchoolAsync(req.SchoolId, ct);
        var terms = await Db.Terms.AsNoTracking().Where(t => t.SchoolId == req.SchoolId).OrderBy(t => t.Start).ToListAsync(ct);
        await Send.OkAsync([.. terms.Select(t => new TermResponse(t.SchoolId, t.TermId, t.Start, t.End))], ct);
    }
}
