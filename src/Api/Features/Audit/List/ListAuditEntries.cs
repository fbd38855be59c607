using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Audit.List;

public sealed class AuditRequest
{
    /// <summary>Entries after this id (for paging forward).</summary>
    [QueryParam]
    public long After { get; set; }

    [QueryParam]
    public int Take { get; set; } = 100;
}

public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Outcome, string RequestId);

public sealed class ListAuditEntries : ApiEndpoint<AuditRequest, IReadOnlyList<AuditLine>>
{
    public override void Configure()
    {
        Get("/audit");
        Roles(Auth.Roles.Admin);
        Description(b => b.WithName("listAuditEntries").WithTags("Audit").Produces<IReadOnlyList<AuditLine>>(200));
        Summary(s =>
        {
            s.Summary = "The audit log";
            s.Description = "Admin only. Append-only: every change and every refused authorisation, with who, when, the request id and the outcome; oldest first, after=id to page.";
        });
    }

    protected override async Task Handle(AuditRequest req, CancellationToken ct)
    {
        var rows = await Db.Audit.AsNoTracking().Where(a => a.Id > req.After).OrderBy(a => a.Id).Take(Math.Clamp(req.Take, 1, 1000)).ToListAsync(ct);
        await Send.OkAsync([.. rows.Select(a => new AuditLine(a.Id, a.At, a.Actor, a.Action, a.Target, a.Outcome, a.RequestId))], ct);
    }
}
