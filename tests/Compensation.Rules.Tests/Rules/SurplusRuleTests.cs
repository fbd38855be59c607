using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Refunds;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>001 篇四 结余清退: only families' money goes back to families.</summary>
public class SurplusRuleTests
{
    private static readonly Bilingual Name = new("", "");

    /// <summary>A term with fee income, refunds and subsidies; the balance is given (income − refunds − spending).</summary>
    private static DerivedFact[] Books(decimal fees, decimal refunds, decimal subsidies, decimal balance) =>
    [
        Given(new LedgerEntry(0, LedgerSection.Income, "fees", Name, Money.Of(fees)), "ledger.fund:fees"),
        Given(new LedgerEntry(1, LedgerSection.Income, "subsidies", Name, Money.Of(subsidies)), "ledger.fund:subsidies"),
        Given(new FundBalance(Money.Of(fees + subsidies), Money.Of(refunds), Money.Of(fees + subsidies - refunds - balance), Money.Of(balance), Money.Zero), "ledger.fund:term"),
    ];

    private static SurplusParts Split(SurplusPolicy policy, decimal fees, decimal refunds, decimal subsidies, decimal balance) =>
        Fire<SurplusParts>(new SurplusSplitRule(policy), Books(fees, refunds, subsidies, balance)).Single();

    [Fact]
    public void ProRata_TheFeePartIsTheBalanceTimesTheFamiliesShareOfTheIncome()
    {
        // 240 × (1000 − 100) / (1000 − 100 + 300) = 240 × 900/1200 = 180.00; subsidy part 240 − 180 = 60.00 (kept).
        var parts = Split(new SurplusPolicy { Mode = SurplusMode.Refund }, 1000m, 100m, 300m, 240m);
        Assert.Equal((Money.Of(180m), Money.Of(60m), Money.Zero), (parts.FeePart, parts.SubsidyPart, parts.SubsidyReturned));
    }

    [Fact]
    public void ProRata_IsRoundedToTheFen_AndTheSubsidyPartIsTheRest()
    {
        // 100 × 700 / (700 + 200) = 77.777… → 77.78; subsidy part 100 − 77.78 = 22.22, returned to the funder.
        var parts = Split(new SurplusPolicy { SubsidyPart = SubsidyPart.ReturnToFunder }, 700m, 0m, 200m, 100m);
        Assert.Equal((Money.Of(77.78m), Money.Of(22.22m), Money.Of(22.22m)), (parts.FeePart, parts.SubsidyPart, parts.SubsidyReturned));
    }

    [Fact]
    public void SubsidyFirst_TheFeePartIsTheSmallerOfTheBalanceAndWhatFamiliesPaid()
    {
        // Subsidies spent first: min(240, 1000 − 100) = 240.00, subsidy part 0.
        var small = Split(new SurplusPolicy { Split = SurplusSplit.SubsidyFirst }, 1000m, 100m, 300m, 240m);
        Assert.Equal((Money.Of(240m), Money.Zero), (small.FeePart, small.SubsidyPart));

        // min(1000, 900) = 900.00, subsidy part 1000 − 900 = 100.00.
        var large = Split(new SurplusPolicy { Split = SurplusSplit.SubsidyFirst }, 1000m, 100m, 300m, 1000m);
        Assert.Equal((Money.Of(900m), Money.Of(100m)), (large.FeePart, large.SubsidyPart));
    }

    [Fact]
    public void WithoutSubsidies_TheWholeBalanceIsTheFeePart()
    {
        // 800 × (2700 − 300) / (2700 − 300 + 0) = 800.00 (the p4-001 sample).
        var parts = Split(new SurplusPolicy { Mode = SurplusMode.Refund }, 2700m, 300m, 0m, 800m);
        Assert.Equal((Money.Of(800m), Money.Zero), (parts.FeePart, parts.SubsidyPart));
    }

    [Fact]
    public void ANegativeBalance_HasNoParts() =>
        Assert.Empty(Fire<SurplusParts>(new SurplusSplitRule(new SurplusPolicy()), Books(1000m, 0m, 0m, -50m)));

    private static IReadOnlyList<SurplusRefund> Refunds(SurplusPolicy policy)
    {
        // Balance 240: fee part 180, subsidy part 60. S1 pays 600, S2 300, S3 is fully waived (0).
        // S1 served 20 days with a refunded 5-day spell, S2 served 20 days.
        var days = Enumerable.Range(0, 20).Select(i => new DateOnly(2025, 3, 3).AddDays(i)).ToList();
        return Fire<SurplusRefund>(new SurplusRefundRule(policy),
            Given(new SurplusParts(Money.Of(240m), Money.Of(180m), Money.Of(60m), Money.Zero), "refunds.surplus-split:term"),
            Given(new FamilyAccount("S1", Money.Of(600m), Money.Zero, Money.Of(600m)), "fees.family-account:S1"),
            Given(new FamilyAccount("S2", Money.Of(300m), Money.Zero, Money.Of(300m)), "fees.family-account:S2"),
            Given(new FamilyAccount("S3", Money.Zero, Money.Zero, Money.Zero), "fees.family-account:S3"),
            Given(new StudentSchedule("S1", 5, 20, days, days, null), "fees.schedule:S1"),
            Given(new StudentSchedule("S2", 5, 20, days, days, null), "fees.schedule:S2"),
            Given(new StudentSchedule("S3", 5, 20, days, days, null), "fees.schedule:S3"),
            Given(new AbsenceSpell("S1", days[0], days[4], 5), "refunds.absence-spell:S1:2025-03-03"));
    }

    private static (Money S1, Money S2) ByStudent(IReadOnlyList<SurplusRefund> refunds)
    {
        Assert.DoesNotContain(refunds, r => r.StudentId == "S3"); // pays nothing, so gets nothing back
        return (refunds.Single(r => r.StudentId == "S1").Amount, refunds.Single(r => r.StudentId == "S2").Amount);
    }

    [Fact]
    public void NetPayable_SharesTheFeePartByWhatEachFamilyPays()
    {
        // 180 × 600/900 = 120.00, 180 × 300/900 = 60.00; the subsidy part (60) is not refunded.
        Assert.Equal((Money.Of(120m), Money.Of(60m)), ByStudent(Refunds(new SurplusPolicy { Mode = SurplusMode.Refund })));
    }

    [Fact]
    public void PerStudent_SharesTheFeePartEquallyAmongThePayingStudents() =>
        // 180 ÷ 2 = 90.00 each.
        Assert.Equal((Money.Of(90m), Money.Of(90m)), ByStudent(Refunds(new SurplusPolicy { Mode = SurplusMode.Refund, Share = SurplusShare.PerStudent })));

    [Fact]
    public void DaysServed_SharesTheFeePartByServiceDaysLessRefundedSpells()
    {
        // Weights S1 20 − 5 = 15, S2 20 (Σ 35). In fen: 18000 × 15/35 = 7714.29 → 7714, 18000 × 20/35 = 10285.71 → 10285;
        // the one fen left goes to the larger remainder (S2, .71): 77.14 and 102.86.
        Assert.Equal((Money.Of(77.14m), Money.Of(102.86m)), ByStudent(Refunds(new SurplusPolicy { Mode = SurplusMode.Refund, Share = SurplusShare.DaysServed })));
    }

    [Fact]
    public void RefundToFamilies_TheFormerReading_RefundsTheWholeBalance() =>
        // 240 × 600/900 = 160.00, 240 × 300/900 = 80.00.
        Assert.Equal((Money.Of(160m), Money.Of(80m)), ByStudent(Refunds(new SurplusPolicy { Mode = SurplusMode.Refund, SubsidyPart = SubsidyPart.RefundToFamilies })));

    [Fact]
    public void NoFamilyGetsBackMoreThanItPays_TheRestIsSharedAgainOverTheOthers()
    {
        // Fee part 180 per student over S1 (pays 600) and S2 (pays 30 after a 50% waiver of 60):
        // 180 ÷ 2 = 90 each, but S2 paid only 30 → S2 gets 30.00, S1 the rest 180 − 30 = 150.00.
        var refunds = Fire<SurplusRefund>(new SurplusRefundRule(new SurplusPolicy { Mode = SurplusMode.Refund, Share = SurplusShare.PerStudent }),
            Given(new SurplusParts(Money.Of(180m), Money.Of(180m), Money.Zero, Money.Zero), "refunds.surplus-split:term"),
            Given(new FamilyAccount("S1", Money.Of(600m), Money.Zero, Money.Of(600m)), "fees.family-account:S1"),
            Given(new FamilyAccount("S2", Money.Of(30m), Money.Zero, Money.Of(30m)), "fees.family-account:S2"));
        Assert.Equal((Money.Of(150m), Money.Of(30m)), ByStudent(refunds));
    }
}
