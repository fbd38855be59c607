using Compensation.Rules.Domain;
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
        var root = Path.Combine(Samples.RepoRoot, "rules-samples", "p3-001-per-lesson");
        var policy = PolicyLoader.LoadFile(Path.Combine(root, "policy.yaml"));
        var rules = policy.Deductions.Rules.Select(r => r.Id == "early-leave" ? r with { Base = DeductionBase.LessonPayAndStipends } : r).ToList();
        policy = policy with { Deductions = policy.Deductions with { Base = DeductionBase.LessonPay, Rules = rules } };
        return Settler.Settle(policy, Compensation.Rules.Facts.Loading.FactsLoader.LoadFolder(Path.Combine(root, "facts")));
    });

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
