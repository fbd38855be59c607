using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results.Families;

public sealed class ListSettlementFamilies : SavedResultEndpoint<IReadOnlyList<FamilyLine>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/families");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("listSettlementFamilies").WithTags("Results").Produces<IReadOnlyList<FamilyLine>>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Every family's line of a saved settlement";
            s.Description = "Charged, cap, subsidy, waiver, payable, each refund, net, paid and balance (positive: the family owes; negative: the school pays back), with the ids of the lines' explanations.";
        });
    }

    protected override IReadOnlyList<FamilyLine> Select(SettlementResult result) => result.Families;
}
