using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Compensation.Rules.Domain;
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
///   profile  [same options]                                                where the engine's time goes, by phase, and each rule's firings
///   district [--schools N] [same options but --runs]                       N schools (default 100), each its own plan, two at a time: wall time, peak memory
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
            case "district":
                var schools = TakeOption(ref rest, "--schools", 100);
                return District(Size.Parse(rest), schools);
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
        Console.WriteLine($"engine    Settler.Settle        median {F(engineMedian)} ms   min {F(engineMs.Min())} ms   max {F(engineMs.Max())} ms   allocated {engineAlloc / 1048576.0:0.0} MiB/run");
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

        Console.WriteLine($"goal: median < 300 ms: {(engineMedian < 300 ? "met" : "NOT met")}; max < 1000 ms: {(engineMs.Max() < 1000 ? "met" : "NOT met")}");
        return diffs.Count == 0 ? 0 : 1;
    }

    /// <summary>Where a settlement's time goes: compiling the rules, running them, assembling the result; and each rule's firings.</summary>
    private static int Profile(Size size)
    {
        var (policy, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
        PrintCounts(facts);
        var sw = Stopwatch.StartNew();
        var rules = RuleCatalog.For(policy);
        var compiled = RuleSession.Run(rules, [facts.Term], new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar));
        Console.WriteLine($"compiling {rules.Count} rules and running them on one fact: {F(sw.Elapsed.TotalMilliseconds)} ms");
        for (var i = 0; i < 2; i++)
        {
            Settler.Settle(policy, facts);
        }

        var settle = new List<double>();
        var run = new List<double>();
        RuleRun last = null!;
        for (var i = 0; i < size.Runs; i++)
        {
            sw.Restart();
            Settler.Settle(policy, facts);
            settle.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            last = Settler.Run(policy, facts);
            run.Add(sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine($"Settler.Settle median {F(Median(settle))} ms; Settler.Run (rules only) median {F(Median(run))} ms; assembling the result ≈ {F(Median(settle) - Median(run))} ms");
        Console.WriteLine($"{last.FactCount} facts in the end; firings by rule (stage, id):");
        foreach (var r in last.Rules.OrderByDescending(r => r.Info.Stage).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {r.Info.Stage,5}  {last.Firings[r.Id],7} firings  {r.Id}");
        }

        GC.KeepAlive(compiled);
        return 0;
    }

    /// <summary>
    /// A district: <paramref name="schools"/> generated schools of the given size, each with its own generated plan (so
    /// each compiles its rules), settled at most two at a time. Prints the wall time and the peak working set.
    /// </summary>
    private static int District(Size size, int schools)
    {
        Console.WriteLine($"district: {schools} schools of {size.Students} students, {size.Staff} staff, {size.Days} days, each its own seed and plan, two at a time");
        var peak = 0L;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Process.GetCurrentProcess().WorkingSet64)), null, 0, 100);
        var sw = Stopwatch.StartNew();
        var settle = new List<double>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Parallel.For(0, schools, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (generated, facts) = TermGenerator.Generate(size.Seed + i, size.Students, size.Staff, size.Days);

            // Each school its own plan: its own name and title, and a guard's day rate of its own, so its rules compile anew.
            var policy = generated with
            {
                School = $"示例学校 {i + 1:000}",
                Plan = $"课后服务实施方案（学校 {i + 1:000}）",
                Stipends = generated.Stipends with { PerDay = generated.Stipends.PerDay.ToDictionary(r => r.Key, r => r.Key == "guard" ? r.Value + i % 7 : r.Value) },
            };
            var one = Stopwatch.StartNew();
            var result = Settler.Settle(policy, facts);
            var ms = one.Elapsed.TotalMilliseconds;
            lock (settle)
            {
                settle.Add(ms);
                keys.Add(result.School + "/" + result.Plan);
            }
        });
        var wall = sw.Elapsed.TotalSeconds;
        peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
        Console.WriteLine($"wall time {wall.ToString("0.0", CultureInfo.InvariantCulture)} s (generation included); settlement (with compilation) median {F(Median(settle))} ms, max {F(settle.Max())} ms");
        Console.WriteLine($"{keys.Count} distinct plans, each compiled; peak working set {peak / 1048576.0:0} MiB");
        Console.WriteLine($"goal: under 60 s: {(wall < 60 ? "met" : "NOT met")}; under 2 GiB: {(peak < 2L << 30 ? "met" : "NOT met")}");
        return wall < 60 && peak < 2L << 30 ? 0 : 1;
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

    /// <summary>Takes "<paramref name="name"/> N" out of the arguments, or gives the default.</summary>
    private static int TakeOption(ref string[] args, string name, int otherwise)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return otherwise;
        }

        var value = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
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
        var s = new Size(20250901, 3000, 150, 90, 15);
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
