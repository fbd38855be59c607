using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Reports;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// What a document needs of a saved settlement: the result, the plan version it used and, for the
/// staff statements, its facts. The notice is dated the day the settlement was finalised (China
/// Standard Time, UTC+8, the school's local date) and posted for seven days: stored facts, never the clock.
/// </summary>
public sealed class DocumentSource(AppDb db, SavedResults results, TermFactsStore store, PlanPolicies policies)
{
    private static readonly TimeSpan SchoolOffset = TimeSpan.FromHours(8);

    public sealed record Source(SettlementRun Run, SettlementResult Result, SchoolPolicy Policy);

    public async Task<Source> LoadAsync(Term term, long runId, CancellationToken ct)
    {
        var (run, result) = await results.LoadAsync(db, term, runId, ct);
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == run.PlanVersionId, ct);
        return new Source(run, result, policies.Of(plan));
    }

    public async Task<TermFacts> FactsAsync(Term term, SettlementRun run, CancellationToken ct)
    {
        var ids = run.FactFileIds.Length == 0 ? [] : run.FactFileIds.Split(',').Select(long.Parse).ToList();
        return (await store.LoadFilesAsync(term, ids, fromBytes: false, ct)).Facts;
    }

    public static NoticeDetails Notice(SettlementRun run, SettlementResult result)
    {
        var date = run.FinalisedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(SchoolOffset).DateTime) : result.TermEnd;
        return new NoticeDetails(date, date, date.AddDays(6));
    }
}
