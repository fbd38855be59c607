using System.Text.Json;
using Compensation.Api.Features.Published.Accounts;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Published;

/// <summary>A term's published accounts with what the committee pages show besides: the lesson pay in all and the plan version settled under.</summary>
public sealed record PublishedTerm(AccountsResponse Accounts, decimal LessonPay, long PlanVersionId);

/// <summary>
/// What the parents' committee may see of a term, for the JSON endpoint (<see cref="Accounts.Endpoint"/>)
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
    public static PublishedTerm From(School school, Term term, SettlementRun run)
    {
        using var doc = JsonDocument.Parse(run.ResultJson);
        var root = doc.RootElement;
        var ledger = root.GetProperty("ledger");
        var families = root.GetProperty("families").EnumerateArray().ToList();
        var staff = root.GetProperty("staff").EnumerateArray().ToList();
        var lessons = staff.Sum(s => s.GetProperty("lessons").GetInt32());
        var lessonPay = staff.Sum(s => s.GetProperty("lessonPay").GetDecimal());
        var accounts = new AccountsResponse(
            school.Name, term.TermId, term.Start, term.End, run.FinalVersion, run.FinalisedAt,
            families.Count, families.Count(f => f.GetProperty("waived").GetDecimal() > 0m), staff.Count, lessons,
            lessons == 0 ? 0m : decimal.Round(lessonPay / lessons, 2, MidpointRounding.AwayFromZero),
            Lines(ledger.GetProperty("income")), Lines(ledger.GetProperty("refunds")), Lines(ledger.GetProperty("expenditure")),
            ledger.GetProperty("totalIncome").GetDecimal(), ledger.GetProperty("totalRefunds").GetDecimal(), ledger.GetProperty("totalExpenditure").GetDecimal(),
            ledger.GetProperty("surplusRefunded").GetDecimal(), ledger.GetProperty("carriedForward").GetDecimal(), ledger.GetProperty("balance").GetDecimal());
        return new PublishedTerm(accounts, lessonPay, run.PlanVersionId);
    }

    private static List<AccountLine> Lines(JsonElement lines) =>
        [.. lines.EnumerateArray().Select(l => new AccountLine(
            l.GetProperty("category").GetString()!, l.GetProperty("name").GetProperty("zh").GetString()!,
            l.GetProperty("name").GetProperty("en").GetString()!, l.GetProperty("amount").GetDecimal()))];
}
