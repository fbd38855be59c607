using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// Settles a sample of <c>rules-samples/</c> (policy.yaml + facts/) and offers the small sums the
/// scenario tests compare with the amounts worked out by hand in each sample's README.
/// </summary>
internal static class Samples
{
    /// <summary>Finding codes that report a problem; a scenario names those it expects, the others must be absent.</summary>
    public static readonly IReadOnlyList<string> ProblemCodes =
        ["fee-above-cap", "pay-above-ceiling", "pay-below-floor", "deduction-out-of-range", "spending-above-income", "withdrawal-not-refunded"];

    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder holding Compensation.sln.</summary>
    public static string RepoRoot => Root.Value;

    public static SettlementResult Settle(string sampleName)
    {
        var root = RepoRoot;
        var policy = Compensation.Rules.Policy.Loading.PolicyLoader.LoadFile(Path.Combine(root, "rules-samples", sampleName, "policy.yaml"));
        var facts = Compensation.Rules.Facts.Loading.FactsLoader.LoadFolder(Path.Combine(root, "rules-samples", sampleName, "facts"));
        return Compensation.Rules.Settlement.Settler.Settle(policy, facts);
    }

    /// <summary>The sum of the ledger lines of one category (0 when there is none).</summary>
    public static Money Line(IEnumerable<LedgerLine> lines, string category) =>
        Money.Sum(lines.Where(l => l.Category == category).Select(l => l.Amount));

    /// <summary>The expenditure lines that are expense categories (consumables, venue, utilities, …), not pay.</summary>
    public static Money ExpenseLines(Ledger ledger) =>
        Money.Sum(ledger.Expenditure.Where(l => Expense.Categories.Contains(l.Category)).Select(l => l.Amount));

    public static Money Refunded(FamilyLine family, RefundKind kind) =>
        Money.Sum(family.Refunds.Where(r => r.Kind == kind).Select(r => r.Amount));

    public static StaffMonth InMonth(StaffLine staff, int year, int month) =>
        staff.Months.Single(m => m.Month == new Month(year, month));

    public static MonthCharge InMonth(FamilyLine family, int year, int month) =>
        family.Months.Single(m => m.Month == new Month(year, month));

    /// <summary>The deduction lines of one rule in a month, added up.</summary>
    public static Money Deducted(StaffMonth month, string ruleId) =>
        Money.Sum(month.Deductions.Where(d => d.RuleId == ruleId).Select(d => d.Amount));

    /// <summary>
    /// The expected findings are there; no other problem code is; and no finding of severity
    /// Error appears that the scenario did not expect.
    /// </summary>
    public static void AssertFindingCodes(SettlementResult result, params string[] expected)
    {
        var codes = result.Findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in expected)
        {
            Assert.Contains(code, codes);
        }

        foreach (var code in ProblemCodes.Except(expected))
        {
            Assert.DoesNotContain(code, codes);
        }

        var unexpectedErrors = result.Findings
            .Where(f => f.Severity == Severity.Error && !expected.Contains(f.Code))
            .Select(f => $"{f.Code} ({f.Subject}): {f.Message.En}")
            .ToList();
        Assert.Empty(unexpectedErrors);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Compensation.sln");
    }
}
