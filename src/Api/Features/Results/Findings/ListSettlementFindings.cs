using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results.Findings;

public sealed class ListSettlementFindings : SavedResultEndpoint<IReadOnlyList<Finding>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/findings");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("listSettlementFindings").WithTags("Results").Produces<IReadOnlyList<Finding>>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "What the accountant must look at in a saved settlement";
            s.Description = "Fee above the cap, pay below the floor or above the ceiling, spending above income, a waived family charged, a deduction outside its range, and others, each with its rule, clause and facts.";
        });
    }

    protected override IReadOnlyList<Finding> Select(SettlementResult result) => result.Findings;
}
