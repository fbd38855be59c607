using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/free-000: seed 000 third plan, 课后服务不收取任何费用 (二(四)). Subsidies of 1200 and 1000
/// go into the fund; staff are paid 40 a session; the balance is kept. Amounts worked out by hand in
/// that folder's README.md.
/// </summary>
public sealed class Free000Scenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("free-000"));

    private static SettlementResult R => Settled.Value;

    [Fact]
    public void NoFamily_IsChargedAnything()
    {
        Assert.Equal(5, R.Families.Count);
        Assert.All(R.Families, f =>
        {
            Assert.Equal(Money.Zero, f.Charged);
            Assert.Equal(Money.Zero, f.Subsidy);                    // fund mode: the subsidy reduces no fee
            Assert.Equal(Money.Zero, f.Payable);
            Assert.Empty(f.Refunds);
            Assert.Equal(Money.Zero, f.Paid);
            Assert.Equal(Money.Zero, f.Balance);
        });
    }

    [Fact]
    public void Subsidies_GoIntoTheFund()
    {
        Assert.Equal(Money.Of(1200m + 1000), Samples.Line(R.Ledger.Income, "subsidies")); // 2200.00
        Assert.Equal(Money.Zero, Samples.Line(R.Ledger.Income, "fees"));
        Assert.Equal(Money.Of(2200m), R.Ledger.CashReceived);
    }

    [Fact]
    public void EachSession_Pays40WhateverItsLength()
    {
        var t01 = R.StaffMember("T01");                             // 20 noon sessions of 70 minutes
        Assert.Equal(Money.Of(12 * 40m), Samples.InMonth(t01, 2025, 3).LessonPay); // 480.00
        Assert.Equal(Money.Of(8 * 40m), Samples.InMonth(t01, 2025, 4).LessonPay);  // 320.00
        Assert.Equal(Money.Of(20 * 40m), t01.Net);                  // 800.00
        Assert.Equal(Money.Of(12 * 40m), R.StaffMember("T02").Net); // 12 afternoon sessions of 90 minutes: 480.00
        Assert.Equal(Money.Of(8 * 40m), R.StaffMember("T03").Net);  // 8 × 40 = 320.00
    }

    [Fact]
    public void WhatIsNotSpent_StaysInTheFund()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(2200m), l.TotalIncome);
        Assert.Equal(Money.Zero, l.TotalRefunds);
        Assert.Equal(Money.Of(40 * 40m), Samples.Line(l.Expenditure, "lesson-pay")); // 1600.00
        Assert.Equal(Money.Of(100m), Samples.Line(l.Expenditure, "other"));
        Assert.Equal(Money.Of(1600m + 100), l.TotalExpenditure);    // 1700.00
        Assert.Equal(Money.Of(2200m - 1700), l.BalanceBeforeSurplus); // 500.00
        Assert.Equal(Money.Zero, l.SurplusRefunded);
        Assert.Equal(Money.Of(500m), l.Balance);

        // Split pro rata: fee part round(500 × (0 − 0) / (0 − 0 + 2200)) = 0.00; the subsidy part 500.00 is kept.
        Assert.Equal((Money.Of(500m), Money.Zero), (l.SubsidyPart, l.SubsidyReturned));
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(800m + 480 + 320), Money.Sum(R.Staff.Select(s => s.Net)));
        Assert.Equal(Money.Of(100m), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void NothingIsReported() => Samples.AssertFindingCodes(R);
}
