using System.Reflection;
using System.Text.RegularExpressions;
using Compensation.Rules.RuleSets;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.Tests.Rules;

/// <summary>Every rule declares a stable id, titles in both languages and the clause it implements.</summary>
public partial class RuleMetadataTests
{
    private static readonly Type[] RuleTypes = typeof(SettlementRule).Assembly.GetTypes()
        .Where(t => typeof(SettlementRule).IsAssignableFrom(t) && !t.IsAbstract)
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
        var sets = RuleTypes.Select(t => RuleInfo.Read(t).RuleSet).ToHashSet();
        Assert.Superset(new HashSet<string> { "fees", "refunds", "waivers", "pay", "stipends", "deductions", "awards", "ledger" }, sets);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRule_HasIdTitlesAndClause(string typeName)
    {
        var type = RuleTypes.Single(t => t.FullName == typeName);
        var name = type.IsDefined(typeof(NameAttribute), inherit: false) ? new NRules.Fluent.RuleMetadata(type).Name : null;
        var stage = new NRules.Fluent.RuleMetadata(type).Priority;
        var title = type.GetCustomAttribute<TitleAttribute>();
        var clause = type.GetCustomAttribute<ClauseAttribute>();
        Assert.NotNull(name);
        Assert.NotNull(stage);
        Assert.NotNull(title);
        Assert.NotNull(clause);
        Assert.Matches(IdPattern(), name);
        Assert.Contains(stage.Value, Stages);
        Assert.Matches(HanPattern(), title.Zh);
        Assert.False(string.IsNullOrWhiteSpace(title.En));
        Assert.False(string.IsNullOrWhiteSpace(clause.Clause));
        Assert.EndsWith("Rule", type.Name);
        var folder = type.Namespace!.Split('.')[^1].ToLowerInvariant();
        Assert.Equal(folder, RuleInfo.Read(type).RuleSet);
    }

    /// <summary>The stages a rule may run in: the constants of <see cref="Stage"/>.</summary>
    private static readonly int[] Stages = typeof(Stage).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).ToArray();

    [Fact]
    public void RuleFiles_ReadAsBusinessRules_WithoutEngineTricks()
    {
        var root = Scenarios.Samples.RepoRoot;
        var files = Directory.GetFiles(Path.Combine(root, "src", "Rules", "RuleSets"), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var trick in new[] { "AggressiveOptimization", "Unsafe.", "stackalloc", "MethodImpl" })
            {
                Assert.False(text.Contains(trick, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {trick}");
            }
        }
    }

    [Fact]
    public void RuleIds_AreUnique()
    {
        var ids = RuleTypes.Select(t => RuleInfo.Read(t).Name).ToList();
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
