using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// Saved settlements read back into the model. A saved result never changes (its output hash names it), so the
/// results read are kept in the service's memory cache (<see cref="ServiceCache"/>) for the result endpoints,
/// the documents and the committee's pages.
/// </summary>
public sealed class SavedResults(ServiceCache cache)
{
    private const string Kind = "saved-result";

    public async Task<(SettlementRun Run, SettlementResult Result)> LoadAsync(AppDb db, Term term, long runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.TermId == term.Id, ct) ?? throw ServiceError.NotFound($"settlement {runId}");
        if (!cache.TryGet<SettlementResult>(Kind, run.OutputSha256, out var result))
        {
            var json = await StoredOutputs.JsonAsync(db, run.Id, ct);
            result = JsonSerializer.Deserialize<SettlementResult>(json, SettlementJson.Options)!;
            cache.Set(Kind, run.OutputSha256, result, json.LongLength * CacheLimits.BytesPerResultJsonByte);
        }

        return (run, result);
    }
}
