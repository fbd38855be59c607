using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets.Ledger;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>002 §1 一(二)(三): 公示课后服务费的收支情况; 专款专用.</summary>
public class LedgerRuleTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    private static IFact[] Term() =>
    [
        new TermInfo("2025S", "X", Day, new DateOnly(2025, 6, 27)),
        Given(new FeePayable("S1", Money.Of(600m), Money.Zero, Money.Zero, Money.Zero, Money.Of(600m), null, 0m), "waivers.hardship:S1"),
        Given(new FeePayable("S2", Money.Of(400m), Money.Zero, Money.Zero, Money.Zero, Money.Of(400m), null, 0m), "waivers.hardship:S2"),
        Given(new SubsidyShare("S1", Money.Of(50m)), "fees.subsidy-per-student:S1"),
        Given(new FundSubsidy(Money.Of(200m)), "fees.subsidy-fund:term"),
        Given(new FeeRefund("S1", FeeRefundKind.Absence, 5, Day, Day.AddDays(6), Money.Of(35.29m)), "refunds.absence:S1:2025-03-03"),
        Given(new FeeRefund("S2", FeeRefundKind.Withdrawal, 10, Day, Day.AddDays(13), Money.Of(100m)), "refunds.withdrawal:S2"),
        Given(new LessonPay("T1", "L1", Day, new Month(2025, 3), 1m, Money.Of(500m)), "pay.fixed-rate:L1"),
        Given(new StaffAccount("T1", [], Money.Zero, Money.Zero, Money.Zero, Money.Of(500m), Money.Of(30m), Money.Of(470m)), "pay.staff-account:T1"),
        Given(new StaffAccount("T2", [], Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero), "pay.staff-account:T2"),
        new Expense("X2", Day, "venue", Money.Of(20m), "p", ""),
        new Expense("X1", Day, "consumables", Money.Of(80m), "p", ""),
        new FamilyPayment("P1", "S1", Day, Money.Of(600m)),
        new SubsidyReceipt("R1", Day, Money.Of(250m), "county"),
    ];

    [Fact]
    public void TheLedger_HasALinePerSourceKindAndCategory_InTheOrderOfThePublicNotice()
    {
        var lines = Fire<LedgerEntry>(new FundLedgerRule(), Term()).OrderBy(e => e.Order).ToList();
        Assert.Equal(
            [
                ("fees", 1000m), ("subsidies", 250m), ("absence", 35.29m), ("withdrawal", 100m), ("lesson-pay", 500m), ("stipends", 0m),
                ("admin-duty", 0m), ("external-staff", 0m), ("awards", 0m), ("deductions", -30m), ("consumables", 80m), ("venue", 20m),
            ],
            lines.Select(e => (e.Category, e.Amount.Yuan)));
        Assert.Equal(["fees.subsidy-per-student:S1", "fees.subsidy-fund:term"], lines[1].Provenance.SourceIds);
        Assert.Equal(["pay.staff-account:T1"], lines[9].Provenance.SourceIds);
    }

    [Fact]
    public void TheBalance_IsIncomeLessRefundsLessSpending()
    {
        // income 600 + 400 + 50 + 200 = 1250.00; refunds 35.29 + 100 = 135.29;
        // spending 500 − 30 (deductions kept back) + 80 + 20 = 570.00; balance 1250 − 135.29 − 570 = 544.71.
        // Cash received: 600.00 from families + 250.00 of subsidy = 850.00.
        var b = Fire<FundBalance>(new FundLedgerRule(), Term()).Single();
        Assert.Equal((1250m, 135.29m, 570m, 544.71m, 850m), (b.Income.Yuan, b.Refunds.Yuan, b.Expenditure.Yuan, b.Balance.Yuan, b.CashReceived.Yuan));
        Assert.Equal("收入 1250.00 − 退费 135.29 − 支出 570.00 = 结余 544.71", b.Provenance.Explanation.Zh);
        Assert.Equal(12, b.Provenance.SourceIds.Count);
    }

    [Fact]
    public void SpendingAboveIncome_IsAnError()
    {
        // income 1000 − refunds 100 − spending 1200 = −300.00.
        var b = Given(new FundBalance(Money.Of(1000m), Money.Of(100m), Money.Of(1200m), Money.Of(-300m), Money.Zero), "ledger.fund:term");
        var finding = Fire<FindingFact>(new EarmarkedFundRule(), b).Single();
        Assert.Equal(("spending-above-income", Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal("支出超过收入 300.00（收入 1000.00，退费 100.00，支出 1200.00）", finding.Message.Zh);
    }

    [Fact]
    public void ABalanceOfZero_IsNoFinding()
    {
        var b = Given(new FundBalance(Money.Of(1000m), Money.Zero, Money.Of(1000m), Money.Zero, Money.Zero), "ledger.fund:term");
        Assert.Empty(Fire<FindingFact>(new EarmarkedFundRule(), b));
    }
}
