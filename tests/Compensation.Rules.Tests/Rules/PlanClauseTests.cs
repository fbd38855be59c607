using System.Text.RegularExpressions;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Scenarios;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// Clauses are the school's own: every derived line cites the clause its policy section gives, or none, never the
/// [Clause] a rule class carries as its origin (often another seed's clause) and never a pseudo-clause.
/// </summary>
public partial class PlanClauseTests
{
    public static TheoryData<string> SampleNames() => new(Directory.GetDirectories(Path.Combine(Samples.RepoRoot, "rules-samples"))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void APlanThatCitesNoClause_SettlesWithNoClauseAnywhere(string sample)
    {
        var folder = Path.Combine(Samples.RepoRoot, "rules-samples", sample);
        var text = File.ReadAllText(Path.Combine(folder, "policy.yaml"));
        var withoutClauses = FlowClause().Replace(BlockClause().Replace(text, ""), "");
        Assert.DoesNotContain("clause", withoutClauses, StringComparison.Ordinal);
        var policy = PolicyLoader.LoadText(withoutClauses, "policy.yaml");

        var result = Settler.Settle(policy, FactsLoader.LoadFolder(Path.Combine(folder, "facts")));

        Assert.NotEmpty(result.Explanations);
        Assert.All(result.Explanations.Values, e => Assert.Equal("", e.Clause));
        Assert.All(result.Findings, f => Assert.Equal("", f.Clause));
        Assert.All(result.Staff.SelectMany(s => s.Months.SelectMany(m => m.Deductions).Concat(s.TermDeductions)), d => Assert.Equal("", d.Clause));
    }

    [Fact]
    public void EachLine_CitesTheClauseOfItsOwnPolicySection()
    {
        // The 埇桥 sample (pool pay, guard stipends, review deductions, a waiver) with one distinct clause per section and
        // the sub-sections' own clauses taken out, so each line can only have its clause from the section it belongs to.
        var folder = Path.Combine(Samples.RepoRoot, "rules-samples", "yongqiao-002-s1");
        var loaded = PolicyLoader.LoadFile(Path.Combine(folder, "policy.yaml"));
        var policy = loaded with
        {
            Fees = loaded.Fees with { Clause = "FEES", Cap = loaded.Fees.Cap! with { Clause = "" } },
            Subsidy = loaded.Subsidy with { Clause = "SUBSIDY" },
            Refunds = loaded.Refunds with
            {
                Absence = loaded.Refunds.Absence! with { Clause = "ABSENCE" },
                Surplus = loaded.Refunds.Surplus with { Clause = "SURPLUS" },
            },
            Waivers = loaded.Waivers with { Clause = "WAIVERS" },
            Pay = loaded.Pay with { Clause = "PAY", Ceiling = loaded.Pay.Ceiling! with { Clause = "" } },
            Stipends = loaded.Stipends with { Clause = "STIPENDS" },
            Deductions = loaded.Deductions with
            {
                Clause = "DEDUCTIONS",
                Rules = [.. loaded.Deductions.Rules.Select(r => r.Id == "lateness" ? r with { Clause = "" } : r)],
            },
            Awards = loaded.Awards with { Clause = "AWARDS" },
            Publication = loaded.Publication with { Clause = "PUBLICATION" },
        };

        var result = Settler.Settle(policy, FactsLoader.LoadFolder(Path.Combine(folder, "facts")));

        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fees.schedule"] = "",
            ["fees.absences"] = "",
            ["fees.flat-term"] = "FEES",
            ["fees.cap"] = "FEES",
            ["fees.no-subsidy-offset"] = "SUBSIDY",
            ["fees.family-account"] = "FEES",
            ["waivers.hardship"] = "WAIVERS",
            ["refunds.absence-spell"] = "ABSENCE",
            ["refunds.absence"] = "ABSENCE",
            ["pay.pool"] = "PAY",
            ["pay.staff-account"] = "PAY",
            ["stipends.duty"] = "STIPENDS",
            ["deductions.review/no-show"] = "002 §1 二(四)2",
            ["deductions.review/lateness"] = "DEDUCTIONS",
            ["deductions.review/handover"] = "002 §1 二(四)4",
            ["ledger.fund"] = "PUBLICATION",
        };
        var seen = result.Explanations.Values.GroupBy(e => e.RuleId!).ToDictionary(g => g.Key, g => g.Select(e => e.Clause).Distinct().ToList());
        foreach (var (rule, clause) in expected)
        {
            Assert.True(seen.TryGetValue(rule, out var clauses), $"the sample no longer exercises {rule}");
            Assert.Equal([clause], clauses);
        }

        // Whatever else fired cites one of the policy's own clauses or none.
        string[] own = ["", "FEES", "SUBSIDY", "ABSENCE", "SURPLUS", "WAIVERS", "PAY", "STIPENDS", "DEDUCTIONS", "AWARDS", "PUBLICATION", .. loaded.Deductions.Rules.Select(r => r.Clause)];
        Assert.All(result.Explanations.Values, e => Assert.Contains(e.Clause, own));
    }

    [Fact]
    public void DeductionsAndPublicationClauses_AreReadFromThePolicyFile()
    {
        var policy = PolicyLoader.LoadText("""
            school: 示例小学
            plan: 方案
            deductions:
              clause: "002 §1 二(四)"
              rules: []
            publication:
              legal_basis: 依据
              clause: "002 §1 一(二)"
            """, "policy.yaml");

        Assert.Equal("002 §1 二(四)", policy.Deductions.Clause);
        Assert.Equal("002 §1 一(二)", policy.Publication.Clause);
    }

    [GeneratedRegex(@"\n[ \t]*clause:[^\n]*")]
    private static partial Regex BlockClause();

    [GeneratedRegex(@",\s*clause:\s*""[^""]*""")]
    private static partial Regex FlowClause();
}
