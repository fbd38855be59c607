using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets.Fees;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// Free service (000 二(四): 课后服务不收取任何费用) and the fiscal subsidy (004 §10: 财政补贴…筹措经费), one rule at a time.
/// </summary>
public class SubsidyRuleTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    private static StudentSchedule Schedule(string student, int days, int served) =>
        Given(new StudentSchedule(student, 5, days,
            Enumerable.Range(0, days).Select(i => Day.AddDays(i)).ToList(),
            Enumerable.Range(0, served).Select(i => Day.AddDays(i)).ToList(), served < days ? Day.AddDays(served - 1) : null), "fees.schedule:" + student);

    private static CappedFee Capped(string student, decimal charged, decimal capReduction = 0m) =>
        Given(new CappedFee(student, Money.Of(charged), Money.Of(capReduction), 20), "fees.cap:" + student);

    private static SubsidyReceipt Receipt(string id, decimal amount) => new(id, Day, Money.Of(amount), "county");

    [Fact]
    public void FreeService_ChargesEachFamilyNothing_CountingOnlyTheDaysItWasServed()
    {
        // 000 二(四): no fee. S1 is served all 10 of its days; S2 withdraws after 4 of its 10: each line is 0.00,
        // with the days served (10 and 4), for the term (no month), from the student's own schedule.
        var charges = Fire<FeeCharge>(new FreeServiceRule(), Schedule("S2", 10, 4), Schedule("S1", 10, 10)).OrderBy(c => c.StudentId).ToList();
        Assert.Equal([("S1", 10, "0.00"), ("S2", 4, "0.00")], charges.Select(c => (c.StudentId, c.DaysAttended, c.Amount.ToString())));
        Assert.All(charges, c => Assert.Null(c.Month));
        Assert.Equal("fees.free:S1", charges[0].Id);
        Assert.Equal(["fees.schedule:S1"], charges[0].Provenance.SourceIds);
        Assert.Equal(["fees.schedule:S2"], charges[1].Provenance.SourceIds);
        Assert.Equal("公益服务，不收费：0.00", charges[0].Provenance.Explanation.Zh);
    }

    [Fact]
    public void FreeService_WithoutStudents_ChargesNoOne() =>
        Assert.Empty(Fire(new FreeServiceRule(), new TermInfo("2025S", "X", Day, new DateOnly(2025, 6, 27))));

    [Fact]
    public void TheSubsidiesReceived_GoToTheFundAsOneSum_CitingEachReceiptInIdOrder()
    {
        // 200.50 + 300.00 = 500.50, one fact for the term.
        var fund = Fire<FundSubsidy>(new FundSubsidyRule(), Receipt("R2", 300m), Receipt("R1", 200.50m)).Single();
        Assert.Equal(Money.Of(200.50m + 300m), fund.Amount);
        Assert.Equal("fees.subsidy-fund:received", fund.Id);
        Assert.Equal(["subsidy:R1", "subsidy:R2"], fund.Provenance.SourceIds);
        Assert.Equal("收到财政补贴 2 笔，合计 500.50", fund.Provenance.Explanation.Zh);
    }

    [Fact]
    public void ATermWithoutSubsidyReceipts_PutsNoSubsidyInTheFund() =>
        Assert.Empty(Fire<FundSubsidy>(new FundSubsidyRule(), Capped("S1", 350m)));

    [Fact]
    public void ALumpSum_IsSharedProRataToTheFees_TheOddFenByLargestRemainder()
    {
        // 004 §10 subsidy first. Fees after the cap: S1 300, S2 300, S3 600 − 500 cap = 100; total 700.
        // Received 60.00 + 40.00 = 100.00 (less than 700, so all of it is shared), in fen 10000:
        // S1 10000 × 300/700 = 4285.71 → 4285 (.71); S2 the same; S3 10000 × 100/700 = 1428.57 → 1428 (.57).
        // 4285 + 4285 + 1428 = 9998: the 2 fen left go to the two largest remainders, S1 and S2: 42.86, 42.86, 14.28.
        var shares = Fire<SubsidyShare>(new LumpSumSubsidyRule(),
            Capped("S3", 600m, 500m), Receipt("R2", 40m), Capped("S1", 300m), Receipt("R1", 60m), Capped("S2", 300m)).OrderBy(s => s.StudentId).ToList();
        Assert.Equal([("S1", "42.86"), ("S2", "42.86"), ("S3", "14.28")], shares.Select(s => (s.StudentId, s.Amount.ToString())));
        Assert.Equal(["fees.cap:S3", "subsidy:R1", "subsidy:R2"], shares[2].Provenance.SourceIds);
        Assert.Equal("fees.subsidy-lump-sum:S3", shares[2].Id);
    }

    [Fact]
    public void ALumpSumAboveTheFees_PaysEachFeeInFull_AndTheRestGoesToTheFund()
    {
        // Fees 350 + 210 = 560; received 600 + 100 = 700: each family's share is its whole fee (a share never exceeds
        // the fee), and 700 − 560 = 140.00 goes to the fund.
        var derived = Fire(new LumpSumSubsidyRule(), Capped("S1", 350m), Capped("S2", 210m), Receipt("R1", 600m), Receipt("R2", 100m));
        Assert.Equal([("S1", "350.00"), ("S2", "210.00")], derived.OfType<SubsidyShare>().OrderBy(s => s.StudentId).Select(s => (s.StudentId, s.Amount.ToString())));
        var rest = derived.OfType<FundSubsidy>().Single();
        Assert.Equal(Money.Of(700m - 560m), rest.Amount);
        Assert.Equal("fees.subsidy-lump-sum:rest", rest.Id);
        Assert.Equal(["subsidy:R1", "subsidy:R2"], rest.Provenance.SourceIds);
    }

    [Fact]
    public void ALumpSumEqualToTheFees_LeavesNothingForTheFund()
    {
        // Fees 350 + 150 = 500 = received 500: shares 350.00 and 150.00, no rest.
        var derived = Fire(new LumpSumSubsidyRule(), Capped("S1", 350m), Capped("S2", 150m), Receipt("R1", 500m));
        Assert.Equal([Money.Of(350m), Money.Of(150m)], derived.OfType<SubsidyShare>().OrderBy(s => s.StudentId).Select(s => s.Amount));
        Assert.Empty(derived.OfType<FundSubsidy>());
    }

    [Fact]
    public void ALumpSumPlan_WithoutReceipts_SharesNothing_AndWithoutFeesDerivesNothing()
    {
        // No receipt: received 0.00, so every family's share is 0.00 (the family pays its whole fee).
        var shares = Fire<SubsidyShare>(new LumpSumSubsidyRule(), Capped("S1", 350m), Capped("S2", 210m));
        Assert.Equal([Money.Zero, Money.Zero], shares.Select(s => s.Amount));
        // No fee: nothing to share over, and the receipt is not put in the fund by this rule either.
        Assert.Empty(Fire(new LumpSumSubsidyRule(), Receipt("R1", 100m)));
    }

    [Fact]
    public void WithoutAPerFamilySubsidy_EachFamilysShareIsZero_FromItsOwnFee()
    {
        var shares = Fire<SubsidyShare>(new NoSubsidyOffsetRule(), Capped("S2", 210m), Capped("S1", 350m), Receipt("R1", 1000m)).OrderBy(s => s.StudentId).ToList();
        Assert.Equal([("S1", Money.Zero), ("S2", Money.Zero)], shares.Select(s => (s.StudentId, s.Amount)));
        Assert.Equal(["fees.cap:S1"], shares[0].Provenance.SourceIds);
        Assert.Equal(["fees.cap:S2"], shares[1].Provenance.SourceIds);
        Assert.Equal("fees.no-subsidy-offset:S2", shares[1].Id);
    }

    [Fact]
    public void WithoutAPerFamilySubsidy_AndNoFees_ThereIsNoShare() =>
        Assert.Empty(Fire(new NoSubsidyOffsetRule(), Receipt("R1", 1000m)));
}
