using Compensation.Api.Services;
using Compensation.Reports;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Documents.PublishedNotice;

public sealed class GetPublishedNotice : DocumentEndpoint<PublishedNoticeRequest>
{
    public override void Configure()
    {
        Get("/published/schools/{SchoolId}/terms/{TermId}/notice.pdf");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant, Auth.Roles.Committee);
        Description(b => b.WithName("getPublishedNotice").WithTags("Published accounts").Produces(200, typeof(byte[]), Pdf).ProducesProblem(404).ProducesProblem(503));
        Summary(s =>
        {
            s.Summary = "The term's public notice (课后服务经费收支情况公示) as PDF";
            s.Description = "From the newest final settlement; the document a school posts. No student or staff name, id or hardship status.";
        });
    }

    protected override async Task Handle(PublishedNoticeRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var runId = await Db.Runs.AsNoTracking().Where(r => r.TermId == term.Id && r.LatestFinal == true).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct)
            ?? throw new ServiceError(404, "not-published", $"term {req.TermId} has no final settlement yet");
        var d = await Documents.LoadAsync(term, runId, ct);
        var bytes = Reports.PublicNotice(d.Result, d.Policy, DocumentSource.Notice(d.Run, d.Result));
        await SendFileAsync(bytes, Pdf, $"notice-{req.TermId}.pdf", ct);
    }
}
