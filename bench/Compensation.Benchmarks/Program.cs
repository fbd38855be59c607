using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Runtime;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using Compensation.Testing;

namespace Compensation.Benchmarks;

/// <summary>
/// Settles the big generated term (3,000 students, 150 staff, 90 service days) with the engine and with
/// the plain reference computation.
///   figures  [--students N] [--staff N] [--days N] [--runs N] [--seed N]   Stopwatch figures, no BenchmarkDotNet
///   profile  [same options]                                                where the engine's time goes, by phase and rule
///   bdn      [BenchmarkDotNet options, e.g. --job short]                    the BenchmarkDotNet run ([MemoryDiagnoser])
///   dump FILE [same options as figures, but --runs]                       write the generated term's settlement JSON to FILE
///   documents [same options as figures]                                    notice, every statement and the workbook: time and peak memory
///   service  [same options but --runs] [--postgres "<connection string>"]   the HTTP service as a process: import, settle, HR feed under wrk (ServiceFigures)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
#if DEBUG
        Console.WriteLine("warning: a Debug build; run with -c Release for figures that mean anything");
#endif
        var mode = args.Length == 0 ? "figures" : args[0];
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "figures":
                return Figures(Size.Parse(rest));
            case "profile":
                return Profile(Size.Parse(rest));
            case "bdn":
                BenchmarkRunner.Run<SettlementBenchmarks>(DefaultConfig.Instance, rest);
                return 0;
            case "documents":
                return DocumentFigures.Run(Size.Parse(rest));
            case "dump" when rest.Length >= 1:
                return Dump(rest[0], Size.Parse(rest.Skip(1).ToArray()));
            case "service":
                return ServiceFigures.Run(rest);
            default:
                Console.Error.WriteLine("usage: Compensation.Benchmarks figures|profile|bdn|dump FILE|documents|service [options]");
                return 2;
        }
    }

    /// <summary>Writes the generated term's settlement as JSON (SettlementJson), to compare settlements byte for byte.</summary>
    private static int Dump(string file, Size size)
    {
        var (policy, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
        File.WriteAllText(file, SettlementJson.Serialize(Settler.Settle(policy, facts)));
        Console.WriteLine($"settlement of seed {size.Seed}, {size.Students} students, {size.Staff} staff, {size.Days} days written to {file}");
        return 0;
    }

    private const int WarmUps = 30;

    private static int Figures(Size size)
    {
        Console.WriteLine($"generating: seed {size.Seed}, {size.Students} students, {size.Staff} staff, {size.Days} service days");
        var sw = Stopwatch.StartNew();
        var (policy, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
        Console.WriteLine($"generated in {sw.ElapsedMilliseconds} ms");
        PrintCounts(facts);

        // Warm both up to their steady state before timing: .NET compiles a method called 30 times again, optimised
        // (tiering), in the background; a method called once per settlement needs 30 settlements for that. Fewer
        // warm-ups would time part of the warm-up, more for whichever is slower to get there.
        SettlementResult engine = null!;
        ReferenceResult reference = null!;
        for (var i = 0; i < WarmUps; i++)
        {
            engine = Settler.Settle(policy, facts);
            reference = ReferenceSettlement.Settle(policy, facts);
        }

        Thread.Sleep(500); // the last of those compilations, done in the background, finish before the timing starts

        var engineMs = new List<double>();
        var referenceMs = new List<double>();
        long engineAlloc = 0, referenceAlloc = 0;
        var enginePauses = new List<double>();
        var engineGen2 = 0;
        for (var i = 0; i < size.Runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(true);
            var pausesBefore = GC.GetTotalPauseDuration();
            var gen2Before = GC.CollectionCount(2);
            sw.Restart();
            engine = Settler.Settle(policy, facts);
            engineMs.Add(sw.Elapsed.TotalMilliseconds);
            enginePauses.Add((GC.GetTotalPauseDuration() - pausesBefore).TotalMilliseconds);
            engineGen2 += GC.CollectionCount(2) - gen2Before;
            engineAlloc = GC.GetTotalAllocatedBytes(true) - before;

            GC.Collect();
            GC.WaitForPendingFinalizers();
            before = GC.GetTotalAllocatedBytes(true);
            sw.Restart();
            reference = ReferenceSettlement.Settle(policy, facts);
            referenceMs.Add(sw.Elapsed.TotalMilliseconds);
            referenceAlloc = GC.GetTotalAllocatedBytes(true) - before;
        }

        var engineMedian = Median(engineMs);
        var referenceMedian = Median(referenceMs);
        Console.WriteLine();
        Console.WriteLine($"runs: {size.Runs} each (after {WarmUps} warm-up runs of each)");
        Console.WriteLine($"engine    Settler.Settle        median {F(engineMedian)} ms   min {F(engineMs.Min())} ms   allocated {engineAlloc / 1048576.0:0.0} MiB/run");
        Console.WriteLine($"          of which GC pauses    median {F(Median(enginePauses))} ms   ({engineGen2} gen-2 collections in {size.Runs} runs)");
        Console.WriteLine($"reference ReferenceSettlement   median {F(referenceMedian)} ms   min {F(referenceMs.Min())} ms   allocated {referenceAlloc / 1048576.0:0.0} MiB/run");
        Console.WriteLine($"ratio engine/reference (median): {engineMedian / referenceMedian:0.0}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
        Console.WriteLine($"engine: {engine.Families.Count} family lines, {engine.Staff.Count} staff lines, {engine.Findings.Count} findings, {engine.Explanations.Count} explanations");
        var diffs = ReferenceSettlement.Differences(engine, reference);
        Console.WriteLine(diffs.Count == 0
            ? "engine and reference agree to the fen on every family line, staff line (months and term) and the ledger"
            : $"engine and reference DISAGREE ({diffs.Count}{(diffs.Count >= 50 ? "+" : "")} differences):");
        foreach (var d in diffs.Take(20))
        {
            Console.WriteLine("  " + d);
        }

        Console.WriteLine($"goal: engine < 1000 ms: {(engineMedian < 1000 ? "met" : "NOT met")}; ratio <= 3: {(engineMedian / referenceMedian <= 3 ? "met" : "NOT met")}");
        return diffs.Count == 0 ? 0 : 1;
    }

    /// <summary>Times the phases of a settlement and every rule's actions (with what their inserts trigger), from the public engine API.</summary>
    private static int Profile(Size size)
    {
        var (policy, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
        PrintCounts(facts);
        for (var i = 0; i < 2; i++)
        {
            Settler.Settle(policy, facts);
        }

        var settle = new List<double>();
        var run = new List<double>();
        var sw = new Stopwatch();
        for (var i = 0; i < size.Runs; i++)
        {
            sw.Restart();
            Settler.Settle(policy, facts);
            settle.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            Settler.Run(policy, facts);
            run.Add(sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine($"Settler.Settle median {F(Median(settle))} ms; Settler.Run (rules only) median {F(Median(run))} ms; assembling the result ≈ {F(Median(settle) - Median(run))} ms");

        var timers = new Dictionary<string, (Stopwatch Watch, int Calls)>(StringComparer.Ordinal);
        double compile = 0, insert = 0, runMs = 0, insertAlloc = 0, runAlloc = 0;
        Session? session = null;
        for (var i = 0; i < size.Runs; i++)
        {
            foreach (var k in timers.Keys.ToList())
            {
                timers[k] = (new Stopwatch(), 0);
            }

            sw.Restart();
            var calendar = new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar);
            var rules = RuleCatalog.For(policy, calendar).Select(r => Timed(r.Compile(), timers)).ToList();
            session = new Session(rules);
            compile = sw.Elapsed.TotalMilliseconds;
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            session.InsertAll(facts.All());
            insert = sw.Elapsed.TotalMilliseconds;
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            session.Run();
            runMs = sw.Elapsed.TotalMilliseconds;
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            insertAlloc = (a1 - a0) / 1048576.0;
            runAlloc = (a2 - a1) / 1048576.0;
        }

        Console.WriteLine($"last run: build rules + session {F(compile)} ms, insert input facts {F(insert)} ms, run {F(runMs)} ms, {session!.FactCount} facts in the end");
        Console.WriteLine($"  allocated: insert {F(insertAlloc)} MiB, run {F(runAlloc)} MiB");
        var before = GC.GetAllocatedBytesForCurrentThread();
        Settler.Settle(policy, facts);
        Console.WriteLine($"  allocated by a whole Settler.Settle: {F((GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0)} MiB");
        var actions = timers.Values.Sum(t => t.Watch.Elapsed.TotalMilliseconds);
        Console.WriteLine($"  rule actions (with the matching their inserts trigger): {F(actions)} ms; agenda and aggregate grouping: {F(runMs - actions)} ms");
        var strata = session.Strata;
        foreach (var (id, (watch, calls)) in timers.OrderByDescending(t => t.Value.Watch.Elapsed))
        {
            Console.WriteLine($"  {watch.Elapsed.TotalMilliseconds,9:0.0} ms  {Allocated.GetValueOrDefault(id) / 1048576.0 / size.Runs,7:0.0} MiB  {calls,7} firings  stratum {strata[id],2}  {id}");
        }

        return 0;
    }

    private static readonly Dictionary<string, long> Allocated = new(StringComparer.Ordinal);

    private static RuleDefinition Timed(RuleDefinition d, Dictionary<string, (Stopwatch Watch, int Calls)> timers)
    {
        timers[d.Id] = (new Stopwatch(), 0);
        return new RuleDefinition(d.Id, d.Title, d.RuleSet, d.Clause, d.Priority, d.Patterns, d.Aggregate, d.Reads, d.Produces, (ctx, args) =>
        {
            var (watch, calls) = timers[d.Id];
            timers[d.Id] = (watch, calls + 1);
            var a = GC.GetAllocatedBytesForCurrentThread();
            watch.Start();
            d.Action(ctx, args);
            watch.Stop();
            Allocated[d.Id] = Allocated.GetValueOrDefault(d.Id) + (GC.GetAllocatedBytesForCurrentThread() - a);
        });
    }

    private static void PrintCounts(TermFacts f)
    {
        var calendar = new ServiceCalendar(f.Term.Start, f.Term.End, f.Calendar);
        Console.WriteLine($"term {f.Term.TermId}: {Dates.Iso(f.Term.Start)} – {Dates.Iso(f.Term.End)}, {calendar.Days.Count} service days, {f.Calendar.Count} calendar exceptions");
        Console.WriteLine($"facts: {f.Enrolments.Count} enrolments, {f.Attendance.Count} attendance marks, {f.Hardship.Count} hardship approvals, {f.Payments.Count} payments, "
            + $"{f.Staff.Count} staff, {f.Lessons.Count} lessons, {f.Conduct.Count} conduct events, {f.Duties.Count} duties, {f.Expenses.Count} expenses, {f.Awards.Count} awards "
            + $"({f.All().Count()} in all)");
        var late = f.Enrolments.Count(e => e.Start is not null);
        var withdrawn = f.Enrolments.Count(e => e.LastDay is not null);
        var perTeacher = f.Lessons.GroupBy(l => l.StaffId).Select(g => g.Count()).DefaultIfEmpty(0).Average();
        Console.WriteLine($"       {late} late joiners, {withdrawn} withdrawals, {perTeacher:0} lessons per teacher on average");
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}

public sealed record Size(int Seed, int Students, int Staff, int Days, int Runs)
{
    public static Size Parse(string[] args)
    {
        var s = new Size(20250901, 3000, 150, 90, 5);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            s = args[i] switch
            {
                "--seed" => s with { Seed = v },
                "--students" => s with { Students = v },
                "--staff" => s with { Staff = v },
                "--days" => s with { Days = v },
                "--runs" => s with { Runs = v },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return s;
    }
}

/// <summary>The same two settlements under BenchmarkDotNet.</summary>
[MemoryDiagnoser]
public class SettlementBenchmarks
{
    private SchoolPolicy _policy = null!;
    private TermFacts _facts = null!;

    [GlobalSetup]
    public void Setup() => (_policy, _facts) = TermGenerator.Generate(20250901, 3000, 150, 90);

    [Benchmark]
    public SettlementResult Engine() => Settler.Settle(_policy, _facts);

    [Benchmark(Baseline = true)]
    public ReferenceResult Reference() => ReferenceSettlement.Settle(_policy, _facts);
}
