using Compensation.Api.Services;

namespace Compensation.Api.Features.Results.Ledger;

public sealed class Endpoint : ApiEndpoint<ResultRequest, Rules.Settlement.Ledger>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/ledger");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithTags("Results").Produces<Rules.Settlement.Ledger>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The fund's income and expenditure in a saved settlement";
            s.Description = "Income by source, refunds by kind, spending by category, the balance and what happened to it (surplus refunded, carried forward, kept), and the cash received.";
        });
    }

    protected override async Task Handle(ResultRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var (_, result) = await Resolve<SavedResults>().LoadAsync(Db, term, req.RunId, ct);
        await Send.OkAsync(result.Ledger, ct);
    }
}
