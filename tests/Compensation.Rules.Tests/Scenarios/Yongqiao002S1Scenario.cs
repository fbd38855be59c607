using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/yongqiao-002-s1: seed 002 课后服务实施方案1 (埇桥). Every expected amount is worked out
/// by hand in that folder's README.md from the plan and docs/settlement-arithmetic.md.
/// Term: 20 service days (March 12, April 8); holiday 04-04; make-up day 03-29 as Friday.
/// </summary>
public sealed class Yongqiao002S1Scenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("yongqiao-002-s1"));

    private static SettlementResult R => Settled.Value;

    // ---- Families (002 §1 一(一)) ----

    [Fact]
    public void FullWeekStudent_PaysTheWholeCappedFeeOf350()
    {
        var s01 = R.Family("S01");
        Assert.Equal(20, s01.ServiceDays);
        Assert.Equal(Money.Of(350m * 5 / 5 * 20 / 20), s01.Charged); // 350 × 5/5 × 20/20 = 350.00
        Assert.Equal(Money.Zero, s01.CapReduction);                   // clamp false, and 350 ≤ cap 350
        Assert.Equal(Money.Of(350m), s01.Payable);
        Assert.Equal(Money.Zero, s01.Balance);                        // paid 350
    }

    [Fact]
    public void ThreeDaysAWeekStudent_PaysThreeFifthsOfTheFee()
    {
        var s03 = R.Family("S03");
        Assert.Equal(12, s03.ServiceDays);                           // 4 Mon + 4 Wed + 4 Fri (incl. make-up 03-29)
        Assert.Equal(Money.Of(350m * 3 / 5), s03.Charged);           // 350 × 3/5 × 12/12 = 210.00
        Assert.Equal(Money.Zero, s03.CapReduction);                  // cap 350 × 3/5 = 210.00
        Assert.Equal(Money.Of(210m), s03.Payable);
        Assert.Equal(Money.Zero, s03.Balance);                       // paid 210
    }

    [Fact]
    public void HardshipFamily_IsNeverCharged()
    {
        var s04 = R.Family("S04");                                   // 低保, waiver 100 %
        Assert.Equal(Money.Of(350m), s04.Charged);
        Assert.Equal(Money.Of(350m * 100 / 100), s04.Waived);        // round(350 × 100/100) = 350.00
        Assert.Equal(Money.Zero, s04.Payable);                       // 350 − 0 − 350 = 0.00
        Assert.Equal(Money.Zero, s04.Net);
        Assert.Equal(Money.Zero, s04.Paid);
        Assert.Equal(Money.Zero, s04.Balance);
    }

    [Fact]
    public void PartialHardshipWaiver_TakesHalfOffTheFee()
    {
        var s05 = R.Family("S05");                                   // 家庭经济困难, waiver 50 %
        Assert.Equal(Money.Of(350m * 50 / 100), s05.Waived);         // round(350 × 50/100) = 175.00
        Assert.Equal(Money.Of(175m), s05.Payable);                   // 350 − 175 = 175.00
        Assert.Equal(Money.Zero, s05.Balance);                       // paid 175
    }

    [Fact]
    public void SixServiceDaysOfLeaveAcrossTheHoliday_AreRefunded()
    {
        var s06 = R.Family("S06");
        // 03-31, 04-01, 04-02, 04-03, (04-04 holiday skipped), 04-07, 04-08 = 6 days ≥ min_weeks 1 × 5 days a week.
        var refund = Assert.Single(s06.Refunds);
        Assert.Equal(RefundKind.Absence, refund.Kind);
        Assert.Equal(6, refund.Days);
        Assert.Equal(new DateOnly(2025, 3, 31), refund.From);
        Assert.Equal(new DateOnly(2025, 4, 8), refund.To);
        Assert.Equal(Money.Round(350m * 6 / 20), refund.Amount);     // round(350 × 6/20) = 105.00
        Assert.Equal(Money.Of(245m), s06.Net);                       // 350 − 105 = 245.00
        Assert.Equal(Money.Of(350m), s06.Paid);
        Assert.Equal(Money.Of(-105m), s06.Balance);                  // 245 − 350 = −105.00: the school pays back
    }

    [Fact]
    public void FourDaysAbsentBetweenAMondayAndAMakeupDayAttended_AreNotAWeek()
    {
        // Absent Tue 03-25 … Fri 03-28: 4 days < 1 week × 5, and the week of 03-24 is not whole: Mon 03-24 and the
        // make-up Saturday 03-29 (Friday's timetable, a service day of that week) were attended.
        var s07 = R.Family("S07");
        Assert.Empty(s07.Refunds);
        Assert.Equal(Money.Of(350m), s07.Net);
        Assert.Equal(Money.Zero, s07.Balance);
    }

    [Fact]
    public void NoFeeIsAboveTheCap()
    {
        Assert.All(R.Families, f => Assert.Equal(Money.Zero, f.CapReduction));
        Assert.Equal(Money.Of(350m + 350 + 210 + 0 + 175 + 350 + 350), Money.Sum(R.Families.Select(f => f.Payable))); // 1785.00
    }

    // ---- Pool pay (002 §1 二(三)2) and ceiling (二(一)) ----

    [Fact]
    public void Pool_IsFeesKeptLessGuardStipendsConsumablesAndVenue_SharedOverFortyLessons()
    {
        // pool = (1785 − 105) − 20 × 30 − (50 + 30) = 1000.00; 1000 ÷ 40 lessons = 25.00 a lesson.
        Assert.Equal(Money.Of(1785m - 105 - 20 * 30 - (50 + 30)), Money.Sum(R.Staff.Select(s => s.LessonPay)));
        Assert.Equal(40, R.Staff.Sum(s => s.Lessons));
        Assert.Equal(Money.Of(20 * 25m), R.StaffMember("T01").LessonPay); // 20 × 25 = 500.00
        Assert.Equal(Money.Of(12 * 25m), R.StaffMember("T02").LessonPay); // 12 × 25 = 300.00
        Assert.Equal(Money.Of(8 * 25m), R.StaffMember("T03").LessonPay);  // 8 × 25 = 200.00
    }

    [Fact]
    public void PoolValueOf25ALesson_StaysUnderTheCeilingOf60()
    {
        var t01 = R.StaffMember("T01");
        Assert.True(t01.LessonPay.Yuan / t01.Lessons <= 60m);        // 500 ÷ 20 = 25 ≤ 60
        Assert.DoesNotContain(R.Findings, f => f.Code == "pay-above-ceiling");
    }

    [Fact]
    public void Guard_IsPaid30ADayOnDuty()
    {
        var g01 = R.StaffMember("G01");
        Assert.Equal(Money.Of(20 * 30m), g01.Stipends);             // 20 days × 30 = 600.00
        Assert.Equal(Money.Of(12 * 30m), Samples.InMonth(g01, 2025, 3).StipendTotal); // 12 × 30 = 360.00
        Assert.Equal(Money.Of(8 * 30m), Samples.InMonth(g01, 2025, 4).StipendTotal);  // 8 × 30 = 240.00
        Assert.Equal(Money.Of(600m), g01.Net);
    }

    [Fact]
    public void DutyLeaderAdminDutyAndSupportStaff_AreNotPaidInThisSchool()
    {
        // 值班领导、勤杂人员每人每天0元; 行政值班每人每天0元.
        Assert.Equal(Money.Zero, R.StaffMember("L01").Net);          // 4 × 0 + 4 × 0 = 0.00
        Assert.Equal(Money.Zero, R.StaffMember("Q01").Net);          // 4 × 0 = 0.00
    }

    // ---- Deductions (002 §1 二(四)), counted per month ----

    [Fact]
    public void ThreeLateArrivalsInMarch_CostHalfOfMarchPay()
    {
        var march = Samples.InMonth(R.StaffMember("T01"), 2025, 3);
        Assert.Equal(Money.Of(12 * 25m), march.DeductionBase);       // 12 lessons × 25 = 300.00
        var line = Assert.Single(march.Deductions, d => d.RuleId == "lateness"); // greater-of: 150.00 ≥ the named lessons' 3 × 25 = 75.00, so it replaces their lines
        Assert.Equal((decimal?)50m, line.Percent);
        Assert.Equal(Money.Of(300m * 50 / 100), line.Amount);        // 300 × 50/100 = 150.00 (not 3 × 25 = 75.00)
        Assert.Equal(Money.Of(150m), march.DeductionTotal);
        Assert.Equal(Money.Of(150m), march.Net);                     // 300 − 150 = 150.00
    }

    [Fact]
    public void LateArrivalsInMarch_DoNotTouchAprilPay()
    {
        var t01 = R.StaffMember("T01");
        Assert.Equal(Money.Zero, Samples.InMonth(t01, 2025, 4).DeductionTotal);
        Assert.Equal(Money.Of(8 * 25m), Samples.InMonth(t01, 2025, 4).Net); // 8 × 25 = 200.00
        Assert.Equal(Money.Of(500m - 150), t01.Net);                 // 500 − 150 = 350.00
    }

    [Fact]
    public void NoShow_LosesThatLessonsPay()
    {
        var march = Samples.InMonth(R.StaffMember("T02"), 2025, 3);
        Assert.Equal(Money.Of(7 * 25m), march.DeductionBase);        // 7 × 25 = 175.00
        Assert.Equal(Money.Of(1 * 25m), Samples.Deducted(march, "no-show")); // lesson L0326-2: 25.00
        Assert.Equal(Money.Of(175m - 25), march.Net);                // 150.00
    }

    [Fact]
    public void OneLateArrival_LosesTheNamedLessonsPay()
    {
        var t02 = R.StaffMember("T02");
        var april = Samples.InMonth(t02, 2025, 4);
        Assert.Equal(Money.Of(1 * 25m), Samples.Deducted(april, "lateness")); // 04-08 names L0408-2 (当节): 25.00
        Assert.Equal(Money.Of(5 * 25m - 25), april.Net);             // 125 − 25 = 100.00
        Assert.Equal(Money.Of(300m - 25 - 25), t02.Net);             // 300 − 50 = 250.00
    }

    [Fact]
    public void PerfunctoryWorkDecidedAt20Percent_Costs20PercentOfMarch()
    {
        var march = Samples.InMonth(R.StaffMember("T03"), 2025, 3);
        Assert.Equal(Money.Of(5 * 25m), march.DeductionBase);        // 5 × 25 = 125.00
        Assert.Equal(Money.Round(125m * 20 / 100), Samples.Deducted(march, "perfunctory")); // 125 × 20/100 = 25.00
    }

    [Fact]
    public void OneHandoverViolation_Costs10PercentOfApril()
    {
        var t03 = R.StaffMember("T03");
        var april = Samples.InMonth(t03, 2025, 4);
        Assert.Equal(Money.Of(3 * 25m), april.DeductionBase);        // 3 × 25 = 75.00
        Assert.Equal(Money.Of(7.50m), Samples.Deducted(april, "handover")); // 75 × 10/100 = 7.50
        Assert.Equal(Money.Of(200m - 25 - 7.50m), t03.Net);          // 200 − 32.50 = 167.50
        Assert.Equal(Money.Of(32.50m), t03.Deductions);
    }

    // ---- Ledger ----

    [Fact]
    public void Ledger_ShowsFeesRefundsPoolPayStipendsDeductionsAndExpenses()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(1785m), Samples.Line(l.Income, "fees"));
        Assert.Equal(Money.Of(105m), Samples.Line(l.Refunds, "absence"));
        Assert.Equal(Money.Of(1000m), Samples.Line(l.Expenditure, "lesson-pay"));
        Assert.Equal(Money.Of(600m), Samples.Line(l.Expenditure, "stipends"));     // guard 20 × 30; other duties × 0
        Assert.Equal(Money.Of(-232.50m), Samples.Line(l.Expenditure, "deductions")); // 150 + 25 + 25 + 25 + 7.50
        Assert.Equal(Money.Of(50m), Samples.Line(l.Expenditure, "consumables"));
        Assert.Equal(Money.Of(30m), Samples.Line(l.Expenditure, "venue"));
        Assert.Equal(Money.Of(1785m), l.TotalIncome);
        Assert.Equal(Money.Of(105m), l.TotalRefunds);
        Assert.Equal(Money.Of(1000m + 600 - 232.50m + 50 + 30), l.TotalExpenditure); // 1447.50
        Assert.Equal(Money.Of(1785m - 105 - 1447.50m), l.BalanceBeforeSurplus);       // 232.50
        Assert.Equal(Money.Zero, l.SurplusRefunded);                                  // surplus: keep
        Assert.Equal(Money.Of(232.50m), l.Balance);
        Assert.Equal(Money.Of(350m + 350 + 210 + 175 + 350 + 350), l.CashReceived);   // 1785.00
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(350m + 250 + 167.50m + 600 + 0 + 0), Money.Sum(R.Staff.Select(s => s.Net))); // 1367.50
        Assert.Equal(Money.Of(50m + 30), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void NothingIsReported() => Samples.AssertFindingCodes(R);

    [Fact]
    public void DaysAttended_AreTheServiceDaysLessTheDaysMissed()
    {
        var r = Settled.Value;
        Assert.Equal(20 - 6, r.Family("S06").DaysAttended); // 20 service days, 6 on leave (03-31 … 04-08)
        Assert.Equal(20 - 4, r.Family("S07").DaysAttended); // 4 absent 03-25 … 03-28
        Assert.Equal(12, r.Family("S03").DaysAttended);     // Mon, Wed, Fri: 12 service days, none missed
    }
}
