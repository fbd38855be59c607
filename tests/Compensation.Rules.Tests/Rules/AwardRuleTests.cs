using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Awards;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>002 §1 二(四)7: 学期底，对表现突出的老师进行评选和奖励, from the amount the plan reserves.</summary>
public class AwardRuleTests
{
    private static AwardPay Paid(string award, string staff, decimal amount) =>
        Given(new AwardPay(staff, Money.Of(amount), "优秀"), "awards.grant:" + award);

    [Fact]
    public void AnAwardDecision_IsPaidToItsStaffMember_AsDecided()
    {
        var pay = Fire<AwardPay>(new AwardRule(), new AwardDecision("A1", "T1", Money.Of(300m), "延时服务表现突出")).Single();
        Assert.Equal(("awards.grant:A1", "T1", Money.Of(300m), "延时服务表现突出"), (pay.Id, pay.StaffId, pay.Amount, pay.Reason));
        Assert.Equal(["award:A1"], pay.Provenance.SourceIds);
        Assert.Equal("评优奖励 300.00：延时服务表现突出", pay.Provenance.Explanation.Zh);
    }

    [Fact]
    public void AwardsAboveTheReserve_AreAnError_CitingEveryAward()
    {
        // 300.00 + 250.50 = 550.50 > the reserve of 500.00.
        var finding = Fire<FindingFact>(new AwardReserveRule(new AwardPolicy { Reserve = 500m }), Paid("A2", "T2", 250.50m), Paid("A1", "T1", 300m)).Single();
        Assert.Equal(("awards-above-reserve", Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal("奖励合计 550.50 超过预留 500.00", finding.Message.Zh);
        Assert.Equal(["awards.grant:A1", "awards.grant:A2"], finding.Provenance.SourceIds);
    }

    [Fact]
    public void AwardsUpToTheReserve_AreNoFinding()
    {
        // 300.00 + 200.00 = 500.00, not above the reserve of 500.00.
        Assert.Empty(Fire<FindingFact>(new AwardReserveRule(new AwardPolicy { Reserve = 500m }), Paid("A1", "T1", 300m), Paid("A2", "T2", 200m)));
    }

    [Fact]
    public void WithoutAReserve_AnyAwardIsAboveIt_AndNoAwardIsNoFinding()
    {
        // No reserve is a reserve of 0.00: 0.01 is above it; with no award there is nothing to check.
        Assert.Single(Fire<FindingFact>(new AwardReserveRule(new AwardPolicy()), Paid("A1", "T1", 0.01m)));
        Assert.Empty(Fire<FindingFact>(new AwardReserveRule(new AwardPolicy())));
    }
}
