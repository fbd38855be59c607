using System.Diagnostics;
using System.Globalization;
using Compensation.Reports;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;

namespace Compensation.Benchmarks;

/// <summary>
/// The documents of the big generated term: milliseconds per notice and per statement (wall and CPU), all family and
/// staff statements as one batch (on every core, with its CPU time; each checked against sequential bytes on a sample),
/// and the accountant's workbook with the process's working set before it and its peak while it is built.
/// Goals: a notice under 200 ms, the batch under 60 s, the workbook under 10 s and 1 GB.
/// COMPENSATION_DOCUMENTS_ONLY=workbook stops after the workbook.
/// </summary>
internal static class DocumentFigures
{
    public static int Run(Size size)
    {
        var (policy, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
        var result = Settler.Settle(policy, facts);
        var notice = new NoticeDetails(result.TermEnd, result.TermEnd, result.TermEnd.AddDays(6));
        var pdf = new PdfReports();
        Console.WriteLine($"term: {result.Families.Count} families, {result.Staff.Count} staff, {result.Staff.Sum(s => s.Lessons)} lessons");

        Workbook(result, policy);
        if (Only == "workbook")
        {
            return 0;
        }

        pdf.PublicNotice(result, policy, notice);
        var notices = Times(size.Runs, () => pdf.PublicNotice(result, policy, notice).Length);
        Console.WriteLine($"notice               median {F(Median(notices))} ms (min {F(notices.Min())} ms)   goal < 200 ms");

        // Twenty of each first (the last ones), so that the timed ones run compiled and optimised code; the CPU time
        // beside the wall time is the process's (every thread), which a busy shared machine inflates less than the wall time.
        foreach (var f in result.Families.TakeLast(20))
        {
            pdf.FamilyStatement(result, policy, f.StudentId);
        }

        foreach (var s in result.Staff.TakeLast(20))
        {
            pdf.StaffStatement(result, policy, s.StaffId, facts.Conduct);
        }

        var sample = result.Families.Take(20).ToList();
        var sequential = new Dictionary<string, byte[]>();
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        foreach (var f in sample)
        {
            sequential[f.StudentId] = pdf.FamilyStatement(result, policy, f.StudentId);
        }

        Console.WriteLine($"family statement     {F(sw.Elapsed.TotalMilliseconds / sample.Count)} ms each, {F((Cpu() - cpu).TotalMilliseconds / sample.Count)} ms of CPU (sequential, {sample.Count} of them)");
        var staffSample = result.Staff.Take(20).ToList();
        cpu = Cpu();
        sw.Restart();
        foreach (var s in staffSample)
        {
            pdf.StaffStatement(result, policy, s.StaffId, facts.Conduct);
        }

        Console.WriteLine($"staff statement      {F(sw.Elapsed.TotalMilliseconds / staffSample.Count)} ms each, {F((Cpu() - cpu).TotalMilliseconds / staffSample.Count)} ms of CPU (sequential, {staffSample.Count} of them)");

        long bytes = 0;
        var mismatches = 0;
        cpu = Cpu();
        sw.Restart();
        Parallel.ForEach(result.Families, f =>
        {
            var b = pdf.FamilyStatement(result, policy, f.StudentId);
            Interlocked.Add(ref bytes, b.Length);
            if (sequential.TryGetValue(f.StudentId, out var expected) && !expected.AsSpan().SequenceEqual(b))
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        Parallel.ForEach(result.Staff, s => Interlocked.Add(ref bytes, pdf.StaffStatement(result, policy, s.StaffId, facts.Conduct).Length));
        var batchCpu = Cpu() - cpu;
        var count = result.Families.Count + result.Staff.Count;
        Console.WriteLine($"batch: {result.Families.Count} family + {result.Staff.Count} staff statements on {Environment.ProcessorCount} cores {F(sw.Elapsed.TotalMilliseconds / 1000)} s ({F(batchCpu.TotalMilliseconds / 1000)} s of CPU, {F(batchCpu.TotalMilliseconds / count)} ms a statement), {bytes / 1048576.0:0.0} MiB of PDF; same bytes as sequential: {mismatches == 0}   goal < 60 s");
        Console.WriteLine($"peak working set since the workbook began {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>The CPU time of the whole process so far, all threads.</summary>
    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>COMPENSATION_DOCUMENTS_ONLY=workbook runs only the workbook part (Program's option parser takes numbers only).</summary>
    private static string? Only => Environment.GetEnvironmentVariable("COMPENSATION_DOCUMENTS_ONLY");

    /// <summary>
    /// Builds the workbook once (cold, as the accountant would) and reports its time and memory: the working set and peak
    /// before it (generating and settling the term, then a full collection), and the peak while it is built. On Linux the
    /// kernel's peak (VmHWM, which PeakWorkingSet64 reads) is reset just before the workbook through /proc/self/clear_refs,
    /// so the workbook's peak is not hidden by an earlier one; the working set is also sampled every 5 ms while it runs.
    /// </summary>
    private static void Workbook(SettlementResult result, Compensation.Rules.Policy.SchoolPolicy policy)
    {
        using var process = Process.GetCurrentProcess();
        var settled = process.WorkingSet64;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        process.Refresh();
        Console.WriteLine($"before the workbook  working set {settled / 1048576.0:0} MiB after settling, {process.WorkingSet64 / 1048576.0:0} MiB after a full collection; peak so far {process.PeakWorkingSet64 / 1048576.0:0} MiB (generating and settling)");
        var reset = ResetPeak();

        long sampled = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            do
            {
                self.Refresh();
                sampled = Math.Max(sampled, self.WorkingSet64);
            }
            while (!done.Wait(5));
        }) { IsBackground = true };
        sampler.Start();

        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var workbook = AccountantWorkbook.Build(result, policy);
        var seconds = sw.Elapsed.TotalMilliseconds / 1000;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        done.Set();
        sampler.Join();
        process.Refresh();
        var peak = reset ? $"peak working set while building {process.PeakWorkingSet64 / 1048576.0:0} MiB" : $"peak working set so far {process.PeakWorkingSet64 / 1048576.0:0} MiB (could not reset the peak)";
        Console.WriteLine($"workbook             {F(seconds)} s ({F(cpu.TotalMilliseconds / 1000)} s of CPU, all threads), {workbook.Length / 1048576.0:0.0} MiB; {peak}, sampled max {sampled / 1048576.0:0} MiB   goals < 10 s, < 1024 MiB");
    }

    /// <summary>Resets the kernel's peak resident set size of this process (Linux: "5" to /proc/self/clear_refs).</summary>
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static List<double> Times(int runs, Func<int> action)
    {
        var list = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            list.Add(sw.Elapsed.TotalMilliseconds);
        }

        return list;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
