using System.Globalization;
using System.Text;
using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Loading;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// A term's facts, kept as one CSV file per kind (docs/facts-format.md); every change makes new
/// versions of the files it touches and keeps the old ones, so each settlement can be reproduced
/// from what it used. Facts arrive four ways:
/// <list type="bullet">
/// <item>CSV files, each replacing the term's file of its kind;</item>
/// <item>one Excel workbook (the template of <see cref="FactsWorkbook"/>), each sheet replacing its kind;</item>
/// <item>a JSON batch, adding facts to their kinds;</item>
/// <item>a correction, replacing or removing facts by their ids, with a reason.</item>
/// </list>
/// Whatever the way, the whole resulting set is loaded and checked first, and only a set without a
/// single problem is saved, in one transaction (all or nothing). term.csv is written from the term
/// resource, never uploaded.
/// </summary>
public sealed class TermFactsStore(AppDb db, TimeProvider clock, CheckedFactsCache checkedFacts)
{
    public static class Kinds
    {
        public const string Csv = "csv";
        public const string Workbook = "workbook";
        public const string Batch = "batch";
        public const string Correction = "correction";
    }

    /// <summary>What an import did to one kind of fact.</summary>
    public sealed record Change(string Facts, int Added, int Replaced, int Removed, int Unchanged);

    /// <summary>A stored fact file without its content.</summary>
    public sealed record StoredFile(long Id, string FileName, string Sha256);

    public sealed record ImportOutcome(FactImport Import, bool Repeated, IReadOnlyList<FactFile> Files, IReadOnlyList<Change> Changes);

    private sealed record Plan(Dictionary<FactKind, List<FactRow>> Rows, List<Change> Changes, List<object> Details);

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

        var hashes = uploaded.ToDictionary(u => u.Key, u => Hashing.Sha256(u.Value), StringComparer.Ordinal);
        var bodyHash = BodyHash(Kinds.Csv, hashes);
        if (await RepeatedKeyAsync(term, idempotencyKey, bodyHash, ct) is { } repeated)
        {
            return repeated;
        }

        var current = await CurrentFilesAsync(term.Id, ct);
        var unchanged = hashes.Where(h => current.TryGetValue(h.Key, out var f) && f.Sha256 == h.Value).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        if (unchanged.Count == uploaded.Count)
        {
            // Every file is the term's current one already: nothing changes. Answer with the import that made them current.
            var made = await db.Imports.AsNoTracking().Where(i => i.TermId == term.Id && i.BodySha256 == bodyHash).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct)
                ?? await db.Imports.AsNoTracking().SingleAsync(i => i.Id == current[uploaded.Keys.Order(StringComparer.Ordinal).First()].ImportId, ct);
            return new ImportOutcome(made, true, [.. uploaded.Keys.Order(StringComparer.Ordinal).Select(name => current[name])], []);
        }

        var merged = current.ToDictionary(c => c.Key, c => c.Value.Content, StringComparer.Ordinal);
        foreach (var (name, bytes) in uploaded)
        {
            merged[name] = bytes;
        }

        merged["term.csv"] = TermCsv(term);
        var errors = new List<InputError>();

        // A file that is no kind of fact is reported here, naming the files that can be uploaded (term.csv is not one).
        var expected = string.Join(", ", FactKinds.Lists.Select(k => k.CsvName).Order(StringComparer.Ordinal));
        foreach (var name in uploaded.Keys.Where(n => FactKinds.ByCsvName(n) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new InputError(name, 0, "", "not a facts file; expected one of " + expected));
            merged.Remove(name);
        }

        var source = FactsLoader.ReadFiles(merged, errors);
        var built = FactsLoader.Build(source, errors);
        var files = uploaded.Where(u => !unchanged.Contains(u.Key)).OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => (Name: u.Key, Bytes: u.Value, Sha256: hashes[u.Key], Rows: FactKinds.ByCsvName(u.Key) is { } kind ? source.RowsOf(kind).Count : 0))
            .ToList();
        var summary = string.Join(", ", files.Select(f => $"{f.Name} ({f.Rows} rows)"))
            + (unchanged.Count == 0 ? "" : "; unchanged: " + string.Join(", ", unchanged.Order(StringComparer.Ordinal)));
        var import = NewImport(term, Kinds.Csv, idempotencyKey, bodyHash, actor, summary, null, null, null);
        var added = await CommitAsync(term, import, current, files, ct);

        // The term's files are now exactly the ones just checked: the draft that usually follows needs not read them again.
        var nowCurrent = current.Where(c => !hashes.ContainsKey(c.Key)).Select(c => (c.Key, c.Value.Sha256))
            .Concat(hashes.Where(h => merged.ContainsKey(h.Key)).Select(h => (h.Key, h.Value)))
            .Append(("term.csv", Hashing.Sha256(merged["term.csv"])));
        checkedFacts.Add(CheckedFactsCache.KeyOf(nowCurrent), built);
        return new ImportOutcome(import, false, added, []);
    }

    /// <summary>
    /// Each fact sheet of the workbook replaces its kind; sheets left out keep their kind as it is. What changed is told
    /// by fact id: facts the term did not have are added, facts it had with other values replaced (their values before
    /// and after kept with the import, as a correction's), facts the sheet no longer holds removed. A kind where nothing
    /// changed is not listed, so the same workbook again reports nothing.
    /// </summary>
    public async Task<ImportOutcome> ImportWorkbookAsync(Term term, string fileName, byte[] bytes, string? idempotencyKey, string actor, CancellationToken ct)
    {
        var bodyHash = BodyHash(Kinds.Workbook, new Dictionary<string, byte[]> { [fileName] = bytes });
        if (await RepeatedKeyAsync(term, idempotencyKey, bodyHash, ct) is { } repeated)
        {
            return repeated;
        }

        var errors = new List<InputError>();
        var workbook = FactsWorkbook.Read(fileName, bytes, term, errors);
        if (workbook.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(fileName, 0, "", "the workbook has none of the template's fact sheets"));
        }

        var (current, stored) = await CurrentSourceAsync(term, errors, ct);
        var plan = new Plan(Lists(stored), [], []);
        foreach (var (kind, rows) in workbook.Rows)
        {
            var existing = Index(kind, plan.Rows[kind]);
            var sent = new HashSet<string>(StringComparer.Ordinal);
            int added = 0, replaced = 0, unchanged = 0;
            foreach (var row in rows)
            {
                // A row without its id, or with an id given twice, is reported when the set is checked.
                if (kind.KeyOf(row) is not { } id || !sent.Add(id))
                {
                    continue;
                }

                if (!existing.TryGetValue(id, out var old))
                {
                    added++;
                }
                else if (SameValues(kind, old, row))
                {
                    unchanged++;
                }
                else
                {
                    plan.Details.Add(new { facts = kind.JsonKey, id, action = "replaced", before = Values(kind, old), after = Values(kind, row) });
                    replaced++;
                }
            }

            var removed = 0;
            foreach (var old in plan.Rows[kind])
            {
                if (kind.KeyOf(old) is { } id && sent.Add(id))
                {
                    plan.Details.Add(new { facts = kind.JsonKey, id, action = "removed", before = Values(kind, old) });
                    removed++;
                }
            }

            plan.Rows[kind] = [.. rows];
            if (added + replaced + removed > 0)
            {
                plan.Changes.Add(new Change(kind.JsonKey, added, replaced, removed, unchanged));
            }
        }

        var labels = workbook.Labels;
        return await SaveAsync(term, Kinds.Workbook, idempotencyKey, bodyHash, actor, fileName, bytes, null, current, plan, [.. workbook.Rows.Keys],
            kind => labels.TryGetValue(kind, out var label) ? label : kind.CsvName, errors, ct);
    }

    /// <summary>
    /// The batch's facts are added to their kinds. A fact whose id the term already has with the same
    /// values is already there and changes nothing (a batch sent twice is a repeat); with other values
    /// it is refused: changing a fact is a correction. A kind to which nothing is added stays as stored.
    /// </summary>
    public async Task<ImportOutcome> ImportBatchAsync(Term term, string fileName, byte[] json, string? idempotencyKey, string actor, CancellationToken ct)
    {
        var bodyHash = BodyHash(Kinds.Batch, new Dictionary<string, byte[]> { [fileName] = json });
        if (await RepeatedKeyAsync(term, idempotencyKey, bodyHash, ct) is { } repeated)
        {
            return repeated;
        }

        var errors = new List<InputError>();
        var batch = FactsLoader.ReadJsonBatch(fileName, json, errors);
        var (current, stored) = await CurrentSourceAsync(term, errors, ct);
        var plan = new Plan(Lists(stored), [], []);
        var touched = new List<FactKind>();
        var listed = 0;
        foreach (var kind in FactKinds.Lists)
        {
            if (batch?.Lists.ContainsKey(kind) != true)
            {
                continue;
            }

            listed++;
            var rows = plan.Rows[kind];
            var existing = Index(kind, rows);
            int added = 0, unchanged = 0;
            foreach (var row in batch.RowsOf(kind))
            {
                if (kind.KeyOf(row) is { } id && existing.TryGetValue(id, out var old))
                {
                    if (SameValues(kind, old, row))
                    {
                        unchanged++;
                    }
                    else
                    {
                        errors.Add(row.Error(kind.KeyColumns[^1], $"{Describe(kind, id)} is already in the term ({old.File} line {old.Line}) with other values; send a correction to change it"));
                    }

                    continue;
                }

                rows.Add(row);
                added++;
            }

            if (added > 0)
            {
                touched.Add(kind);
            }

            plan.Changes.Add(new Change(kind.JsonKey, added, 0, 0, unchanged));
        }

        if (batch is not null && listed == 0)
        {
            errors.Add(new InputError(fileName, 1, "$", "the batch holds no facts; send an object with lists such as {\"attendance\": [...]}"));
        }

        return await SaveAsync(term, Kinds.Batch, idempotencyKey, bodyHash, actor, fileName, json, null, current, plan, touched, k => k.CsvName, errors, ct);
    }

    /// <summary>Replaces and removes facts by their ids; every id must be the term's, and the reason is kept with the old and new values.</summary>
    public async Task<ImportOutcome> CorrectAsync(Term term, string fileName, byte[] json, FactCorrection correction, List<InputError> errors, string? idempotencyKey, string actor, CancellationToken ct)
    {
        var bodyHash = BodyHash(Kinds.Correction, new Dictionary<string, byte[]> { [fileName] = json });
        if (await RepeatedKeyAsync(term, idempotencyKey, bodyHash, ct) is { } repeated)
        {
            return repeated;
        }

        var (current, stored) = await CurrentSourceAsync(term, errors, ct);
        var plan = new Plan(Lists(stored), [], []);
        var touched = new List<FactKind>();
        var kindsNamed = 0;
        foreach (var kind in FactKinds.Lists)
        {
            var replacements = correction.Replace?.RowsOf(kind) ?? [];
            var removals = correction.Remove.GetValueOrDefault(kind) ?? [];
            if (replacements.Count == 0 && removals.Count == 0)
            {
                continue;
            }

            kindsNamed++;
            var rows = plan.Rows[kind];
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                if (kind.KeyOf(rows[i]) is { } id)
                {
                    positions.TryAdd(id, i);
                }
            }

            int replaced = 0, unchanged = 0;
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in replacements)
            {
                if (kind.KeyOf(row) is not { } id)
                {
                    continue; // the missing id is reported when the row is checked
                }

                if (!named.Add(id))
                {
                    errors.Add(row.Error(kind.KeyColumns[^1], $"{Describe(kind, id)} is named twice in the correction"));
                }
                else if (!positions.TryGetValue(id, out var at))
                {
                    errors.Add(row.Error(kind.KeyColumns[^1], $"the term has no {Describe(kind, id)} to replace; add new facts with a batch"));
                }
                else if (SameValues(kind, rows[at], row))
                {
                    unchanged++;
                }
                else
                {
                    plan.Details.Add(new { facts = kind.JsonKey, id, action = "replaced", before = Values(kind, rows[at]), after = Values(kind, row) });
                    rows[at] = row;
                    replaced++;
                }
            }

            var gone = new HashSet<int>();
            foreach (var (id, field, line) in removals.Select(r => (r.Id, r.Field, r.Line)))
            {
                if (!named.Add(id))
                {
                    errors.Add(new InputError(fileName, line, field, $"{Describe(kind, id)} is named twice in the correction"));
                }
                else if (!positions.TryGetValue(id, out var at))
                {
                    errors.Add(new InputError(fileName, line, field, $"the term has no {Describe(kind, id)} to remove"));
                }
                else
                {
                    plan.Details.Add(new { facts = kind.JsonKey, id, action = "removed", before = Values(kind, rows[at]) });
                    gone.Add(at);
                }
            }

            if (gone.Count > 0)
            {
                plan.Rows[kind] = [.. rows.Where((_, i) => !gone.Contains(i))];
            }

            plan.Changes.Add(new Change(kind.JsonKey, 0, replaced, gone.Count, unchanged));
            if (replaced + gone.Count > 0)
            {
                touched.Add(kind);
            }
        }

        if (kindsNamed == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(fileName, 1, "$", "the correction names no facts; give replace and/or remove"));
        }

        return await SaveAsync(term, Kinds.Correction, idempotencyKey, bodyHash, actor, fileName, json, correction.Reason, current, plan, touched, k => k.CsvName, errors, ct);
    }

    /// <summary>Checks the planned set, writes the touched kinds as CSV, and saves those whose content changed.</summary>
    private async Task<ImportOutcome> SaveAsync(
        Term term, string kind, string? idempotencyKey, string bodyHash, string actor, string sourceName, byte[] source, string? reason,
        Dictionary<string, FactFile> current, Plan plan, IReadOnlyList<FactKind> touched, Func<FactKind, string> label, List<InputError> errors, CancellationToken ct)
    {
        var termRow = FactsLoader.ReadFiles(new Dictionary<string, byte[]> { ["term.csv"] = TermCsv(term) }, errors).Term;
        var merged = new FactSource(label, termRow, plan.Rows.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FactRow>)kv.Value));
        FactsLoader.Build(merged, errors);

        var files = new List<(string Name, byte[] Bytes, string Sha256, int Rows)>();
        foreach (var k in touched.Distinct().OrderBy(k => k.CsvName, StringComparer.Ordinal))
        {
            var bytes = FactsCsv.Write(k, plan.Rows[k]);
            var sha = Hashing.Sha256(bytes);
            var unchanged = current.TryGetValue(k.CsvName, out var old) ? old.Sha256 == sha : plan.Rows[k].Count == 0;
            if (!unchanged)
            {
                files.Add((k.CsvName, bytes, sha, plan.Rows[k].Count));
            }
        }

        if (files.Count == 0)
        {
            // Nothing would change: the same facts again. Answer with the import that made the current state.
            var latest = await db.Imports.AsNoTracking().Where(i => i.TermId == term.Id && i.BodySha256 == bodyHash).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct)
                ?? await db.Imports.AsNoTracking().Where(i => i.TermId == term.Id).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct)
                ?? NewImport(term, kind, idempotencyKey, bodyHash, actor, "no facts", null, null, null);
            return new ImportOutcome(latest, true, latest.Id == 0 ? [] : await FilesOf(latest.Id, ct), plan.Changes);
        }

        var summary = string.Join(", ", plan.Changes.Select(Describe)) + $" → {string.Join(", ", files.Select(f => $"{f.Name} ({f.Rows} rows)"))}";
        var details = plan.Details.Count == 0 && reason is null ? null : JsonSerializer.Serialize(new { reason, changes = plan.Details });
        var import = NewImport(term, kind, idempotencyKey, bodyHash, actor, summary, sourceName, source, details);
        var added = await CommitAsync(term, import, current, files, ct);
        return new ImportOutcome(import, false, added, plan.Changes);
    }

    private static string Describe(Change c)
    {
        var parts = new List<string>();
        void Part(int n, string what)
        {
            if (n > 0)
            {
                parts.Add($"{n} {what}");
            }
        }

        Part(c.Added, "added");
        Part(c.Replaced, "replaced");
        Part(c.Removed, "removed");
        Part(c.Unchanged, "unchanged");
        return $"{c.Facts}: {(parts.Count == 0 ? "none" : string.Join(", ", parts))}";
    }

    private FactImport NewImport(Term term, string kind, string? key, string bodyHash, string actor, string summary, string? sourceName, byte[]? source, string? details) => new()
    {
        TermId = term.Id,
        Kind = kind,
        IdempotencyKey = key,
        BodySha256 = bodyHash,
        ImportedAt = clock.GetUtcNow(),
        ImportedBy = actor,
        Summary = summary,
        SourceName = sourceName,
        Source = source,
        Details = details,
    };

    private async Task<List<FactFile>> CommitAsync(Term term, FactImport import, Dictionary<string, FactFile> current, IEnumerable<(string Name, byte[] Bytes, string Sha256, int Rows)> files, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The import was checked against the facts as they were when the request began (term.FactsVersion); another
        // change saved since then would make that check worthless.
        var claimed = await db.Terms.Where(t => t.Id == term.Id && t.FactsVersion == term.FactsVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.FactsVersion, t => t.FactsVersion + 1), ct);
        if (claimed == 0)
        {
            throw new ServiceError(409, "facts-changed", $"the facts of term {term.TermId} were changed by another import while this one was being checked; nothing was saved: send it again");
        }

        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        var added = new List<FactFile>();
        foreach (var (name, bytes, sha, rows) in files)
        {
            if (current.TryGetValue(name, out var old))
            {
                old.Current = false;
            }

            var file = new FactFile { TermId = term.Id, ImportId = import.Id, FileName = name, Content = bytes, Sha256 = sha, Rows = rows, Current = true };
            db.FactFiles.Add(file);
            added.Add(file);
        }

        await db.SaveChangesAsync(ct);
        FaultPoints.Hit("import:before-commit");
        await tx.CommitAsync(ct);
        FaultPoints.Hit("import:after-commit");
        return added;
    }

    /// <summary>An earlier import with the same Idempotency-Key: the same body is a repeat, another body a conflict.</summary>
    private async Task<ImportOutcome?> RepeatedKeyAsync(Term term, string? idempotencyKey, string bodyHash, CancellationToken ct)
    {
        if (idempotencyKey is null)
        {
            return null;
        }

        var earlier = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.TermId == term.Id && i.IdempotencyKey == idempotencyKey, ct);
        if (earlier is null)
        {
            return null;
        }

        return earlier.BodySha256 == bodyHash
            ? new ImportOutcome(earlier, true, await FilesOf(earlier.Id, ct), [])
            : throw new ServiceError(409, "idempotency-key-reused", $"the Idempotency-Key '{idempotencyKey}' was used before with a different body");
    }

    private async Task<(Dictionary<string, FactFile> Files, FactSource Source)> CurrentSourceAsync(Term term, List<InputError> errors, CancellationToken ct)
    {
        var current = await CurrentFilesAsync(term.Id, ct);
        var files = current.ToDictionary(c => c.Key, c => c.Value.Content, StringComparer.Ordinal);
        files["term.csv"] = TermCsv(term);

        // The stored files were checked when they came in; a problem here is the store's, not the request's.
        var stored = new List<InputError>();
        var source = FactsLoader.ReadFiles(files, stored);
        if (stored.Count > 0)
        {
            throw new InvalidOperationException("the term's stored facts cannot be read: " + stored[0]);
        }

        return (current, source);
    }

    private static Dictionary<FactKind, List<FactRow>> Lists(FactSource source) =>
        FactKinds.Lists.ToDictionary(k => k, k => source.RowsOf(k).ToList());

    private static Dictionary<string, FactRow> Index(FactKind kind, IEnumerable<FactRow> rows)
    {
        var index = new Dictionary<string, FactRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (kind.KeyOf(row) is { } id)
            {
                index.TryAdd(id, row);
            }
        }

        return index;
    }

    private static bool SameValues(FactKind kind, FactRow a, FactRow b) => kind.Columns.All(c => string.Equals(a.Get(c), b.Get(c), StringComparison.Ordinal));

    private static Dictionary<string, string?> Values(FactKind kind, FactRow row) => kind.Columns.ToDictionary(c => c, row.Get, StringComparer.Ordinal);

    private static string Describe(FactKind kind, string id) => kind.KeyColumns.Count == 1
        ? $"{kind.KeyColumns[0]} '{id}'"
        : $"{string.Join(" and ", kind.KeyColumns)} '{id}'";

    /// <summary>The term's current facts, loaded as a settlement sees them, and the files they came from.</summary>
    public async Task<(TermFacts Facts, IReadOnlyList<StoredFile> Files)> LoadAsync(Term term, CancellationToken ct)
    {
        var files = await db.FactFiles.AsNoTracking().Where(f => f.TermId == term.Id && f.Current)
            .Select(f => new StoredFile(f.Id, f.FileName, f.Sha256)).ToListAsync(ct);
        return (await FactsOfAsync(term, files, ct), [.. files.OrderBy(f => f.FileName, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Exactly the given files (a saved run's inputs). Facts already built from files with the same hashes are
    /// taken as they are, unless <paramref name="fromBytes"/>, which reads and checks the stored bytes again.
    /// Stored bytes, whenever they are read, must still have the SHA-256 recorded when they were imported.
    /// </summary>
    public async Task<(TermFacts Facts, IReadOnlyList<StoredFile> Files)> LoadFilesAsync(Term term, IReadOnlyCollection<long> ids, bool fromBytes, CancellationToken ct)
    {
        var files = await db.FactFiles.AsNoTracking().Where(f => f.TermId == term.Id && ids.Contains(f.Id))
            .Select(f => new StoredFile(f.Id, f.FileName, f.Sha256)).ToListAsync(ct);
        if (files.Count != ids.Count)
        {
            throw new InvalidOperationException($"of the fact files {string.Join(",", ids)} of term {term.TermId}, {ids.Count - files.Count} are missing from the store");
        }

        return (await FactsOfAsync(term, files, ct, fromBytes), [.. files.OrderBy(f => f.FileName, StringComparer.Ordinal)]);
    }

    private async Task<TermFacts> FactsOfAsync(Term term, IReadOnlyList<StoredFile> files, CancellationToken ct, bool fromBytes = false)
    {
        var termCsv = TermCsv(term);
        var key = CheckedFactsCache.KeyOf(files.Select(f => (f.FileName, f.Sha256)).Append(("term.csv", Hashing.Sha256(termCsv))));
        if (!fromBytes && checkedFacts.TryGet(key, out var kept))
        {
            return kept;
        }

        var ids = files.Select(f => f.Id).ToList();
        var contents = await db.FactFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.FileName, f.Content, f.Sha256 }).ToListAsync(ct);
        foreach (var f in contents.Where(f => Hashing.Sha256(f.Content) != f.Sha256))
        {
            throw new InvalidOperationException($"the stored {f.FileName} of term {term.TermId} no longer has the SHA-256 {f.Sha256} it was imported with");
        }

        var bytes = contents.ToDictionary(f => f.FileName, f => f.Content, StringComparer.Ordinal);
        bytes["term.csv"] = termCsv;
        var facts = FactsLoader.LoadFiles(bytes);
        checkedFacts.Add(key, facts);
        return facts;
    }

    public static byte[] TermCsv(Term term) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"term_id,school,start,end\n{term.TermId},{term.SchoolId},{term.Start:yyyy-MM-dd},{term.End:yyyy-MM-dd}\n"));

    private async Task<Dictionary<string, FactFile>> CurrentFilesAsync(long termId, CancellationToken ct) =>
        await db.FactFiles.Where(f => f.TermId == termId && f.Current).ToDictionaryAsync(f => f.FileName, StringComparer.Ordinal, ct);

    private async Task<List<FactFile>> FilesOf(long importId, CancellationToken ct) =>
        await db.FactFiles.AsNoTracking().Where(f => f.ImportId == importId).OrderBy(f => f.FileName).ToListAsync(ct);

    /// <summary>The import's way and its files' names and hashes: the same CSV body as a workbook is another import.</summary>
    private static string BodyHash(string kind, IReadOnlyDictionary<string, byte[]> files) =>
        BodyHash(kind, files.ToDictionary(f => f.Key, f => Hashing.Sha256(f.Value), StringComparer.Ordinal));

    /// <summary>The same, from each file's SHA-256 by name.</summary>
    private static string BodyHash(string kind, IReadOnlyDictionary<string, string> hashes) =>
        Hashing.Sha256((kind == Kinds.Csv ? "" : kind + "\n") + string.Join("\n", hashes.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + ":" + f.Value)));
}
