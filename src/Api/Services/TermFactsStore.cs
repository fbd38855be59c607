using System.Globalization;
using System.Text;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Loading;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// A term's facts as CSV files. An import replaces the files it brings and keeps the others; the
/// whole new set is loaded and checked first, and only a set that loads without a single problem is
/// saved (all or nothing). term.csv is written from the term resource, not uploaded.
/// </summary>
public sealed class TermFactsStore(AppDb db, TimeProvider clock)
{
    public sealed record ImportOutcome(FactImport Import, bool Repeated, IReadOnlyList<FactFile> Files);

    public async Task<ImportOutcome> ImportAsync(Term term, IReadOnlyDictionary<string, byte[]> uploaded, string? idempotencyKey, string actor, CancellationToken ct)
    {
        if (uploaded.Count == 0)
        {
            throw ServiceError.BadInput("no-files", "no fact files were sent", [new InputError("", 0, "files", "send one or more CSV files as multipart form data")]);
        }

        if (uploaded.ContainsKey("term.csv"))
        {
            throw ServiceError.BadInput("term-file-not-allowed", "term.csv is made from the term", [new InputError("term.csv", 0, "", "the term's dates come from the term resource; do not upload term.csv")]);
        }

        var bodyHash = BodyHash(uploaded);
        if (idempotencyKey is not null)
        {
            var earlier = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.TermId == term.Id && i.IdempotencyKey == idempotencyKey, ct);
            if (earlier is not null)
            {
                return earlier.BodySha256 == bodyHash
                    ? new ImportOutcome(earlier, true, await FilesOf(earlier.Id, ct))
                    : throw new ServiceError(409, "idempotency-key-reused", $"the Idempotency-Key '{idempotencyKey}' was used before with a different body");
            }
        }

        var current = await CurrentFilesAsync(term.Id, ct);
        if (uploaded.All(u => current.TryGetValue(u.Key, out var f) && f.Sha256 == Hashing.Sha256(u.Value)))
        {
            var same = await db.Imports.AsNoTracking().Where(i => i.TermId == term.Id && i.BodySha256 == bodyHash).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
            if (same is not null)
            {
                return new ImportOutcome(same, true, await FilesOf(same.Id, ct));
            }
        }

        var merged = current.ToDictionary(c => c.Key, c => c.Value.Content, StringComparer.Ordinal);
        foreach (var (name, bytes) in uploaded)
        {
            merged[name] = bytes;
        }

        merged["term.csv"] = TermCsv(term);
        var facts = FactsLoader.LoadFiles(merged);
        var counts = Counts(facts);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var import = new FactImport
        {
            TermId = term.Id,
            IdempotencyKey = idempotencyKey,
            BodySha256 = bodyHash,
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = actor,
            Summary = string.Join(", ", uploaded.Keys.Order(StringComparer.Ordinal).Select(n => $"{n} ({counts.GetValueOrDefault(n)} rows)")),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        var added = new List<FactFile>();
        foreach (var (name, bytes) in uploaded.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            if (current.TryGetValue(name, out var old))
            {
                old.Current = false;
            }

            var file = new FactFile { TermId = term.Id, ImportId = import.Id, FileName = name, Content = bytes, Sha256 = Hashing.Sha256(bytes), Rows = counts.GetValueOrDefault(name), Current = true };
            db.FactFiles.Add(file);
            added.Add(file);
        }

        await db.SaveChangesAsync(ct);
        FaultPoints.Hit("import:before-commit");
        await tx.CommitAsync(ct);
        FaultPoints.Hit("import:after-commit");
        return new ImportOutcome(import, false, added);
    }

    /// <summary>The term's current facts, loaded as a settlement sees them, and the ids of the files they came from.</summary>
    public async Task<(TermFacts Facts, IReadOnlyList<FactFile> Files)> LoadAsync(Term term, CancellationToken ct)
    {
        var current = await CurrentFilesAsync(term.Id, ct);
        var files = current.ToDictionary(c => c.Key, c => c.Value.Content, StringComparer.Ordinal);
        files["term.csv"] = TermCsv(term);
        return (FactsLoader.LoadFiles(files), [.. current.Values.OrderBy(f => f.FileName, StringComparer.Ordinal)]);
    }

    /// <summary>Loads exactly the given files (a saved run's inputs), for reproduction.</summary>
    public async Task<TermFacts> LoadFilesAsync(Term term, IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await db.FactFiles.AsNoTracking().Where(f => list.Contains(f.Id)).ToListAsync(ct);
        var files = rows.ToDictionary(f => f.FileName, f => f.Content, StringComparer.Ordinal);
        files["term.csv"] = TermCsv(term);
        return FactsLoader.LoadFiles(files);
    }

    public static byte[] TermCsv(Term term) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"term_id,school,start,end\n{term.TermId},{term.SchoolId},{term.Start:yyyy-MM-dd},{term.End:yyyy-MM-dd}\n"));

    private async Task<Dictionary<string, FactFile>> CurrentFilesAsync(long termId, CancellationToken ct) =>
        await db.FactFiles.Where(f => f.TermId == termId && f.Current).ToDictionaryAsync(f => f.FileName, StringComparer.Ordinal, ct);

    private async Task<List<FactFile>> FilesOf(long importId, CancellationToken ct) =>
        await db.FactFiles.AsNoTracking().Where(f => f.ImportId == importId).OrderBy(f => f.FileName).ToListAsync(ct);

    private static string BodyHash(IReadOnlyDictionary<string, byte[]> files) =>
        Hashing.Sha256(string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + ":" + Hashing.Sha256(f.Value))));

    private static Dictionary<string, int> Counts(TermFacts f) => new(StringComparer.Ordinal)
    {
        ["calendar.csv"] = f.Calendar.Count,
        ["enrolments.csv"] = f.Enrolments.Count,
        ["attendance.csv"] = f.Attendance.Count,
        ["hardship.csv"] = f.Hardship.Count,
        ["payments.csv"] = f.Payments.Count,
        ["subsidies.csv"] = f.Subsidies.Count,
        ["staff.csv"] = f.Staff.Count,
        ["lessons.csv"] = f.Lessons.Count,
        ["conduct.csv"] = f.Conduct.Count,
        ["duties.csv"] = f.Duties.Count,
        ["expenses.csv"] = f.Expenses.Count,
        ["awards.csv"] = f.Awards.Count,
    };
}
