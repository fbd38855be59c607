using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results.Ledger;

public sealed class GetSettlementLedger : SavedResultEndpoint<Rules.Settlement.Ledger>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/ledger");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getSettlementLedger").WithTags("Results").Produces<Rules.Settlement.Ledger>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The fund's income and expenditure in a saved settlement";
            s.Description = "Income by source, refunds by kind, spending by category, the balance and what happened to it (surplus refunded, carried forward, kept), and the cash received.";
        });
    }

    protected override Rules.Settlement.Ledger Select(SettlementResult result) => result.Ledger;
}
