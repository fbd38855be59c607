using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Refunds;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

public class RefundRuleTests
{
    // Mon 2025-03-03 … Fri 2025-03-21, with Wed 2025-03-12 a holiday: 14 service days.
    private static readonly ServiceCalendar Calendar = new(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 21),
        [new CalendarException(new DateOnly(2025, 3, 12), CalendarDayKind.Holiday, null, "")]);

    private static StudentSchedule Schedule()
    {
        var days = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, Calendar.End);
        return Given(new StudentSchedule("S1", 5, days.Count, days, days, null), "fees.schedule:S1");
    }

    private static StudentAbsences Absent(params int[] daysOfMarch) =>
        Given(new StudentAbsences("S1", daysOfMarch.Select(d => new AttendanceMark("S1", new DateOnly(2025, 3, d), AttendanceStatus.Absent)).ToList()), "fees.absences:S1");

    [Fact]
    public void AbsenceOfSixServiceDaysAcrossAHoliday_IsOneSpellOfSixDays()
    {
        // Mar 10, 11, (12 holiday), 13, 14, 17, 18: six service days in a row.
        var spell = Fire<AbsenceSpell>(new AbsenceSpellRule(new AbsenceRefundPolicy { MinServiceDays = 6 }), Absent(10, 11, 13, 14, 17, 18), Schedule()).Single();
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 18), 6), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AbsenceOfFiveServiceDays_IsNoSpell() =>
        Assert.Empty(Fire<AbsenceSpell>(new AbsenceSpellRule(new AbsenceRefundPolicy { MinServiceDays = 6 }), Absent(10, 11, 13, 14, 17), Schedule()));

    [Fact]
    public void ADayPresentInTheMiddle_BreaksTheSpell() =>
        Assert.Empty(Fire<AbsenceSpell>(new AbsenceSpellRule(new AbsenceRefundPolicy { MinServiceDays = 6 }), Absent(3, 4, 5, 7, 10, 11, 13), Schedule()));

    [Fact]
    public void LeaveDoesNotCount_WhenThePlanCountsOnlyAbsence()
    {
        var marks = Given(new StudentAbsences("S1", new[] { 3, 4, 5, 6, 7, 10 }
            .Select(d => new AttendanceMark("S1", new DateOnly(2025, 3, d), d == 5 ? AttendanceStatus.Leave : AttendanceStatus.Absent)).ToList()), "fees.absences:S1");
        Assert.Empty(Fire<AbsenceSpell>(new AbsenceSpellRule(new AbsenceRefundPolicy { MinServiceDays = 6, Statuses = ["absent"] }), marks, Schedule()));
    }

    [Fact]
    public void AbsenceOfSixServiceDays_RefundsSixDaysAtTheDailyRate()
    {
        var spell = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 18), 6), "refunds.absence-spell:S1:2025-03-10");
        var payable = Given(new FeePayable("S1", Money.Of(350m), Money.Zero, Money.Zero, Money.Zero, Money.Of(350m), null, 0m), "waivers.hardship:S1");
        var refund = Fire<FeeRefund>(new AbsenceRefundRule(), spell, payable, Schedule()).Single();
        Assert.Equal(Money.Of(150m), refund.Amount); // 350 × 6 / 14 = 150.00
    }

    [Fact]
    public void WithdrawalAfterTheFirstWeek_RefundsTheDaysNotServed()
    {
        var days = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, Calendar.End);
        var served = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, new DateOnly(2025, 3, 7));
        var schedule = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 7)), "fees.schedule:S1");
        var payable = Given(new FeePayable("S1", Money.Of(600m), Money.Zero, Money.Zero, Money.Zero, Money.Of(600m), null, 0m), "waivers.hardship:S1");
        var refund = Fire<FeeRefund>(new WithdrawalRefundRule(), payable, schedule).Single();
        Assert.Equal(9, refund.Days); // 14 service days − 5 served
        Assert.Equal(Money.Of(385.71m), refund.Amount); // 600 × 9 / 14 = 385.714… → 385.71
    }

    [Fact]
    public void AbsenceThenWithdrawal_NeverRefundMoreThanTheFamilyPays()
    {
        // P = 233.33, D = 12 service days (Mar 3–18), absent Mar 3–10 (6 days), withdrawn after Mar 10.
        // Rounded line by line: 233.33 × 6/12 = 116.665 → 116.67 twice = 233.34, a fen more than P.
        // Rounded cumulatively: absence round(233.33 × 6/12) = 116.67; withdrawal
        // round(233.33 × 12/12) − round(233.33 × 6/12) = 233.33 − 116.67 = 116.66; total 233.33 = P.
        var calendar = new ServiceCalendar(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 18), []);
        var days = calendar.StudentDays([1, 2, 3, 4, 5], calendar.Start, calendar.End);
        var served = calendar.StudentDays([1, 2, 3, 4, 5], calendar.Start, new DateOnly(2025, 3, 10));
        var schedule = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 10)), "fees.schedule:S1");
        var payable = Given(new FeePayable("S1", Money.Of(233.33m), Money.Zero, Money.Zero, Money.Zero, Money.Of(233.33m), null, 0m), "waivers.hardship:S1");
        var spell = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10), 6), "refunds.absence-spell:S1:2025-03-03");
        var absence = Fire<FeeRefund>(new AbsenceRefundRule(), spell, payable, schedule).Single();

        var schedule2 = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 10)), "fees.schedule:S1");
        var payable2 = Given(new FeePayable("S1", Money.Of(233.33m), Money.Zero, Money.Zero, Money.Zero, Money.Of(233.33m), null, 0m), "waivers.hardship:S1");
        var spell2 = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10), 6), "refunds.absence-spell:S1:2025-03-03");
        var withdrawal = Fire<FeeRefund>(new WithdrawalRefundRule(), spell2, payable2, schedule2).Single();

        Assert.Equal(Money.Of(116.67m), absence.Amount);
        Assert.Equal(Money.Of(116.66m), withdrawal.Amount);
        Assert.Equal(Money.Of(233.33m), absence.Amount + withdrawal.Amount);
    }
}
