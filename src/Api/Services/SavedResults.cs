using System.Collections.Concurrent;
using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// Saved settlements read back into the model. A saved result never changes (its id and output hash
/// name it), so the last few read are kept in memory for the result endpoints.
/// </summary>
public sealed class SavedResults
{
    private const int Keep = 16;
    private readonly ConcurrentDictionary<string, SettlementResult> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<(SettlementRun Run, SettlementResult Result)> LoadAsync(AppDb db, Term term, long runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.TermId == term.Id, ct) ?? throw ServiceError.NotFound($"settlement {runId}");
        if (!_cache.TryGetValue(run.OutputSha256, out var result))
        {
            var json = await StoredOutputs.JsonAsync(db, run.Id, ct);
            result = JsonSerializer.Deserialize<SettlementResult>(json, SettlementJson.Options)!;
            if (_cache.TryAdd(run.OutputSha256, result))
            {
                _order.Enqueue(run.OutputSha256);
                while (_order.Count > Keep && _order.TryDequeue(out var old))
                {
                    _cache.TryRemove(old, out _);
                }
            }
        }

        return (run, result);
    }
}
