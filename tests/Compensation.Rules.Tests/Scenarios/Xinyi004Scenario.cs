using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/xinyi-004: seed 004 新教〔2021〕92号 (建档立卡 and 低保 waived, §10; pay not below 60 a
/// lesson-hour, external staff by agreement, §11). The school's rate is 50 a lesson-hour of 40 minutes,
/// below the floor: reported, not changed. Fee assumed 500 a term. Amounts worked out by hand in that
/// folder's README.md.
/// </summary>
public sealed class Xinyi004Scenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("xinyi-004"));

    private static SettlementResult R => Settled.Value;

    // ---- Families (§10) ----

    [Fact]
    public void JiandangFamily_IsNeverCharged()
    {
        var s03 = R.Family("S03");                                  // 建档立卡 100 %
        Assert.Equal(Money.Of(500m), s03.Charged);
        Assert.Equal(Money.Round(500m * 100 / 100), s03.Waived);    // 500.00
        Assert.Equal(Money.Zero, s03.Payable);
        Assert.Equal(Money.Zero, s03.Balance);
    }

    [Fact]
    public void DibaoFamily_IsNeverCharged()
    {
        var s04 = R.Family("S04");                                  // 低保 100 %
        Assert.Equal(Money.Round(500m * 100 / 100), s04.Waived);    // 500.00
        Assert.Equal(Money.Zero, s04.Payable);
        Assert.Equal(Money.Zero, s04.Balance);
    }

    [Fact]
    public void ThreeDaysAWeekStudent_PaysThreeFifths()
    {
        var s05 = R.Family("S05");
        Assert.Equal(12, s05.ServiceDays);
        Assert.Equal(Money.Of(500m * 3 / 5 * 12 / 12), s05.Payable); // 300.00
    }

    [Fact]
    public void StudentJoiningOnMarch24_PaysFifteenTwentiethsOfTheFee()
    {
        var s06 = R.Family("S06");
        Assert.Equal(20 - 5, s06.ServiceDays);                      // D = 15
        Assert.Equal(Money.Of(500m * 5 / 5 * 15 / 20), s06.Charged); // 375.00
        Assert.Equal(Money.Zero, s06.Balance);                      // paid 375
    }

    // ---- Pay (§11) ----

    [Fact]
    public void RateBelowTheFloorOf60_IsReportedButPaidAsTheSchoolSetIt()
    {
        // Per teacher and month: shortfall = 60 × lesson-hours (40 minutes) − lesson pay.
        var shortfalls = R.Findings.Where(f => f.Code == "pay-below-floor").Select(f => (f.Subject, f.Severity, Month: f.Message.Zh[..7], Shortfall: f.Message.Zh[(f.Message.Zh.IndexOf("差额 ", StringComparison.Ordinal) + 3)..].Split('，')[0])).OrderBy(f => f.Subject).ThenBy(f => f.Month).ToList();
        Assert.Equal(
            [
                ("T01", Severity.Warning, "2025-03", Money.Of(60m * 7 - 7 * 50).ToString()),          // 420 − 350 = 70.00
                ("T01", Severity.Warning, "2025-04", Money.Of(60m * 5 - 5 * 50).ToString()),          // 300 − 250 = 50.00
                ("T02", Severity.Warning, "2025-03", Money.Of(60m * 5 * 60 / 40 - 5 * 75).ToString()), // 450 − 375 = 75.00
                ("T02", Severity.Warning, "2025-04", Money.Of(60m * 3 * 60 / 40 - 3 * 75).ToString()), // 270 − 225 = 45.00
            ], shortfalls);
        var t01 = R.StaffMember("T01");                             // 12 lessons of 40 minutes = 12 lesson-hours
        Assert.Equal(12m * 40 / 40, t01.LessonUnits);
        Assert.Equal(Money.Of(12 * 50m), t01.LessonPay);            // 12 × 50 = 600.00 (at the floor it would be 720.00)
        Assert.Equal(Money.Of(7 * 50m), Samples.InMonth(t01, 2025, 3).LessonPay); // 350.00
        Assert.Equal(Money.Of(5 * 50m), Samples.InMonth(t01, 2025, 4).LessonPay); // 250.00
    }

    [Fact]
    public void SixtyMinuteClubSession_CountsOneAndAHalfLessonHours()
    {
        var t02 = R.StaffMember("T02");                             // 8 sessions of 60 minutes
        Assert.Equal(8 * (60m / 40), t02.LessonUnits);              // 8 × 1.5 = 12
        Assert.Equal(Money.Of(8 * (50m * 60 / 40)), t02.LessonPay); // 8 × 75 = 600.00
        Assert.Equal(Money.Of(5 * 75m), Samples.InMonth(t02, 2025, 3).LessonPay); // 375.00
        Assert.Equal(Money.Of(3 * 75m), Samples.InMonth(t02, 2025, 4).LessonPay); // 225.00
    }

    [Fact]
    public void ExternalCoach_IsPaidHisAgreement()
    {
        var x01 = R.StaffMember("X01");
        Assert.True(x01.External);
        Assert.Equal(Money.Of(300m), x01.ExternalPay);
        Assert.Equal(Money.Zero, x01.LessonPay);
        Assert.Equal(Money.Of(300m), x01.Net);
        Assert.Equal(Money.Of(300m), Samples.Line(R.Ledger.Expenditure, "external-staff"));
    }

    // ---- Ledger ----

    [Fact]
    public void Ledger_KeepsWhatIsLeftOfTheFees()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(500m + 500 + 0 + 0 + 300 + 375), Samples.Line(l.Income, "fees")); // 1675.00
        Assert.Equal(Money.Of(600m + 600), Samples.Line(l.Expenditure, "lesson-pay"));           // 1200.00
        Assert.Equal(Money.Of(75m), Samples.Line(l.Expenditure, "consumables"));
        Assert.Equal(Money.Of(1675m), l.TotalIncome);
        Assert.Equal(Money.Zero, l.TotalRefunds);
        Assert.Equal(Money.Of(1200m + 300 + 75), l.TotalExpenditure);                           // 1575.00
        Assert.Equal(Money.Of(1675m - 1575), l.Balance);                                         // 100.00
        Assert.Equal(Money.Of(500m + 500 + 300 + 375), l.CashReceived);                          // 1675.00
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(600m + 600 + 300), Money.Sum(R.Staff.Select(s => s.Net)));
        Assert.Equal(Money.Of(75m), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void OnlyThePayFloorBreachIsReported() => Samples.AssertFindingCodes(R, "pay-below-floor");
}
