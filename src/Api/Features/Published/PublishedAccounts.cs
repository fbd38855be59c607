using Compensation.Api.Features.Published.Accounts;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Published;

/// <summary>A term's published accounts with what the committee pages show besides: the lesson pay in all and the plan version settled under.</summary>
public sealed record PublishedTerm(AccountsResponse Accounts, decimal LessonPay, long PlanVersionId);

/// <summary>
/// What the parents' committee may see of a term, for the JSON endpoint (<see cref="Accounts.GetPublishedAccounts"/>)
/// and the committee pages alike: from the term's newest final settlement only, totals and counts,
/// never a student's or staff member's name, id or hardship status.
/// </summary>
public static class PublishedAccounts
{
    /// <summary>The term's newest final settlement, or null while it has none.</summary>
    public static Task<SettlementRun?> LatestFinalAsync(AppDb db, Term term, CancellationToken ct) =>
        db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.TermId == term.Id && r.LatestFinal == true, ct);

    /// <summary>The school's terms that have a final settlement, newest first, each with its final version.</summary>
    public static async Task<IReadOnlyList<(Term Term, int FinalVersion)>> PublishedTermsAsync(AppDb db, string schoolId, CancellationToken ct)
    {
        var rows = await db.Terms.AsNoTracking()
            .Where(t => t.SchoolId == schoolId)
            .Join(db.Runs.AsNoTracking().Where(r => r.LatestFinal == true), t => t.Id, r => r.TermId, (t, r) => new { Term = t, r.FinalVersion })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Term.Start).ThenBy(r => r.Term.TermId, StringComparer.Ordinal).Select(r => (r.Term, r.FinalVersion))];
    }

    /// <summary>The published accounts of a final settlement.</summary>
    public static PublishedTerm From(School school, Term term, SettlementRun run, SettlementResult result)
    {
        var ledger = result.Ledger;
        var lessons = result.Staff.Sum(s => s.Lessons);
        var lessonPay = Money.Sum(result.Staff.Select(s => s.LessonPay)).Yuan;
        var accounts = new AccountsResponse(
            school.Name, term.TermId, term.Start, term.End, run.FinalVersion, run.FinalisedAt,
            result.Families.Count, result.Families.Count(f => f.Waived.Yuan > 0m), result.Staff.Count, lessons,
            lessons == 0 ? 0m : decimal.Round(lessonPay / lessons, 2, MidpointRounding.AwayFromZero),
            Lines(ledger.Income), Lines(ledger.Refunds), Lines(ledger.Expenditure),
            ledger.TotalIncome.Yuan, ledger.TotalRefunds.Yuan, ledger.TotalExpenditure.Yuan,
            ledger.SurplusRefunded.Yuan, ledger.CarriedForward.Yuan, ledger.Balance.Yuan, ledger.SubsidyPart.Yuan, ledger.SubsidyReturned.Yuan);
        return new PublishedTerm(accounts, lessonPay, run.PlanVersionId);
    }

    private static List<AccountLine> Lines(IEnumerable<LedgerLine> lines) =>
        [.. lines.Select(l => new AccountLine(l.Category, l.Name.Zh, l.Name.En, l.Amount.Yuan))];
}
