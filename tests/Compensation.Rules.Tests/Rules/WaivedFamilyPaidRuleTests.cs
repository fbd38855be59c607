using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.RuleSets.Waivers;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>002 §1 一(一): 对家庭经济困难学生参加课后服务的要减免费用; a family waived in full is never charged.</summary>
public class WaivedFamilyPaidRuleTests
{
    private static FeePayable Payable(string student, decimal charged, decimal waiverPercent)
    {
        // Payable = charged × (100 − waiver)%: 350 waived 100% → 0.00; 350 waived 50% → 175.00.
        var waived = Money.Round(charged * waiverPercent / 100m);
        return Given(new FeePayable(student, Money.Of(charged), Money.Zero, Money.Zero, waived, Money.Of(charged) - waived, "dibao", waiverPercent), "waivers.hardship:" + student);
    }

    private static FamilyAccount Account(string student, decimal payable, decimal paid) =>
        Given(new FamilyAccount(student, Money.Of(payable), Money.Zero, Money.Of(paid)), "fees.family-account:" + student);

    [Fact]
    public void AFamilyWaivedInFull_ThatPaidAnyway_IsAnErrorNamingWhatMustBeReturned()
    {
        // Waived 100%: payable 0.00; the family paid 50.00, all of which is to be returned.
        var finding = Fire<FindingFact>(new WaivedFamilyPaidRule(), Payable("S1", 350m, 100m), Account("S1", 0m, 50m)).Single();
        Assert.Equal(("waived-student-charged", Severity.Error, "S1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Equal("全额减免学生 S1 已缴 50.00，应全部退还", finding.Message.Zh);
        Assert.Equal("waivers.never-charged:S1", finding.Id);
        Assert.Equal(["fees.family-account:S1", "waivers.hardship:S1"], finding.Provenance.SourceIds);
    }

    [Fact]
    public void AFamilyWaivedInFull_ThatPaidNothing_IsNoFinding() =>
        Assert.Empty(Fire(new WaivedFamilyPaidRule(), Payable("S1", 350m, 100m), Account("S1", 0m, 0m)));

    [Fact]
    public void AFamilyWaivedInPart_MayPayItsPart() =>
        Assert.Empty(Fire(new WaivedFamilyPaidRule(), Payable("S1", 350m, 50m), Account("S1", 175m, 175m)));

    [Fact]
    public void OneFamilysWaiver_AndAnotherFamilysPayment_DoNotMakeAFinding()
    {
        // S1 is waived in full and paid nothing; S2 paid 350.00 and has no waiver: neither family was charged against
        // a full waiver. S3 is waived in full and paid 0.01: only S3 is reported.
        var facts = Fire<FindingFact>(new WaivedFamilyPaidRule(),
            Payable("S1", 350m, 100m), Account("S1", 0m, 0m),
            Payable("S2", 350m, 0m), Account("S2", 350m, 350m),
            Payable("S3", 350m, 100m), Account("S3", 0m, 0.01m));
        Assert.Equal(["S3"], facts.Select(f => f.Subject));
        Assert.Contains("paid 0.01", facts[0].Message.En);
    }
}
