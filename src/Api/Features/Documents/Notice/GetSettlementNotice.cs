using Compensation.Api.Services;
using Compensation.Reports;

namespace Compensation.Api.Features.Documents.Notice;

public sealed class GetSettlementNotice : DocumentEndpoint<RunDocumentRequest>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/notice.pdf");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getSettlementNotice").WithTags("Documents").Produces(200, typeof(byte[]), Pdf).ProducesProblem(404).ProducesProblem(503));
        Summary(s =>
        {
            s.Summary = "The public notice (公示) of a saved settlement, as PDF";
            s.Description = "For checking a draft before it is final. The notice names no student or staff member. Dated the day of finalisation (a draft: the term's last day).";
        });
    }

    protected override async Task Handle(RunDocumentRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var d = await Documents.LoadAsync(term, req.RunId, ct);
        var bytes = Reports.PublicNotice(d.Result, d.Policy, DocumentSource.Notice(d.Run, d.Result));
        await SendFileAsync(bytes, Pdf, $"notice-{req.TermId}.pdf", ct);
    }
}
