using System.Collections.Concurrent;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Tests.Support;

/// <summary>A sample plan of rules-samples/, loaded and settled once per test run.</summary>
public sealed record Sample(string Name, SchoolPolicy Policy, TermFacts Facts, SettlementResult Settlement)
{
    public override string ToString() => Name;
}

public static class Samples
{
    public const string Yongqiao = "yongqiao-002-s1";

    public static readonly string[] Names =
        ["yongqiao-002-s1", "p3-001-per-lesson", "p4-001-flat-600", "s7-002-per-lesson-hour", "xinyi-004", "free-000"];

    private static readonly ConcurrentDictionary<string, Lazy<Sample>> Cache = new(StringComparer.Ordinal);

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// The samples for which <paramref name="has"/> holds. A theory that asserts once per item of something (a refund,
    /// a stipend line) runs on these only, and asserts that it found some, so that it cannot pass on a sample that has none.
    /// </summary>
    public static TheoryData<string> Where(Func<Sample, bool> has)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names.Where(n => has(Get(n))))
        {
            data.Add(name);
        }

        return data;
    }

    public static Sample Get(string name) => Cache.GetOrAdd(name, n => new Lazy<Sample>(() => Load(n))).Value;

    /// <summary>The folder that holds Compensation.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compensation.sln not found above " + AppContext.BaseDirectory);
    }

    private static Sample Load(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "rules-samples", name);
        var policy = PolicyLoader.LoadFile(Path.Combine(folder, "policy.yaml"));
        var facts = FactsLoader.LoadFolder(Path.Combine(folder, "facts"));
        return new Sample(name, policy, facts, Settler.Settle(policy, facts));
    }
}
