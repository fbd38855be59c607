using System.Reflection;
using System.Text.RegularExpressions;
using Compensation.Rules.Engine.Authoring;

namespace Compensation.Rules.Tests.Rules;

/// <summary>Every rule declares a stable id, titles in both languages and the clause it implements.</summary>
public partial class RuleMetadataTests
{
    private static readonly Type[] RuleTypes = typeof(Rule).Assembly.GetTypes()
        .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> RuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in RuleTypes)
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    [Fact]
    public void TheProductHasRulesInEveryRuleSet()
    {
        var sets = RuleTypes.Select(t => t.GetCustomAttribute<RuleAttribute>()!.RuleSet).ToHashSet();
        Assert.Superset(new HashSet<string> { "fees", "refunds", "waivers", "pay", "stipends", "deductions", "awards", "ledger" }, sets);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRule_HasIdTitlesAndClause(string typeName)
    {
        var type = RuleTypes.Single(t => t.FullName == typeName);
        var rule = type.GetCustomAttribute<RuleAttribute>();
        var title = type.GetCustomAttribute<TitleAttribute>();
        var clause = type.GetCustomAttribute<ClauseAttribute>();
        Assert.NotNull(rule);
        Assert.NotNull(title);
        Assert.NotNull(clause);
        Assert.Matches(IdPattern(), rule.Id);
        Assert.Matches(HanPattern(), title.Zh);
        Assert.False(string.IsNullOrWhiteSpace(title.En));
        Assert.False(string.IsNullOrWhiteSpace(clause.Clause));
        Assert.EndsWith("Rule", type.Name);
        var folder = type.Namespace!.Split('.')[^1].ToLowerInvariant();
        Assert.Equal(folder, rule.RuleSet);
    }

    [Fact]
    public void RuleIds_AreUnique()
    {
        var ids = RuleTypes.Select(t => t.GetCustomAttribute<RuleAttribute>()!.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void EveryFindingCode_IsInTheTableOfFindings_AndTheTableListsNoOther()
    {
        var root = Scenarios.Samples.RepoRoot;
        var raised = Directory.GetFiles(Path.Combine(root, "src", "Rules", "RuleSets"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => RaisedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var documented = TableCode().Matches(File.ReadAllText(Path.Combine(root, "docs", "settlement-arithmetic.md")))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("awards-above-reserve", raised); // the scan finds codes at all
        Assert.Equal(raised.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("(?:FindingFact\\(|Finding\\(ctx, [a-z\\[\\]0-9]+, )\"([a-z][a-z-]+)\"")]
    private static partial Regex RaisedCode();

    [GeneratedRegex("^\\| `([a-z][a-z-]+)` \\| (?:error|warning|info)", RegexOptions.Multiline)]
    private static partial Regex TableCode();

    [GeneratedRegex("^[a-z]+\\.[a-z][a-z-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("\\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();
}
