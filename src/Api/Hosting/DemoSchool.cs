using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Hosting;

/// <summary>
/// The demo school: a sample plan from rules-samples with its facts, imported and settled through the
/// same services as any school, and finalised. Created once; a second start finds it.
/// </summary>
public sealed class DemoSchool(AppDb db, TimeProvider clock, TermFactsStore store, SettlementService settlements)
{
    public const string SchoolId = "demo";
    public const string DefaultSample = "yongqiao-002-s1";

    public sealed record Result(string SchoolId, string TermId, long RunId);

    /// <summary>
    /// Creates the demo school, or finishes it: each step is skipped when done, so a start that stopped halfway
    /// (the school saved, the import or the finalisation not) is completed by the next.
    /// </summary>
    public async Task<Result?> EnsureAsync(string? sampleFolder, CancellationToken ct)
    {
        var term = await db.Terms.AsNoTracking().Where(t => t.SchoolId == SchoolId).OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
        if (term is not null && await FinalRunAsync(term, ct) is { } final)
        {
            return new Result(SchoolId, term.TermId, final);
        }

        var folder = sampleFolder ?? FindSample();
        if (folder is null)
        {
            return null;
        }

        if (term is null)
        {
            var policyText = await File.ReadAllTextAsync(Path.Combine(folder, "policy.yaml"), ct);
            var policy = PolicyLoader.LoadText(policyText, "policy.yaml");
            var termFacts = FactsLoader.LoadFolder(Path.Combine(folder, "facts"));
            var now = clock.GetUtcNow();
            db.Schools.Add(new School { Id = SchoolId, Name = policy.School, CreatedAt = now });
            term = new Term { SchoolId = SchoolId, TermId = termFacts.Term.TermId, Start = termFacts.Term.Start, End = termFacts.Term.End, CreatedAt = now };
            db.Terms.Add(term);
            db.Plans.Add(new PlanVersion { SchoolId = SchoolId, Version = 1, FileName = "policy.yaml", Content = policyText, Sha256 = Hashing.Sha256(policyText), UploadedAt = now, UploadedBy = "demo", Readings = PolicyReadings.Current.ToJson() });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // The same Idempotency-Key every time: a second attempt after a committed import is a repeat.
        var files = Directory.GetFiles(Path.Combine(folder, "facts"), "*.csv")
            .Where(f => Path.GetFileName(f) != "term.csv")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        await store.ImportAsync(term, files, "demo-initial", "demo", ct);
        var draft = await settlements.DraftAsync(term, null, "demo", ct);
        await settlements.FinaliseAsync(term, draft.Id, "demo", overrideReason: null, ct);
        return new Result(SchoolId, term.TermId, draft.Id);
    }

    private Task<long?> FinalRunAsync(Term term, CancellationToken ct) =>
        db.Runs.AsNoTracking().Where(r => r.TermId == term.Id && r.LatestFinal == true).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);

    /// <summary>rules-samples/yongqiao-002-s1 above the working directory or the program's folder.</summary>
    private static string? FindSample()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "rules-samples", DefaultSample);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
