using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Deductions;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>The review deductions of 002 §1 二(四) and 001 篇三 (二), one rule at a time.</summary>
public class DeductionRuleTests
{
    private static LessonPay Pay(string lesson, int day, decimal amount, string staff = "T1") =>
        Given(new LessonPay(staff, lesson, new DateOnly(2025, 3, day), new Month(2025, 3), 1m, Money.Of(amount)), "pay.fixed-rate:" + lesson);

    private static ConductEvent Late(string id, int day, string? lesson = null) =>
        new(id, "T1", new DateOnly(2025, 3, day), "late", null, lesson, "");

    private static ReviewDeductionRule Lateness(DeductionEach each, EscalationMode? mode = null) =>
        new(new DeductionRulePolicy
        {
            Id = "lateness",
            Kinds = ["late", "early-leave", "swap"],
            Each = each,
            Escalation = mode is { } m ? new Escalation(3, 50m, m) : null,
        }, DeductionBase.LessonPay) { Instance = "lateness" };

    private static Money Total(IEnumerable<Deduction> deductions) => Money.Sum(deductions.Select(d => d.Amount));

    /// <summary>Two 25-yuan lessons on each of March 4, 5 and 6: 6 lessons, 150.00 in the month.</summary>
    private static LessonPay[] TwoLessonsADay() =>
        [Pay("L4a", 4, 25m), Pay("L4b", 4, 25m), Pay("L5a", 5, 25m), Pay("L5b", 5, 25m), Pay("L6a", 6, 25m), Pay("L6b", 6, 25m)];

    [Fact]
    public void LessonOrDay_ALateNamingALesson_LosesThatLessonOnly()
    {
        // 当天当节: the event names L2, so only L2's 30.00 is lost, not the day's 50 + 30 = 80.
        var deductions = Fire<Deduction>(Lateness(DeductionEach.LessonOrDay), Pay("L1", 4, 50m), Pay("L2", 4, 30m), Late("E1", 4, "L2"));
        Assert.Equal(Money.Of(30m), Assert.Single(deductions).Amount);
    }

    [Fact]
    public void LessonOrDay_ALateNamingNoLesson_LosesTheDaysLessons()
    {
        // No lesson named: the day's lessons, 50 + 20 = 70.00.
        var deductions = Fire<Deduction>(Lateness(DeductionEach.LessonOrDay), Pay("L1", 5, 50m), Pay("L2", 5, 20m), Pay("L3", 6, 40m), Late("E1", 5));
        Assert.Equal(Money.Of(70m), Assert.Single(deductions).Amount);
    }

    [Fact]
    public void Day_ALateNamingALesson_StillLosesTheWholeDay()
    {
        // each: day keeps the day reading: 50 + 30 = 80.00 although L2 is named.
        var deductions = Fire<Deduction>(Lateness(DeductionEach.Day), Pay("L1", 4, 50m), Pay("L2", 4, 30m), Late("E1", 4, "L2"));
        Assert.Equal(Money.Of(80m), Assert.Single(deductions).Amount);
    }

    [Fact]
    public void GreaterOf_TwoLatesCost100_ThreeCostTheWholeDays150_NotTheEscalations75()
    {
        // Two lates: 2 days × 2 lessons × 25 = 100.00 (below the escalation's 3).
        var two = Fire<Deduction>(Lateness(DeductionEach.Day, EscalationMode.GreaterOf), [.. TwoLessonsADay(), Late("E1", 4), Late("E2", 5)]);
        Assert.Equal(Money.Of(2 * 2 * 25m), Total(two));

        // Three lates: the days cost 3 × 50 = 150.00; the escalation 150 × 50% = 75.00; the larger, 150.00, stands.
        var three = Fire<Deduction>(Lateness(DeductionEach.Day, EscalationMode.GreaterOf), [.. TwoLessonsADay(), Late("E1", 4), Late("E2", 5), Late("E3", 6)]);
        Assert.Equal(Money.Of(3 * 2 * 25m), Total(three));
        Assert.All(three, d => Assert.Equal("late", d.Kind)); // the day lines, no escalation line
        Assert.Contains("150.00 × 50% = 75.00", three.OrderBy(d => d.EventIds[0], StringComparer.Ordinal).Last().Reason.Zh, StringComparison.Ordinal); // the last says why
    }

    [Fact]
    public void Replace_ThreeLatesCostOnlyTheEscalation_TheEarlierReading()
    {
        // mode: replace: 150 × 50% = 75.00 instead of the days' 150.00 (two lates cost 100.00).
        var three = Fire<Deduction>(Lateness(DeductionEach.Day, EscalationMode.Replace), [.. TwoLessonsADay(), Late("E1", 4), Late("E2", 5), Late("E3", 6)]);
        var line = Assert.Single(three);
        Assert.Equal(("escalation", Money.Of(150m * 50 / 100)), (line.Kind, line.Amount));
    }

    [Fact]
    public void GreaterOf_WhenTheEscalationIsLarger_ItReplacesTheDayLines()
    {
        // 10 lessons × 50 = 500.00 in March, one a day. Three lates: the days cost 3 × 50 = 150.00; 500 × 50% = 250.00 is larger.
        var pay = Enumerable.Range(3, 10).Select(d => Pay("L" + d, d, 50m)).ToArray();
        var deductions = Fire<Deduction>(Lateness(DeductionEach.Day, EscalationMode.GreaterOf), [.. pay, Late("E1", 4), Late("E2", 5), Late("E3", 6)]);
        var only = Assert.Single(deductions);
        Assert.Equal(("escalation", Money.Of(250m)), (only.Kind, only.Amount));
        Assert.Contains("150.00", only.Reason.Zh, StringComparison.Ordinal); // the per-event sum it was compared with
    }

    [Fact]
    public void Add_ThreeLatesCostTheDaysAndTheEscalation()
    {
        // 150.00 of days + 150 × 50% = 75.00 → 225.00.
        var three = Fire<Deduction>(Lateness(DeductionEach.Day, EscalationMode.Add), [.. TwoLessonsADay(), Late("E1", 4), Late("E2", 5), Late("E3", 6)]);
        Assert.Equal(Money.Of(3 * 2 * 25m + 150m * 50 / 100), Total(three));
    }

    [Fact]
    public void ARulesOwnBase_IsWhatItsPercentageIsTakenOf()
    {
        // Lesson pay 200 + a guard stipend of 100 in March. The rule's base lesson-pay-and-stipends: 300 × 10% = 30.00;
        // under lesson-pay it would be 200 × 10% = 20.00.
        var stipend = Given(new Stipend("T1", "guard", new DateOnly(2025, 3, 4), new Month(2025, 3), 1, 100m, Money.Of(100m)), "stipends.duty:G1");
        var handover = new DeductionRulePolicy { Id = "handover", Kinds = ["handover"], Each = DeductionEach.Percent, Percent = 10m };
        var e = new ConductEvent("E1", "T1", new DateOnly(2025, 3, 4), "handover", null, null, "");
        var wide = Fire<Deduction>(new ReviewDeductionRule(handover, DeductionBase.LessonPayAndStipends) { Instance = "handover" }, Pay("L1", 4, 200m), stipend, e);
        Assert.Equal((Money.Of(300m * 10 / 100), DeductionBase.LessonPayAndStipends), (Assert.Single(wide).Amount, wide[0].Base));
        var narrow = Fire<Deduction>(new ReviewDeductionRule(handover, DeductionBase.LessonPay) { Instance = "handover" }, Pay("L1", 4, 200m), stipend, e);
        Assert.Equal(Money.Of(200m * 10 / 100), Assert.Single(narrow).Amount);
    }
}
