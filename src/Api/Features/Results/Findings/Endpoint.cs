using Compensation.Api.Services;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results.Findings;

public sealed class Endpoint : ApiEndpoint<ResultRequest, IReadOnlyList<Finding>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/findings");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithTags("Results").Produces<IReadOnlyList<Finding>>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "What the accountant must look at in a saved settlement";
            s.Description = "Fee above the cap, pay below the floor or above the ceiling, spending above income, a waived family charged, a deduction outside its range, and others, each with its rule, clause and facts.";
        });
    }

    protected override async Task Handle(ResultRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var (_, result) = await Resolve<SavedResults>().LoadAsync(Db, term, req.RunId, ct);
        await Send.OkAsync(result.Findings, ct);
    }
}
