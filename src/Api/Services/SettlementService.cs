using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Services;

/// <summary>
/// Preview (computes, saves nothing), draft (saves the result with the hashes of its inputs and
/// output), finalise (re-settles from the saved inputs, checks the bytes are the same, and makes the
/// run the term's next final version, with the HR pay lines; one finalisation of a term wins, a
/// concurrent one gets a conflict), and reproduce.
/// </summary>
public sealed class SettlementService(AppDb db, TermFactsStore facts, TimeProvider clock, PlanPolicies policies)
{
    public sealed record Computed(SettlementResult Result, byte[] Json, PlanVersion Plan, IReadOnlyList<TermFactsStore.StoredFile> Files, string InputSha256, string OutputSha256);

    public sealed record FinaliseOutcome(SettlementRun Run, IReadOnlyList<Difference> Families, IReadOnlyList<Difference> Staff);

    /// <summary>What changes against the previous final version: positive = to pay (or collect) in addition (多退少补).</summary>
    public sealed record Difference(string Id, Money Before, Money After, Money Change);

    public async Task<Computed> ComputeAsync(Term term, int? planVersion, CancellationToken ct)
    {
        var plan = await PlanAsync(term.SchoolId, planVersion, ct);
        var policy = policies.Of(plan);
        var (termFacts, files) = await facts.LoadAsync(term, ct);
        return Compute(term, plan, policy, termFacts, files);
    }

    public async Task<SettlementRun> DraftAsync(Term term, int? planVersion, string actor, CancellationToken ct)
    {
        var c = await ComputeAsync(term, planVersion, ct);
        var basedOn = await db.Runs.AsNoTracking().Where(r => r.TermId == term.Id && r.LatestFinal == true).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        var run = new SettlementRun
        {
            BasedOnFinalId = basedOn,
            TermId = term.Id,
            PlanVersionId = c.Plan.Id,
            Status = RunStatus.Draft,
            InputSha256 = c.InputSha256,
            OutputSha256 = c.OutputSha256,
            FactFileIds = string.Join(",", c.Files.Select(f => f.Id)),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        db.Outputs.Add(StoredOutputs.Of(run.Id, c.Json));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run;
    }

    /// <summary>
    /// Finalises a draft. A settlement with findings of severity error (a breach of the plan or a doubtful input, which
    /// someone must have looked at before money is paid from it) is refused (409 error-findings, each finding listed)
    /// unless an override reason says why it is finalised all the same; the reason is kept on the run.
    /// </summary>
    public async Task<FinaliseOutcome> FinaliseAsync(Term term, long runId, string actor, string? overrideReason, CancellationToken ct)
    {
        var run = await RunAsync(r => r.Id == runId && r.TermId == term.Id, ct) ?? throw ServiceError.NotFound($"settlement {runId}");
        if (run.Status == RunStatus.Final)
        {
            throw new ServiceError(409, "already-final", $"settlement {runId} is already final (version {run.FinalVersion}); a final settlement never changes");
        }

        var again = await ReproduceAsync(term, run, fromBytes: false, ct);
        if (again.OutputSha256 != run.OutputSha256)
        {
            throw new ServiceError(409, "not-reproducible", $"settling the saved inputs of {runId} again gave different bytes; make a new draft");
        }

        var errors = again.Result.Findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0 && overrideReason is null)
        {
            throw new ServiceError(409, "error-findings",
                $"settlement {runId} has {errors.Count} finding(s) of severity error; correct the input or finalise with a reason: {{\"override\": \"…\"}}",
                [.. errors.Select((f, i) => new InputError("findings", i + 1, f.Code, $"{f.Subject}: {f.Message.Zh} / {f.Message.En}"))]);
        }

        var previous = await RunAsync(r => r.TermId == term.Id && r.LatestFinal == true, ct);
        if (previous?.Id != run.BasedOnFinalId)
        {
            throw new ServiceError(409, "finalise-conflict", $"term {term.TermId} was finalised (version {previous?.FinalVersion}) after draft {runId} was made; make a new draft");
        }

        var before = previous is null
            ? Nets.None
            : Nets.Read(await StoredOutputs.JsonAsync(db, previous.Id, ct));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (previous is not null)
            {
                previous = Tracked(previous);
                previous.LatestFinal = null;
                await db.SaveChangesAsync(ct);
            }

            var now = clock.GetUtcNow();
            run = Tracked(run);
            run.Status = RunStatus.Final;
            run.FinalVersion = (previous?.FinalVersion ?? 0) + 1;
            run.PreviousFinalId = previous?.Id;
            run.LatestFinal = true;
            run.FinalisedAt = now;
            run.FinalisedBy = actor;
            run.FinaliseOverride = errors.Count > 0 ? overrideReason : null;
            db.PayLines.AddRange(PayLines(term, run, again.Result, now));
            await db.SaveChangesAsync(ct);
            FaultPoints.Hit("finalise:before-commit");
            await tx.CommitAsync(ct);
            FaultPoints.Hit("finalise:after-commit");
        }
        catch (DbUpdateException)
        {
            throw new ServiceError(409, "finalise-conflict", $"another settlement of term {term.TermId} was finalised at the same time; reload and try again");
        }

        var after = Nets.Of(again.Result);
        return new FinaliseOutcome(run, Diff(before.Families, after.Families), Diff(before.Staff, after.Staff));
    }

    /// <summary>The term's current facts under a policy that is not (yet) a saved version: for what-if.</summary>
    public async Task<SettlementResult> ComputeUnderAsync(Term term, SchoolPolicy policy, CancellationToken ct)
    {
        var (termFacts, _) = await facts.LoadAsync(term, ct);
        return Settler.Settle(policy, termFacts);
    }

    /// <summary>
    /// Settles a saved run's inputs again. <paramref name="fromBytes"/> reads and checks the stored files again
    /// even when facts built from files with the same hashes are at hand (<see cref="CheckedFactsCache"/>).
    /// </summary>
    public async Task<Computed> ReproduceAsync(Term term, SettlementRun run, bool fromBytes, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == run.PlanVersionId, ct);
        var ids = run.FactFileIds.Length == 0 ? [] : run.FactFileIds.Split(',').Select(long.Parse).ToList();
        var (termFacts, files) = await facts.LoadFilesAsync(term, ids, fromBytes, ct);
        return Compute(term, plan, policies.Of(plan), termFacts, files);
    }

    /// <summary>A run read untracked, now tracked so that what is changed is saved; the instance this context tracks already, if it has one.</summary>
    private SettlementRun Tracked(SettlementRun run)
    {
        if (db.Runs.Local.FirstOrDefault(r => r.Id == run.Id) is { } local)
        {
            return local;
        }

        db.Runs.Attach(run);
        return run;
    }

    private Task<SettlementRun?> RunAsync(System.Linq.Expressions.Expression<Func<SettlementRun, bool>> which, CancellationToken ct) =>
        db.Runs.AsNoTracking().Where(which).SingleOrDefaultAsync(ct);

    public async Task<PlanVersion> PlanAsync(string schoolId, int? version, CancellationToken ct)
    {
        var query = db.Plans.AsNoTracking().Where(p => p.SchoolId == schoolId);
        var plan = version is { } v
            ? await query.SingleOrDefaultAsync(p => p.Version == v, ct)
            : await query.OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        return plan ?? throw new ServiceError(404, "no-plan", version is null ? $"school {schoolId} has no plan yet; upload one first" : $"school {schoolId} has no plan version {version}");
    }

    private static Computed Compute(Term term, PlanVersion plan, SchoolPolicy policy, Rules.Facts.TermFacts termFacts, IReadOnlyList<TermFactsStore.StoredFile> files)
    {
        var result = Settler.Settle(policy, termFacts);
        var json = SettlementJson.SerializeToUtf8Bytes(result);
        var input = Hashing.Sha256(string.Join("\n",
            files.OrderBy(f => f.FileName, StringComparer.Ordinal).Select(f => $"{f.FileName}:{f.Sha256}")
                .Prepend("term.csv:" + Hashing.Sha256(TermFactsStore.TermCsv(term)))
                .Prepend("plan:" + plan.Sha256)));
        return new Computed(result, json, plan, files, input, Hashing.Sha256(json));
    }

    private static IEnumerable<PayLine> PayLines(Term term, SettlementRun run, SettlementResult result, DateTimeOffset now)
    {
        foreach (var s in result.Staff)
        {
            foreach (var m in s.Months)
            {
                yield return Line(m.Month.ToString(), m.Gross.Fen, m.StipendTotal.Fen, m.DeductionTotal.Fen, m.Net.Fen, m.Deductions);
            }

            yield return Line("term", s.Gross.Fen, s.Stipends.Fen, s.Deductions.Fen, s.Net.Fen, [.. s.Months.SelectMany(m => m.Deductions), .. s.TermDeductions]);

            PayLine Line(string month, long gross, long stipends, long deductions, long net, IReadOnlyList<DeductionLine> lines) => new()
            {
                RunId = run.Id,
                SchoolId = term.SchoolId,
                TermId = term.TermId,
                StaffId = s.StaffId,
                EmployeeNo = s.EmployeeNo,
                Name = s.Name,
                Month = month,
                GrossFen = gross,
                StipendsFen = stipends,
                DeductionsFen = deductions,
                NetFen = net,
                DeductionsJson = Features.Pay.Feed.PayFeedDeduction.Store(lines),
                UpdatedAt = now,
            };
        }
    }

    private static List<Difference> Diff(IReadOnlyDictionary<string, Money> old, IReadOnlyDictionary<string, Money> now) =>
        [.. now.Keys.Union(old.Keys).Order(StringComparer.Ordinal)
            .Select(id => new Difference(id, old.GetValueOrDefault(id), now.GetValueOrDefault(id), now.GetValueOrDefault(id) - old.GetValueOrDefault(id)))
            .Where(d => d.Change != Money.Zero)];

    /// <summary>The net of each family and staff member of a settlement.</summary>
    private sealed record Nets(Dictionary<string, Money> Families, Dictionary<string, Money> Staff)
    {
        public static Nets None => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

        public static Nets Of(SettlementResult result) => new(
            result.Families.ToDictionary(f => f.StudentId, f => f.Net, StringComparer.Ordinal),
            result.Staff.ToDictionary(s => s.StaffId, s => s.Net, StringComparer.Ordinal));

        /// <summary>
        /// From a saved settlement's JSON: its families and staff come before the ledger, the findings and the
        /// explanations, so reading stops once both are read.
        /// </summary>
        public static Nets Read(byte[] json)
        {
            var nets = None;
            var reader = new Utf8JsonReader(json);
            reader.Read();
            var wanted = 2;
            while (wanted > 0 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (into, idField) = reader.ValueTextEquals("families") ? (nets.Families, "studentId")
                    : reader.ValueTextEquals("staff") ? (nets.Staff, "staffId")
                    : (null, "");
                reader.Read();
                if (into is null)
                {
                    reader.Skip();
                    continue;
                }

                wanted--;
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    string? id = null;
                    var net = Money.Zero;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals(idField))
                        {
                            reader.Read();
                            id = reader.GetString();
                        }
                        else if (reader.ValueTextEquals("net"))
                        {
                            reader.Read();
                            net = Money.Of(reader.GetDecimal());
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    into[id ?? throw new InvalidDataException($"a saved settlement has an entry of {idField} without one")] = net;
                }
            }

            return nets;
        }
    }
}
