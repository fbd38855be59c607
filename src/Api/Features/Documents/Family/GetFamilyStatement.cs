using Compensation.Api.Services;
using Compensation.Reports;

namespace Compensation.Api.Features.Documents.Family;

public sealed class GetFamilyStatement : DocumentEndpoint<FamilyDocumentRequest>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/families/{StudentId}.pdf");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getFamilyStatement").WithTags("Documents").Produces(200, typeof(byte[]), Pdf).ProducesProblem(404).ProducesProblem(503));
        Summary(s =>
        {
            s.Summary = "A family's fee statement, as PDF";
            s.Description = "Fee, cap, subsidy, waiver, each refund with its reason and dates, net, paid, and what is owed or to be returned.";
        });
    }

    protected override async Task Handle(FamilyDocumentRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var d = await Documents.LoadAsync(term, req.RunId, ct);
        if (d.Result.Families.All(f => f.StudentId != req.StudentId))
        {
            throw ServiceError.NotFound($"student {req.StudentId}");
        }

        await SendFileAsync(Reports.FamilyStatement(d.Result, d.Policy, req.StudentId), Pdf, $"family-{req.StudentId}.pdf", ct);
    }
}
