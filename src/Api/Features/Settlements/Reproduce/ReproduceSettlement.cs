using Compensation.Api.Services;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Settlements.Reproduce;

public sealed class ReproduceSettlement : ApiEndpoint<RunRequest, ReproduceResponse>
{
    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/reproduce");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("reproduceSettlement").WithTags("Settlements").Produces<ReproduceResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Settle a saved settlement's inputs again and compare";
            s.Description = "Proves a settlement can be reproduced from its saved plan version and fact files byte for byte.";
        });
    }

    protected override async Task Handle(RunRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var run = await Db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.RunId && r.TermId == term.Id, ct) ?? throw ServiceError.NotFound($"settlement {req.RunId}");
        var again = await Settlements.ReproduceAsync(term, run, fromBytes: true, ct);
        await Send.OkAsync(new ReproduceResponse(run.Id, run.OutputSha256, again.OutputSha256, again.OutputSha256 == run.OutputSha256), ct);
    }
}
