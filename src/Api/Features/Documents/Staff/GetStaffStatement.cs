using Compensation.Api.Services;
using Compensation.Reports;

namespace Compensation.Api.Features.Documents.Staff;

public sealed class GetStaffStatement : DocumentEndpoint<StaffDocumentRequest>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/staff/{StaffId}.pdf");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant, Auth.Roles.Hr);
        Description(b => b.WithName("getStaffStatement").WithTags("Documents").Produces(200, typeof(byte[]), Pdf).ProducesProblem(404).ProducesProblem(503));
        Summary(s =>
        {
            s.Summary = "A staff member's pay statement, as PDF";
            s.Description = "Lessons, rate, gross, stipends, each deduction with the event, its date and the plan clause, and net, by month and for the term. An hr key reads statements of final settlements only.";
        });
    }

    protected override async Task Handle(StaffDocumentRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var d = await Documents.LoadAsync(term, req.RunId, ct);
        if (User.IsInRole(Auth.Roles.Hr) && d.Run.Status != Persistence.Entities.RunStatus.Final)
        {
            // Payroll sees pay from final settlements only, as in the pay feed; a draft is the accountant's.
            throw ServiceError.NotFound($"final settlement {req.RunId}");
        }

        if (d.Result.Staff.All(s => s.StaffId != req.StaffId))
        {
            throw ServiceError.NotFound($"staff member {req.StaffId}");
        }

        var facts = await Documents.FactsAsync(term, d.Run, ct);
        await SendFileAsync(Reports.StaffStatement(d.Result, d.Policy, req.StaffId, facts.Conduct), Pdf, $"staff-{req.StaffId}.pdf", ct);
    }
}
