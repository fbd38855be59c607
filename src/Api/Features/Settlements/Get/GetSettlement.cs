using Compensation.Api.Services;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Settlements.Get;

public sealed class GetSettlement : ApiEndpoint<RunRequest, SettlementResult>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getSettlement").WithTags("Settlements").Produces<SettlementResult>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "A saved settlement";
            s.Description = "The settlement exactly as saved (its bytes hash to outputSha256); headers X-Settlement-Status, X-Final-Version, X-Input-Sha256 and X-Output-Sha256 describe it. Sent gzip-encoded (Content-Encoding: gzip, some twenty times smaller) to a client that accepts it; the hash is of the JSON itself.";
        });
    }

    protected override async Task Handle(RunRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var run = await Db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.RunId && r.TermId == term.Id, ct) ?? throw ServiceError.NotFound($"settlement {req.RunId}");
        var h = HttpContext.Response.Headers;
        h["X-Settlement-Status"] = run.Status.ToString().ToLowerInvariant();
        h["X-Final-Version"] = run.FinalVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-Input-Sha256"] = run.InputSha256;
        h["X-Output-Sha256"] = run.OutputSha256;
        h.ETag = "\"" + run.OutputSha256 + "\"";
        await StoredOutputs.SendAsync(HttpContext, await StoredOutputs.LoadAsync(Db, run.Id, ct), ct);
    }
}
