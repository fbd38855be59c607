using System.Diagnostics;
using System.Globalization;
using Compensation.Reports;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;

namespace Compensation.Benchmarks;

/// <summary>
/// The documents of the big generated term: milliseconds per notice and per statement, all family and
/// staff statements as one batch (on every core; each checked against sequential bytes on a sample),
/// and the accountant's workbook with the process's peak memory right after it.
/// Goals: a notice under 200 ms, the batch under 60 s, the workbook under 10 s and 1 GB.
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

        var sw = Stopwatch.StartNew();
        var workbook = AccountantWorkbook.Build(result, policy);
        Console.WriteLine($"workbook             {F(sw.Elapsed.TotalMilliseconds / 1000)} s, {workbook.Length / 1048576.0:0.0} MiB; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB   goals < 10 s, < 1024 MiB");

        pdf.PublicNotice(result, policy, notice);
        var notices = Times(size.Runs, () => pdf.PublicNotice(result, policy, notice).Length);
        Console.WriteLine($"notice               median {F(Median(notices))} ms (min {F(notices.Min())} ms)   goal < 200 ms");

        var sample = result.Families.Take(20).ToList();
        var sequential = new Dictionary<string, byte[]>();
        sw.Restart();
        foreach (var f in sample)
        {
            sequential[f.StudentId] = pdf.FamilyStatement(result, policy, f.StudentId);
        }

        Console.WriteLine($"family statement     {F(sw.Elapsed.TotalMilliseconds / sample.Count)} ms each (sequential, {sample.Count} of them)");
        sw.Restart();
        pdf.StaffStatement(result, policy, result.Staff[0].StaffId, facts.Conduct);
        Console.WriteLine($"staff statement      {F(sw.Elapsed.TotalMilliseconds)} ms");

        long bytes = 0;
        var mismatches = 0;
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
        Console.WriteLine($"batch: {result.Families.Count} family + {result.Staff.Count} staff statements on {Environment.ProcessorCount} cores {F(sw.Elapsed.TotalMilliseconds / 1000)} s, {bytes / 1048576.0:0.0} MiB of PDF; same bytes as sequential: {mismatches == 0}   goal < 60 s");
        Console.WriteLine($"peak working set     {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
        return mismatches == 0 ? 0 : 1;
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
