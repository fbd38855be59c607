using Compensation.Api.Features.Terms.Create;

namespace Compensation.Api.Features.Terms.Get;

public sealed class GetTermRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>One term, where the Location of its creation points.</summary>
public sealed class GetTerm : ApiEndpoint<GetTermRequest, TermResponse>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant, Auth.Roles.Committee, Auth.Roles.Hr);
        Description(b => b.WithName("getTerm").WithTags("Terms").Produces<TermResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "A term";
            s.Description = "Its first and last day, as created.";
        });
    }

    protected override async Task Handle(GetTermRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        await Send.OkAsync(new TermResponse(term.SchoolId, term.TermId, term.Start, term.End), ct);
    }
}
