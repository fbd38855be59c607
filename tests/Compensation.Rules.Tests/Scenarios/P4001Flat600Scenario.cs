using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/p4-001-flat-600: seed 001 篇四 (600 a term, 困难家庭 waivers, withdrawal settled by the
/// days served, 结余清退), staff paid 20 a lesson (篇三). Amounts worked out by hand in that folder's
/// README.md.
/// </summary>
public sealed class P4001Flat600Scenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("p4-001-flat-600"));

    private static SettlementResult R => Settled.Value;

    // ---- Fees and waivers ----

    [Fact]
    public void EveryStudent_IsCharged600()
    {
        Assert.All(R.Families, f => Assert.Equal(Money.Of(600m * 5 / 5 * 20 / 20), f.Charged)); // 600.00
    }

    [Fact]
    public void HalfWaivedFamily_Pays300()
    {
        var s04 = R.Family("S04");
        Assert.Equal(Money.Round(600m * 50 / 100), s04.Waived);     // 300.00
        Assert.Equal(Money.Of(600m - 300), s04.Payable);            // 300.00
    }

    [Fact]
    public void FullyWaivedFamily_PaysNothingAndGetsNoSurplus()
    {
        var s05 = R.Family("S05");
        Assert.Equal(Money.Round(600m * 100 / 100), s05.Waived);    // 600.00
        Assert.Equal(Money.Zero, s05.Payable);
        Assert.Equal(Money.Zero, Samples.Refunded(s05, RefundKind.Surplus)); // weight 0 → 800 × 0/2400 = 0.00
        Assert.Equal(Money.Zero, s05.Net);
        Assert.Equal(Money.Zero, s05.Balance);
    }

    // ---- Withdrawal (篇四 须知2) ----

    [Fact]
    public void WithdrawalAfterMarch28_RefundsTheTenServiceDaysNotServed()
    {
        var s06 = R.Family("S06");
        // After 03-28: 03-29 (make-up), 03-31, 04-01, 04-02, 04-03, 04-07 … 04-11 = 10 days (04-04 holiday).
        var withdrawal = Assert.Single(s06.Refunds, r => r.Kind == RefundKind.Withdrawal);
        Assert.Equal(10, withdrawal.Days);
        Assert.Equal(Money.Round(600m * 10 / 20), withdrawal.Amount); // 300.00
    }

    [Fact]
    public void LeaveDays_AreNotRefundedUnderThisPlan()
    {
        var s03 = R.Family("S03");                                    // leave 03-20, 03-21
        Assert.DoesNotContain(s03.Refunds, r => r.Kind == RefundKind.Absence);
        Assert.Equal(Money.Of(600m), s03.Payable);
    }

    // ---- 结余清退 ----

    [Fact]
    public void Surplus_IsRefundedProRataToWhatEachFamilyKeptPaying()
    {
        // Balance before surplus: 2700 − 300 − 1600 = 800.00; weights 600, 600, 600, 300, 0, 300 (Σ 2400).
        Assert.Equal(Money.Of(800m * 600 / 2400), Samples.Refunded(R.Family("S01"), RefundKind.Surplus)); // 200.00
        Assert.Equal(Money.Of(800m * 600 / 2400), Samples.Refunded(R.Family("S02"), RefundKind.Surplus)); // 200.00
        Assert.Equal(Money.Of(800m * 600 / 2400), Samples.Refunded(R.Family("S03"), RefundKind.Surplus)); // 200.00
        Assert.Equal(Money.Of(800m * 300 / 2400), Samples.Refunded(R.Family("S04"), RefundKind.Surplus)); // 100.00
        Assert.Equal(Money.Of(800m * 300 / 2400), Samples.Refunded(R.Family("S06"), RefundKind.Surplus)); // 100.00
        Assert.Equal(Money.Of(800m), Money.Sum(R.Families.Select(f => Samples.Refunded(f, RefundKind.Surplus))));
    }

    [Fact]
    public void FamilyBalances_AreWhatTheSchoolPaysBack()
    {
        Assert.Equal(Money.Of(600m - 200 - 600), R.Family("S01").Balance);       // net 400 − paid 600 = −200.00
        Assert.Equal(Money.Of(300m - 100 - 300), R.Family("S04").Balance);       // net 200 − paid 300 = −100.00
        var s06 = R.Family("S06");
        Assert.Equal(Money.Of(600m - 300 - 100), s06.Net);                      // 200.00
        Assert.Equal(Money.Of(600m - 300 - 100 - 600), s06.Balance);            // −400.00
    }

    // ---- Staff: 20 a lesson ----

    [Fact]
    public void Teachers_ArePaid20ALesson()
    {
        Assert.Equal(Money.Of(20 * 20m), R.StaffMember("T01").Net); // 20 × 20 = 400.00
        Assert.Equal(Money.Of(12 * 20m), R.StaffMember("T02").Net); // 12 × 20 = 240.00
        Assert.Equal(Money.Of(8 * 20m), R.StaffMember("T03").Net);  // 8 × 20 = 160.00
        Assert.Equal(Money.Of(12 * 20m), Samples.InMonth(R.StaffMember("T01"), 2025, 3).LessonPay); // 240.00
        Assert.Equal(Money.Of(8 * 20m), Samples.InMonth(R.StaffMember("T01"), 2025, 4).LessonPay);  // 160.00
    }

    // ---- Ledger ----

    [Fact]
    public void Ledger_RefundsTheWholeBalanceToFamilies()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(600m * 3 + 300 + 0 + 600), Samples.Line(l.Income, "fees")); // 2700.00
        Assert.Equal(Money.Of(300m), Samples.Line(l.Refunds, "withdrawal"));
        Assert.Equal(Money.Of(800m), Samples.Line(l.Expenditure, "lesson-pay"));
        Assert.Equal(Money.Of(400m), Samples.Line(l.Expenditure, "consumables"));
        Assert.Equal(Money.Of(300m), Samples.Line(l.Expenditure, "equipment"));
        Assert.Equal(Money.Of(100m), Samples.Line(l.Expenditure, "training"));
        Assert.Equal(Money.Of(2700m), l.TotalIncome);
        Assert.Equal(Money.Of(300m), l.TotalRefunds);
        Assert.Equal(Money.Of(800m + 400 + 300 + 100), l.TotalExpenditure);      // 1600.00
        Assert.Equal(Money.Of(2700m - 300 - 1600), l.BalanceBeforeSurplus);      // 800.00
        Assert.Equal(Money.Of(800m), l.SurplusRefunded);
        Assert.Equal(Money.Zero, l.Balance);
        Assert.Equal(Money.Of(600m * 3 + 300 + 600), l.CashReceived);            // 2700.00
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(400m + 240 + 160), Money.Sum(R.Staff.Select(s => s.Net)));
        Assert.Equal(Money.Of(400m + 300 + 100), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void NothingIsReported() => Samples.AssertFindingCodes(R);

    [Fact]
    public void WithoutAWithdrawalRule_TheWithdrawnFamilyPaysTheWholeTerm_AndTheAccountantIsWarned()
    {
        // The same term under the plan without refunds.withdrawal. S06's last day is 03-28: of its 20 service days
        // it served 03-17 … 03-28 (10); not served: the make-up day 03-29, 03-31 … 04-03 (4), 04-07 … 04-11 (5) = 10.
        var (policy, facts) = WithoutAWithdrawalRule();
        var r = Settler.Settle(policy, facts);

        Assert.Equal(Money.Zero, Samples.Refunded(r.Family("S06"), RefundKind.Withdrawal));
        var finding = Assert.Single(r.Findings, f => f.Code == "withdrawal-not-refunded");
        Assert.Equal((Severity.Warning, "S06"), (finding.Severity, finding.Subject));
        Assert.Contains("2025-03-29 至 2025-04-11 的 10 个服务日未服务", finding.Message.Zh);
    }

    /// <summary>The sample under its plan without refunds.withdrawal.</summary>
    internal static (Compensation.Rules.Policy.SchoolPolicy Policy, Compensation.Rules.Facts.TermFacts Facts) WithoutAWithdrawalRule()
    {
        var root = Samples.RepoRoot;
        var policy = Compensation.Rules.Policy.Loading.PolicyLoader.LoadFile(Path.Combine(root, "rules-samples", "p4-001-flat-600", "policy.yaml"));
        policy = policy with { Refunds = policy.Refunds with { Withdrawal = null } };
        var facts = Compensation.Rules.Facts.Loading.FactsLoader.LoadFolder(Path.Combine(root, "rules-samples", "p4-001-flat-600", "facts"));
        return (policy, facts);
    }
}
