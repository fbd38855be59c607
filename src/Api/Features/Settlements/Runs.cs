using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Settlements;

internal static class Runs
{
    public static async Task<RunResponse> ToResponseAsync(AppDb db, SettlementRun r, CancellationToken ct)
    {
        var version = await db.Plans.AsNoTracking().Where(p => p.Id == r.PlanVersionId).Select(p => p.Version).SingleAsync(ct);
        return new RunResponse(r.Id, r.Status == RunStatus.Final ? "final" : "draft", r.FinalVersion, version, r.InputSha256, r.OutputSha256, r.CreatedAt, r.CreatedBy, r.FinalisedAt, r.PreviousFinalId, r.FinaliseOverride);
    }
}
