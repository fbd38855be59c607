using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Fees;
using Compensation.Rules.RuleSets.Waivers;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

public class FeeRuleTests
{
    private static StudentSchedule Schedule(string student, int daysPerWeek, int fullTermDays, int days) =>
        Given(new StudentSchedule(student, daysPerWeek, fullTermDays,
            Enumerable.Range(0, days).Select(i => new DateOnly(2025, 3, 3).AddDays(i)).ToList(),
            Enumerable.Range(0, days).Select(i => new DateOnly(2025, 3, 3).AddDays(i)).ToList(), null), "fees.schedule:" + student);

    [Fact]
    public void ThreeDaysAWeek_PaysThreeFifthsOfTheTermFee()
    {
        var rule = new FlatTermFeeRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 350m });
        var charge = Fire<FeeCharge>(rule, Schedule("S1", 3, 12, 12)).Single();
        Assert.Equal(Money.Of(210.00m), charge.Amount); // 350 × 3/5 = 210.00
    }

    [Fact]
    public void JoiningAfterFiveServiceDays_PaysForTheDaysFromJoining()
    {
        var rule = new FlatTermFeeRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 350m });
        var charge = Fire<FeeCharge>(rule, Schedule("S1", 5, 20, 15)).Single();
        Assert.Equal(Money.Of(262.50m), charge.Amount); // 350 × 15/20 = 262.50
    }

    [Fact]
    public void AFeeAboveTheCap_IsReportedAndReducedOnlyWhenThePlanClamps()
    {
        var charge = Given(new FeeCharge("S1", null, 20, Money.Of(600m)), "fees.flat-term:S1");
        var schedule = Schedule("S1", 5, 20, 20);
        var report = new FeeCapRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 600m, Cap = new FeeCap { PerTerm = 350m } });
        var reported = Fire(report, charge, schedule);
        Assert.Equal(Money.Zero, reported.OfType<CappedFee>().Single().CapReduction);
        Assert.Equal(("fee-above-cap", Severity.Warning), reported.OfType<FindingFact>().Select(f => (f.Code, f.Severity)).Single());

        var charge2 = Given(new FeeCharge("S1", null, 20, Money.Of(600m)), "fees.flat-term:S1");
        var schedule2 = Schedule("S1", 5, 20, 20);
        var clamp = new FeeCapRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 600m, Cap = new FeeCap { PerTerm = 350m, Clamp = true } });
        var clamped = Fire<CappedFee>(clamp, charge2, schedule2).Single();
        Assert.Equal(Money.Of(250m), clamped.CapReduction); // 600 − 350 = 250
    }

    [Fact]
    public void PerLessonHourFee_ChargesEachMonthForTheDaysAttended()
    {
        // 4 service days in March (Mar 3–6), one marked absent: 3 days × 3 lesson-hours × 3 yuan = 27.00
        var days = new[] { 3, 4, 5, 6 }.Select(d => new DateOnly(2025, 3, d)).ToList();
        var schedule = Given(new StudentSchedule("S1", 5, 4, days, days, null), "fees.schedule:S1");
        var absences = Given(new StudentAbsences("S1", [new AttendanceMark("S1", new DateOnly(2025, 3, 4), AttendanceStatus.Absent)]), "fees.absences:S1");
        var rule = new PerLessonHourFeeRule(new FeePolicy { Mode = FeeMode.PerLessonHour, RatePerLessonHour = 3m, LessonHoursPerDay = 3m });
        var charge = Fire<FeeCharge>(rule, schedule, absences).Single();
        Assert.Equal(new Month(2025, 3), charge.Month);
        Assert.Equal(3, charge.DaysAttended);
        Assert.Equal(Money.Of(27m), charge.Amount);
    }

    [Fact]
    public void HalfWaiver_WaivesHalfOfWhatTheFamilyWouldPay()
    {
        var capped = Given(new CappedFee("S1", Money.Of(350m), Money.Zero, 20), "fees.cap:S1");
        var subsidy = Given(new SubsidyShare("S1", Money.Zero), "fees.no-subsidy-offset:S1");
        var approval = new HardshipApproval("H1", "S1", "dibao", 50m, new DateOnly(2025, 3, 1), "校长");
        var rule = new HardshipWaiverRule(new WaiverPolicy { Categories = new Dictionary<string, WaiverCategory> { ["dibao"] = new("低保", 100m) } });
        var payable = Fire<FeePayable>(rule, capped, subsidy, approval).Single();
        Assert.Equal(Money.Of(175m), payable.Waived); // 350 × 50% = 175.00
        Assert.Equal(Money.Of(175m), payable.Payable);
    }

    [Fact]
    public void AWaiverInACategoryThePlanDoesNotName_WaivesNothingAndIsAFinding()
    {
        var capped = Given(new CappedFee("S1", Money.Of(350m), Money.Zero, 20), "fees.cap:S1");
        var subsidy = Given(new SubsidyShare("S1", Money.Zero), "fees.no-subsidy-offset:S1");
        var approval = new HardshipApproval("H1", "S1", "orphan", 100m, new DateOnly(2025, 3, 1), "校长");
        var rule = new HardshipWaiverRule(new WaiverPolicy { Categories = new Dictionary<string, WaiverCategory> { ["dibao"] = new("低保", 100m) } });
        var derived = Fire(rule, capped, subsidy, approval);
        Assert.Equal(Money.Of(350m), derived.OfType<FeePayable>().Single().Payable);
        Assert.Equal("waiver-unknown-category", derived.OfType<FindingFact>().Single().Code);
    }

    [Fact]
    public void SubsidyFirst_TheFamilyPaysOnlyTheShortfall()
    {
        var capped = Given(new CappedFee("S1", Money.Of(180m), Money.Zero, 20), "fees.cap:S1");
        var rule = new PerStudentSubsidyRule(new SubsidyPolicy { Mode = SubsidyMode.PerStudent, PerStudent = 60m });
        Assert.Equal(Money.Of(60m), Fire<SubsidyShare>(rule, capped, Schedule("S1", 5, 20, 20)).Single().Amount); // min(180, 60) = 60
    }

    [Fact]
    public void ALateJoiner_GetsTheWholeSubsidyByDefault_AndAShareOfItWithProRataJoin()
    {
        // Joined with 15 of the term's 20 service days left; charged 350 × 15/20 = 262.50.
        var whole = new PerStudentSubsidyRule(new SubsidyPolicy { Mode = SubsidyMode.PerStudent, PerStudent = 100m });
        var capped = Given(new CappedFee("S1", Money.Of(262.50m), Money.Zero, 15), "fees.cap:S1");
        Assert.Equal(Money.Of(100m), Fire<SubsidyShare>(whole, capped, Schedule("S1", 5, 20, 15)).Single().Amount); // min(262.50, 100) = 100

        var proRata = new PerStudentSubsidyRule(new SubsidyPolicy { Mode = SubsidyMode.PerStudent, PerStudent = 100m, ProRataJoin = true });
        var capped2 = Given(new CappedFee("S1", Money.Of(262.50m), Money.Zero, 15), "fees.cap:S1");
        Assert.Equal(Money.Of(75m), Fire<SubsidyShare>(proRata, capped2, Schedule("S1", 5, 20, 15)).Single().Amount); // 100 × 15/20 = 75.00

        // A third of the term left: 100 × 7/21 = 33.333… → 33.33.
        var capped3 = Given(new CappedFee("S1", Money.Of(116.67m), Money.Zero, 7), "fees.cap:S1");
        Assert.Equal(Money.Of(33.33m), Fire<SubsidyShare>(proRata, capped3, Schedule("S1", 5, 21, 7)).Single().Amount);
    }

    [Fact]
    public void ACapBreach_IsAnErrorWhenThePlanSaysSo_WhetherOrNotItIsClamped()
    {
        foreach (var clamp in new[] { false, true })
        {
            var charge = Given(new FeeCharge("S1", null, 20, Money.Of(600m)), "fees.flat-term:S1");
            var rule = new FeeCapRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 600m, Cap = new FeeCap { PerTerm = 350m, Clamp = clamp, Severity = Severity.Error } });
            var derived = Fire(rule, charge, Schedule("S1", 5, 20, 20));
            Assert.Equal(("fee-above-cap", Severity.Error), derived.OfType<FindingFact>().Select(f => (f.Code, f.Severity)).Single());
            Assert.Equal(clamp ? Money.Of(250m) : Money.Zero, derived.OfType<CappedFee>().Single().CapReduction); // 600 − 350 = 250 only with clamp
        }
    }

    [Fact]
    public void AStudentWithNoServiceDayInTheTerm_IsChargedNothing()
    {
        // Mondays only, in a term whose only Monday is a holiday: F = 0, so nothing is charged (not 350 × 1/5).
        var rule = new FlatTermFeeRule(new FeePolicy { Mode = FeeMode.FlatTerm, TermFee = 350m });
        Assert.Equal(Money.Zero, Fire<FeeCharge>(rule, Schedule("S1", 1, 0, 0)).Single().Amount);
    }
}
