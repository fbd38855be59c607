using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets.Fees;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>The rules that read a family's schedule, marks and account, one rule at a time.</summary>
public class FamilyRuleTests
{
    // Mon 2025-03-03 … Fri 2025-03-14, with Wed 2025-03-12 a holiday: 9 service days.
    private static readonly ServiceCalendar Calendar = new(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 14),
        [new CalendarException(new DateOnly(2025, 3, 12), CalendarDayKind.Holiday, null, "")]);

    [Fact]
    public void AStudentOnMondaysAndWednesdays_IsScheduledOnThoseServiceDays_FromJoiningToWithdrawal()
    {
        // Weekdays 1 and 3; joins Tue 03-04, last day Mon 03-10. The term's Mondays and Wednesdays: 03-03, 03-05,
        // 03-10 (03-12 is a holiday) = 3; from joining: 03-05, 03-10 = 2; served to 03-10: the same 2.
        var e = new Enrolment("S1", "name", "1(1)", [1, 3], new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 10));
        var s = Assert.IsType<StudentSchedule>(FireOn(Calendar, new StudentScheduleRule(), e).Single());
        Assert.Equal(3, s.FullTermDays);
        Assert.Equal([new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 10)], s.Days);
        Assert.Equal([new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 10)], s.ServedDays);
        Assert.Equal(0, s.DaysAfterWithdrawal); // 2 − 2
        Assert.Equal(["enrolment:S1"], s.Provenance.SourceIds);
    }

    [Fact]
    public void AStudentWhoWithdraws_HasTheDaysAfterTheLastDayNotServed()
    {
        // Every weekday from the term's start; last day Fri 03-07: 5 served of 9 (03-03…03-07), 4 after withdrawal.
        var e = new Enrolment("S2", "name", "1(1)", [1, 2, 3, 4, 5], null, new DateOnly(2025, 3, 7));
        var s = Assert.IsType<StudentSchedule>(FireOn(Calendar, new StudentScheduleRule(), e).Single());
        Assert.Equal((9, 9, 5, 4), (s.FullTermDays, s.Days.Count, s.ServedDays.Count, s.DaysAfterWithdrawal));
    }

    [Fact]
    public void EachStudentsMarks_AreCollectedIntoOneFactInDateOrder()
    {
        var late = new AttendanceMark("S1", new DateOnly(2025, 3, 6), AttendanceStatus.Leave);
        var early = new AttendanceMark("S1", new DateOnly(2025, 3, 4), AttendanceStatus.Absent);
        var other = new AttendanceMark("S2", new DateOnly(2025, 3, 4), AttendanceStatus.Absent);
        var facts = Fire<StudentAbsences>(new AbsenceCollectionRule(), late, other, early).OrderBy(a => a.StudentId).ToList();
        Assert.Equal(["S1", "S2"], facts.Select(a => a.StudentId));
        Assert.Equal([early, late], facts[0].Marks);
        Assert.Equal("缺席 1 日，请假 1 日", facts[0].Provenance.Explanation.Zh);
        Assert.Equal([other], facts[1].Marks);
    }

    [Fact]
    public void AFamilysAccount_TakesItsRefundsAndPayments_AndNoOtherFamilys()
    {
        var payable = Given(new FeePayable("S1", Money.Of(350m), Money.Zero, Money.Zero, Money.Zero, Money.Of(350m), null, 0m), "waivers.hardship:S1");
        var refund = Given(new FeeRefund("S1", FeeRefundKind.Absence, 5, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), Money.Of(87.50m)), "refunds.absence:S1:2025-03-03");
        var paid1 = new FamilyPayment("P1", "S1", new DateOnly(2025, 3, 1), Money.Of(200m));
        var paid2 = new FamilyPayment("P2", "S1", new DateOnly(2025, 3, 20), Money.Of(150m));
        var otherPayable = Given(new FeePayable("S2", Money.Of(600m), Money.Zero, Money.Zero, Money.Zero, Money.Of(600m), null, 0m), "waivers.hardship:S2");
        var otherPaid = new FamilyPayment("P3", "S2", new DateOnly(2025, 3, 1), Money.Of(600m));

        var accounts = Fire<FamilyAccount>(new FamilyAccountRule(), paid2, otherPaid, refund, payable, otherPayable, paid1).OrderBy(a => a.StudentId).ToList();

        var a = accounts[0];
        Assert.Equal((Money.Of(350m), Money.Of(87.50m), Money.Of(350m)), (a.Payable, a.Refunded, a.Paid)); // paid 200 + 150
        Assert.Equal(Money.Of(262.50m), a.NetBeforeSurplus); // 350 − 87.50
        Assert.Equal(["waivers.hardship:S1", "refunds.absence:S1:2025-03-03", "payment:P1", "payment:P2"], a.Provenance.SourceIds);
        Assert.Equal((Money.Of(600m), Money.Zero, Money.Of(600m)), (accounts[1].Payable, accounts[1].Refunded, accounts[1].Paid));
    }

    [Fact]
    public void APaymentWithoutAFeeForTheStudent_MakesNoAccount() =>
        Assert.Empty(Fire<FamilyAccount>(new FamilyAccountRule(), new FamilyPayment("P1", "S9", new DateOnly(2025, 3, 1), Money.Of(100m))));
}
