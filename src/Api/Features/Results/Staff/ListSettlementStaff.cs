using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results.Staff;

public sealed class ListSettlementStaff : SavedResultEndpoint<IReadOnlyList<StaffLine>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/staff");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("listSettlementStaff").WithTags("Results").Produces<IReadOnlyList<StaffLine>>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Every staff member of a saved settlement, by month and for the term";
            s.Description = "Lessons, lesson pay, stipends, each deduction with its reason and clause, the month capped at 100% of its base, gross and net.";
        });
    }

    protected override IReadOnlyList<StaffLine> Select(SettlementResult result) => result.Staff;
}
