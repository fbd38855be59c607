using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Settlements.Preview;

public sealed class PreviewSettlement : ApiEndpoint<TermRequest, SettlementResult>
{
    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements/preview");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("previewSettlement").WithTags("Settlements").Produces<SettlementResult>(200).ProducesProblem(400).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Settle the term now, saving nothing";
            s.Description = "The whole settlement (families, staff by month, ledger, findings, explanations) of the term's current facts under the newest plan version, or ?planVersion=N.";
        });
    }

    protected override async Task Handle(TermRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var computed = await Settlements.ComputeAsync(term, req.PlanVersion, ct);
        await SendJsonAsync(computed.Json, ct);
    }
}
