using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/s7-002-per-lesson-hour: seed 002 课后服务实施方案7 (午托: 3 lesson-hours a day at 3 yuan,
/// per-student subsidy 60 first, monthly prepayments 72 and 48, 多还少补 at term end); staff 12 a
/// lesson-hour of 40 minutes, 140-minute sessions. Amounts worked out by hand in that folder's README.md.
/// </summary>
public sealed class S7002PerLessonHourScenario
{
    private const decimal PerDay = 3m * 3; // 3 yuan × 3 lesson-hours = 9 yuan a day attended

    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("s7-002-per-lesson-hour"));

    private static SettlementResult R => Settled.Value;

    // ---- Families ----

    [Fact]
    public void FullAttendance_IsChargedNineADay_AndSettlesToZero()
    {
        var s01 = R.Family("S01");
        Assert.Equal(20, s01.DaysAttended);
        Assert.Equal(Money.Of(PerDay * 12), Samples.InMonth(s01, 2025, 3).Amount); // 9 × 12 = 108.00
        Assert.Equal(Money.Of(PerDay * 8), Samples.InMonth(s01, 2025, 4).Amount);  // 9 × 8 = 72.00
        Assert.Equal(Money.Of(108m + 72), s01.Charged);             // 180.00
        Assert.Equal(Money.Of(60m), s01.Subsidy);                   // min(180, 60)
        Assert.Equal(Money.Of(180m - 60), s01.Payable);             // 120.00
        Assert.Equal(Money.Of(72m + 48), s01.Paid);                 // 120.00
        Assert.Equal(Money.Zero, s01.Balance);
    }

    [Fact]
    public void SubsidyComesFirst_ForEveryStudent()
    {
        Assert.All(R.Families, f => Assert.Equal(Money.Of(60m), f.Subsidy));
        Assert.All(R.Families, f => Assert.Equal(Money.Zero, f.CapReduction)); // rate 3 ≤ cap 3
        Assert.Equal(Money.Of(8 * 60m), Samples.Line(R.Ledger.Income, "subsidies")); // 480.00
    }

    [Fact]
    public void TwoDaysOfLeave_AreNotChargedAndComeBackAtTermEnd()
    {
        var s02 = R.Family("S02");
        Assert.Equal(Money.Of(PerDay * (12 - 2)), Samples.InMonth(s02, 2025, 3).Amount); // 9 × 10 = 90.00
        Assert.Equal(Money.Of(90m + 72), s02.Charged);              // 162.00
        Assert.Equal(Money.Of(162m - 60), s02.Payable);             // 102.00
        Assert.Equal(Money.Of(102m - 120), s02.Balance);            // −18.00: paid back
    }

    [Fact]
    public void AWeekOfLeaveInApril_IsPaidBackAtTermEnd()
    {
        var s03 = R.Family("S03");
        Assert.Equal(Money.Of(PerDay * (8 - 5)), Samples.InMonth(s03, 2025, 4).Amount); // 9 × 3 = 27.00
        Assert.Equal(Money.Of(108m + 27 - 60), s03.Payable);        // 75.00
        Assert.Equal(Money.Of(75m - 120), s03.Balance);             // −45.00
    }

    [Fact]
    public void MissingAprilPrepayment_IsOwedAtTermEnd()
    {
        var s04 = R.Family("S04");
        Assert.Equal(Money.Of(120m), s04.Payable);                  // 180 − 60
        Assert.Equal(Money.Of(72m), s04.Paid);
        Assert.Equal(Money.Of(120m - 72), s04.Balance);             // +48.00: the family still owes
    }

    [Fact]
    public void ShortPaymentLessAnAbsentDay_IsOwedAtTermEnd()
    {
        var s05 = R.Family("S05");
        Assert.Equal(Money.Of(PerDay * 7), Samples.InMonth(s05, 2025, 4).Amount); // absent 04-02: 9 × 7 = 63.00
        Assert.Equal(Money.Of(108m + 63 - 60), s05.Payable);        // 111.00
        Assert.Equal(Money.Of(72m + 28), s05.Paid);                 // 100.00
        Assert.Equal(Money.Of(111m - 100), s05.Balance);            // +11.00
    }

    [Fact]
    public void LateJoiner_IsChargedOnlyFromTheDayOfJoining()
    {
        var s06 = R.Family("S06");                                  // start 03-31
        Assert.Equal(9, s06.ServiceDays);                           // 03-31 + 8 April days
        Assert.Equal(Money.Of(PerDay * 1), Samples.InMonth(s06, 2025, 3).Amount); // 9.00
        Assert.Equal(Money.Of(9m + 72), s06.Charged);               // 81.00
        Assert.Equal(Money.Of(81m - 60), s06.Payable);              // 21.00
        Assert.Equal(Money.Zero, s06.Balance);                      // paid 21
    }

    [Fact]
    public void LeaveThatIncludesTheMakeupDay_IsNotCharged()
    {
        var s08 = R.Family("S08");                                  // leave 03-24 … 03-29 (6 days)
        Assert.Equal(20 - 6, s08.DaysAttended);
        Assert.Equal(Money.Of(PerDay * (12 - 6)), Samples.InMonth(s08, 2025, 3).Amount); // 9 × 6 = 54.00
        Assert.Equal(Money.Of(54m + 72 - 60), s08.Payable);         // 66.00
        Assert.Equal(Money.Of(66m - 120), s08.Balance);             // −54.00
    }

    [Fact]
    public void TermTotals_AddUpFamilyByFamily()
    {
        Assert.Equal(Money.Of(180m + 162 + 135 + 180 + 171 + 81 + 180 + 126), Money.Sum(R.Families.Select(f => f.Charged))); // 1215.00
        Assert.Equal(Money.Of(1215m - 480), Money.Sum(R.Families.Select(f => f.Payable)));                                 // 735.00
        Assert.Equal(Money.Of(5 * 120m + 72 + 100 + 21), Money.Sum(R.Families.Select(f => f.Paid)));                      // 793.00
        Assert.Equal(Money.Of(0m - 18 - 45 + 48 + 11 + 0 + 0 - 54), Money.Sum(R.Families.Select(f => f.Balance)));         // −58.00
    }

    // ---- Staff: 12 a lesson-hour of 40 minutes ----

    [Fact]
    public void AMiddaySessionOf140Minutes_IsPaidThreeAndAHalfLessonHours()
    {
        var t01 = R.StaffMember("T01");
        Assert.Equal(8, t01.Lessons);
        Assert.Equal(8 * (140m / 40), t01.LessonUnits);             // 8 × 3.5 = 28
        // One session: round(12 × 140/40) = 12 × 3.5 = 42.00.
        Assert.Equal(Money.Of(5 * 42m), Samples.InMonth(t01, 2025, 3).LessonPay); // 210.00
        Assert.Equal(Money.Of(3 * 42m), Samples.InMonth(t01, 2025, 4).LessonPay); // 126.00
        Assert.Equal(Money.Of(8 * 42m), t01.Net);                   // 336.00
        Assert.Equal(Money.Of(8 * 42m), R.StaffMember("T02").Net);  // 336.00
        Assert.Equal(Money.Of(4 * 42m), R.StaffMember("T03").Net);  // 168.00
    }

    // ---- Ledger ----

    [Fact]
    public void Ledger_HasFeesAndSubsidiesAsIncome_AndKeepsTheBalance()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(735m), Samples.Line(l.Income, "fees"));
        Assert.Equal(Money.Of(480m), Samples.Line(l.Income, "subsidies"));
        Assert.Equal(Money.Of(735m + 480), l.TotalIncome);                          // 1215.00
        Assert.Equal(Money.Zero, l.TotalRefunds);
        Assert.Equal(Money.Of(20 * 42m), Samples.Line(l.Expenditure, "lesson-pay")); // 840.00
        Assert.Equal(Money.Of(100m), Samples.Line(l.Expenditure, "utilities"));
        Assert.Equal(Money.Of(60m), Samples.Line(l.Expenditure, "other"));
        Assert.Equal(Money.Of(840m + 100 + 60), l.TotalExpenditure);                // 1000.00
        Assert.Equal(Money.Of(1215m - 1000), l.Balance);                            // 215.00 kept
        Assert.Equal(Money.Zero, l.SurplusRefunded);

        // Split pro rata: fee part round(215 × (735 − 0) / (735 − 0 + 480)) = round(130.0617…) = 130.06;
        // subsidy part 215 − 130.06 = 84.94, kept in the fund.
        Assert.Equal((Money.Of(215m - 130.06m), Money.Zero), (l.SubsidyPart, l.SubsidyReturned));
        Assert.Equal(Money.Of(793m + 480), l.CashReceived);                         // 1273.00
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(336m + 336 + 168), Money.Sum(R.Staff.Select(s => s.Net)));
        Assert.Equal(Money.Of(100m + 60), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void NothingIsReported() => Samples.AssertFindingCodes(R);
}
