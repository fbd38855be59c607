using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/p3-001-per-lesson with <c>deductions.base: lesson-pay</c> and the early-leave rule's own
/// <c>base: lesson-pay-and-stipends</c> (001 篇三 (二)3 扣除当月…绩效服务费 read as all of the month's pay for that
/// rule only). Pay and stipends are the sample README's; each month's cap is the widest base taken in it.
/// </summary>
public sealed class DeductionBaseScenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() =>
    {
        var (policy, facts) = Inputs();
        return Settler.Settle(policy, facts);
    });

    /// <summary>The sample's facts under its plan with the two bases above.</summary>
    internal static (SchoolPolicy Policy, TermFacts Facts) Inputs()
    {
        var root = Path.Combine(Samples.RepoRoot, "rules-samples", "p3-001-per-lesson");
        var policy = PolicyLoader.LoadFile(Path.Combine(root, "policy.yaml"));
        var rules = policy.Deductions.Rules.Select(r => r.Id == "early-leave" ? r with { Base = DeductionBase.LessonPayAndStipends } : r).ToList();
        policy = policy with { Deductions = policy.Deductions with { Base = DeductionBase.LessonPay, Rules = rules } };
        return (policy, Compensation.Rules.Facts.Loading.FactsLoader.LoadFolder(Path.Combine(root, "facts")));
    }

    /// <summary>The scenario with one more event for T01 in April, a handover slip, which takes April over its cap.</summary>
    internal static (SchoolPolicy Policy, TermFacts Facts) WithAnAprilHandoverSlip()
    {
        var (policy, facts) = Inputs();
        return (policy, facts with { Conduct = [.. facts.Conduct, new Compensation.Rules.Facts.Input.ConductEvent("C10", "T01", new DateOnly(2025, 4, 1), "handover", null, "L0401-1", "未做好与家长交接")] });
    }

    private static SettlementResult R => Settled.Value;

    [Fact]
    public void TheEarlyLeaveRule_TakesItsPercentagesOfLessonPayAndStipends()
    {
        var march = Samples.InMonth(R.StaffMember("T01"), 2025, 3);
        Assert.Equal(Money.Of(140m + 70), march.DeductionBase);                                  // 7 × 20 + 7 × 10 = 210.00
        Assert.Equal(Money.Round(210m * 10 / 100) + Money.Round(210m * 10 / 100), Samples.Deducted(march, "early-leave")); // 21.00 + 21.00 = 42.00
    }

    [Fact]
    public void AMonthsCap_WidensToTheBaseItsDeductionWasTakenOf()
    {
        // April: three early leaves → 100 % of 100 + 50 = 150.00; the cap is 150.00, not the plan's lesson pay of 100.00.
        var april = Samples.InMonth(R.StaffMember("T01"), 2025, 4);
        Assert.Equal((Money.Of(100m + 50), Money.Of(150m * 100 / 100), Money.Zero), (april.DeductionBase, april.DeductionTotal, april.Net));
    }

    [Fact]
    public void ACappedMonth_IsExplainedInEachLanguageInThatLanguage()
    {
        // The scenario with one more event for T01 in April: a handover slip, 10 % of the plan's base of lesson pay
        // 100.00 = 10.00. April's deductions are then 150.00 + 10.00 = 160.00 against a cap of 150.00 (the widest base
        // taken in the month, 100 + 50), so 150.00 is deducted and the month's line says it was capped from 160.00.
        var (policy, facts) = WithAnAprilHandoverSlip();
        var result = Settler.Settle(policy, facts);

        var april = Samples.InMonth(result.StaffMember("T01"), 2025, 4);
        Assert.Equal((Money.Of(100m + 50), Money.Of(150m)), (april.DeductionBase, april.DeductionTotal)); // min(150 + 10, 150) = 150.00
        var account = Assert.Single(result.Explanations.Values, e => e.RuleId == "pay.staff-account" && e.Sentence!.En.Contains("2025-04: 100.00 + 50.00 − 150.00", StringComparison.Ordinal));
        Assert.Contains("2025-04: 100.00 + 50.00 − 150.00 (capped from 160.00)", account.Sentence!.En);
        Assert.Contains("2025-04: 100.00 + 50.00 − 150.00（扣除原为 160.00，以当月基数为限）", account.Sentence.Zh);
        Assert.DoesNotMatch("[A-Za-z]{2,}", account.Sentence.Zh);
    }

    [Fact]
    public void TheOtherRules_KeepThePlansBaseOfLessonPay()
    {
        var t03 = R.StaffMember("T03");
        var march = Samples.InMonth(t03, 2025, 3);
        var april = Samples.InMonth(t03, 2025, 4);
        Assert.Equal((Money.Of(100m), Money.Round(100m * 10 / 100)), (march.DeductionBase, Samples.Deducted(march, "handover"))); // 5 × 20 = 100; 10 % = 10.00
        Assert.Equal((Money.Of(60m), Money.Round(60m * 10 / 100)), (april.DeductionBase, Samples.Deducted(april, "complaint"))); // 3 × 20 = 60; 10 % = 6.00
        Assert.Equal(Money.Of(240m - 10 - 6), t03.Net); // gross 160 + 80 = 240; 240 − 16 = 224.00
        Assert.Equal(Money.Round((100m + 60) * 50 / 100), Assert.Single(R.StaffMember("T04").TermDeductions).Amount); // T04's term lesson pay 160 × 50 % = 80.00
    }
}
