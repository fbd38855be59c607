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
        var refund = Fire<FeeRefund>(new AbsenceRefundRule(new AbsenceRefundPolicy()), spell, payable, Schedule()).Single();
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
        var absence = Fire<FeeRefund>(new AbsenceRefundRule(new AbsenceRefundPolicy()), spell, payable, schedule).Single();

        var schedule2 = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 10)), "fees.schedule:S1");
        var payable2 = Given(new FeePayable("S1", Money.Of(233.33m), Money.Zero, Money.Zero, Money.Zero, Money.Of(233.33m), null, 0m), "waivers.hardship:S1");
        var spell2 = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10), 6), "refunds.absence-spell:S1:2025-03-03");
        var withdrawal = Fire<FeeRefund>(new WithdrawalRefundRule(), spell2, payable2, schedule2).Single();

        Assert.Equal(Money.Of(116.67m), absence.Amount);
        Assert.Equal(Money.Of(116.66m), withdrawal.Amount);
        Assert.Equal(Money.Of(233.33m), absence.Amount + withdrawal.Amount);
    }

    // 连续一周以上 under the default min_weeks: 1 (以上 includes the week itself). The calendar is
    // Mon 2025-03-03 … Fri 2025-03-28 (four school weeks) with the holidays each case names.
    private static readonly AbsenceRefundPolicy OneWeek = new();

    private static IReadOnlyList<AbsenceSpell> Spells(AbsenceRefundPolicy policy, int[] weekdays, int[] holidays, int[] absent)
    {
        var calendar = new ServiceCalendar(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28),
            holidays.Select(d => new CalendarException(new DateOnly(2025, 3, d), CalendarDayKind.Holiday, null, "")));
        var days = calendar.StudentDays(weekdays, calendar.Start, calendar.End);
        var schedule = Given(new StudentSchedule("S1", weekdays.Length, days.Count, days, days, null), "fees.schedule:S1");
        var marks = Given(new StudentAbsences("S1", absent.Select(d => new AttendanceMark("S1", new DateOnly(2025, 3, d), AttendanceStatus.Absent)).ToList()), "fees.absences:S1");
        return Fire<AbsenceSpell>(new AbsenceSpellRule(policy), marks, schedule);
    }

    private static readonly int[] FiveDays = [1, 2, 3, 4, 5];

    [Fact]
    public void FiveDayStudentAbsentMondayToFriday_IsAWeek()
    {
        // Mar 3–7: 5 days ≥ 1 week × 5 days a week.
        var spell = Spells(OneWeek, FiveDays, [], [3, 4, 5, 6, 7]).Single();
        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), 5), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AbsentTuesdayToTheNextMonday_IsAWeekOfFiveServiceDays()
    {
        // Tue 4, Wed 5, Thu 6, Fri 7, Mon 10: 5 service days across the weekend ≥ 5; no calendar week is whole.
        var spell = Spells(OneWeek, FiveDays, [], [4, 5, 6, 7, 10]).Single();
        Assert.Equal((new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 10), 5), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AbsentMondayToThursdayWithFridayAHoliday_IsAWeek()
    {
        // Week of Mar 10: Fri 14 is a holiday, so Mon 10–Thu 13 are all of that week's service days: 4 days, a whole calendar week.
        var spell = Spells(OneWeek, FiveDays, [14], [10, 11, 12, 13]).Single();
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 13), 4), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AbsentMondayToThursdayWithFridayAttended_IsNotAWeek() =>
        // Mon 10–Thu 13: 4 < 5 days, and Fri 14 (a service day, attended) is missing from the week.
        Assert.Empty(Spells(OneWeek, FiveDays, [], [10, 11, 12, 13]));

    [Fact]
    public void MondayWednesdayFridayStudentMissingTheirWholeWeek_IsAWeek()
    {
        // Timetable Mon/Wed/Fri: Mar 3, 5, 7 are 3 days ≥ 1 week × 3 days a week.
        var spell = Spells(OneWeek, [1, 3, 5], [], [3, 5, 7]).Single();
        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), 3), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AbsentThursdayAndFridayBeforeAWeekLongHoliday_IsNotAWeek() =>
        // Thu 13, Fri 14 missed; Mar 17–21 all holidays (no service day, skipped); back on Mon 24.
        // 2 < 5 days, and the week of Mar 10 is not whole (Mon 10–Wed 12 attended).
        Assert.Empty(Spells(OneWeek, FiveDays, [17, 18, 19, 20, 21], [13, 14]));

    [Fact]
    public void AHolidayWeekNeitherBreaksNorLengthensASpell()
    {
        // Thu 13, Fri 14, (Mar 17–21 holidays), Mon 24, Tue 25, Wed 26: 5 consecutive service days ≥ 5.
        var spell = Spells(OneWeek, FiveDays, [17, 18, 19, 20, 21], [13, 14, 24, 25, 26]).Single();
        Assert.Equal((new DateOnly(2025, 3, 13), new DateOnly(2025, 3, 26), 5), (spell.From, spell.To, spell.Days));
    }

    [Fact]
    public void AMakeupDayCountsInItsOwnWeek()
    {
        // Week of Mar 10: Fri 14 a holiday, Sat 15 a make-up day on Friday's timetable, so that week's service days
        // are Mon 10 – Thu 13 and Sat 15.
        var calendar = new ServiceCalendar(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28),
        [
            new CalendarException(new DateOnly(2025, 3, 14), CalendarDayKind.Holiday, null, ""),
            new CalendarException(new DateOnly(2025, 3, 15), CalendarDayKind.Makeup, 5, ""),
        ]);
        var days = calendar.StudentDays(FiveDays, calendar.Start, calendar.End);
        IReadOnlyList<AbsenceSpell> Missed(params int[] absent) => Fire<AbsenceSpell>(new AbsenceSpellRule(OneWeek),
            Given(new StudentAbsences("S1", absent.Select(d => new AttendanceMark("S1", new DateOnly(2025, 3, d), AttendanceStatus.Absent)).ToList()), "fees.absences:S1"),
            Given(new StudentSchedule("S1", 5, days.Count, days, days, null), "fees.schedule:S1"));

        // Mon 10 – Thu 13 missed, Sat 15 attended: 4 < 5 days, and the week is not whole.
        Assert.Empty(Missed(10, 11, 12, 13));

        // Mon 10 – Thu 13 and Sat 15 missed: 5 days ≥ 5, and the whole week.
        Assert.Equal(5, Missed(10, 11, 12, 13, 15).Single().Days);
    }

    [Fact]
    public void TwoWeeksAsked_NineDaysWithNoWholeWeekPair_IsNoSpell_TenDaysAre()
    {
        var twoWeeks = new AbsenceRefundPolicy { MinWeeks = 2 };

        // Tue 4 – Fri 14: 9 days < 2 × 5, and only the week of Mar 10 is whole (one week, not two).
        Assert.Empty(Spells(twoWeeks, FiveDays, [], [4, 5, 6, 7, 10, 11, 12, 13, 14]));

        // Mon 3 – Thu 13 with Fri 14 a holiday: 9 days < 10, but the weeks of Mar 3 and Mar 10 are both whole.
        var spell = Spells(twoWeeks, FiveDays, [14], [3, 4, 5, 6, 7, 10, 11, 12, 13]).Single();
        Assert.Equal(9, spell.Days);
    }

    [Fact]
    public void MinServiceDaysSix_TheFormerReading_DoesNotCountAFiveDayWeek() =>
        // min_service_days: 6 reads "连续一周以上" as more than a week: Mon 3 – Fri 7 (5 days) is not enough.
        Assert.Empty(Spells(new AbsenceRefundPolicy { MinServiceDays = 6 }, FiveDays, [], [3, 4, 5, 6, 7]));

    [Fact]
    public void RefundPercentFifty_RefundsHalfTheDailyRateForEveryDayOfTheSpell()
    {
        // 退还部分课后服务费 with refund_percent: 50. P = 350, D = 14 service days, a 5-day spell:
        // 350 × 5 × 50% / 14 = 62.5 → 62.50.
        var spell = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), 5), "refunds.absence-spell:S1:2025-03-03");
        var payable = Given(new FeePayable("S1", Money.Of(350m), Money.Zero, Money.Zero, Money.Zero, Money.Of(350m), null, 0m), "waivers.hardship:S1");
        var refund = Fire<FeeRefund>(new AbsenceRefundRule(new AbsenceRefundPolicy { RefundPercent = 50m }), spell, payable, Schedule()).Single();
        Assert.Equal(5, refund.Days);
        Assert.Equal(Money.Of(62.50m), refund.Amount);
    }

    [Fact]
    public void WithdrawalAfterAHalfRefundedSpell_CountsTheSpellAsHalfItsDays()
    {
        // P = 350, D = 14, a 5-day spell refunded at 50% counts as 2.5 days; withdrawn after Mar 7 (9 days not served):
        // round(350 × (2.5 + 9) / 14) − round(350 × 2.5 / 14) = 287.50 − 62.50 = 225.00 (= 350 × 9 / 14).
        var days = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, Calendar.End);
        var served = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, new DateOnly(2025, 3, 7));
        var schedule = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 7)), "fees.schedule:S1");
        var payable = Given(new FeePayable("S1", Money.Of(350m), Money.Zero, Money.Zero, Money.Zero, Money.Of(350m), null, 0m), "waivers.hardship:S1");
        var spell = Given(new AbsenceSpell("S1", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), 5), "refunds.absence-spell:S1:2025-03-03");
        var refund = Fire<FeeRefund>(new WithdrawalRefundRule(50m), spell, payable, schedule).Single();
        Assert.Equal(Money.Of(225m), refund.Amount);
    }

    [Fact]
    public void WithdrawalWithNoWithdrawalRule_IsAWarningNamingTheStudentAndTheDaysNotServed()
    {
        // 14 service days (Mar 3–21, Wed 12 a holiday), last day Fri Mar 7: Mar 10–21 not served = 14 − 5 = 9 days.
        var days = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, Calendar.End);
        var served = Calendar.StudentDays([1, 2, 3, 4, 5], Calendar.Start, new DateOnly(2025, 3, 7));
        var schedule = Given(new StudentSchedule("S1", 5, days.Count, days, served, new DateOnly(2025, 3, 7)), "fees.schedule:S1");
        var finding = Fire<FindingFact>(new UnsettledWithdrawalRule(), schedule).Single();
        Assert.Equal(("withdrawal-not-refunded", Severity.Warning, "S1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Contains("2025-03-10 至 2025-03-21 的 9 个服务日未服务", finding.Message.Zh);
    }

    [Fact]
    public void AStudentWhoStaysToTheEnd_GivesNoWithdrawalFinding() =>
        Assert.Empty(Fire<FindingFact>(new UnsettledWithdrawalRule(), Schedule()));
}
