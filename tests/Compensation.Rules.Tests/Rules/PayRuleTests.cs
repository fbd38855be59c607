using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Deductions;
using Compensation.Rules.RuleSets.Pay;
using Compensation.Rules.RuleSets.Stipends;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

public class PayRuleTests
{
    private static LessonPay Pay(string lesson, int day, decimal amount, string staff = "T1") =>
        Given(new LessonPay(staff, lesson, new DateOnly(2025, 3, day), new Month(2025, 3), 1m, Money.Of(amount)), "pay.fixed-rate:" + lesson);

    private static ConductEvent Event(string id, int day, string kind, decimal? percent = null, string? lesson = null) =>
        new(id, "T1", new DateOnly(2025, 3, day), kind, percent, lesson, "");

    [Fact]
    public void AFixedRateOf20_PaysEachLesson20()
    {
        var lesson = new LessonDelivered("L1", "T1", new DateOnly(2025, 3, 3), "1", 40, "g");
        Assert.Equal(Money.Of(20m), Fire<LessonPay>(new FixedRatePayRule(new PayPolicy { Mode = PayMode.PerLesson, Rate = 20m }), lesson).Single().Amount);
    }

    [Fact]
    public void PerLessonHour_Pays140MinutesAsThreeAndAHalfForty_MinuteLessonHours()
    {
        var lesson = new LessonDelivered("L1", "T1", new DateOnly(2025, 3, 3), "noon", 140, "g");
        var pay = new PayPolicy { Mode = PayMode.PerLessonHour, Rate = 60m, LessonHourMinutes = 40 };
        Assert.Equal(Money.Of(210m), Fire<LessonPay>(new FixedRatePayRule(pay), lesson).Single().Amount); // 60 × 140/40 = 210.00
    }

    [Fact]
    public void ThePool_IsSharedOverTheLessonsToTheFen()
    {
        // 1000.00 fees − 0 … over 3 lessons: 333.33… each; the odd fen goes to the first lesson id.
        var account = Given(new FamilyAccount("S1", Money.Of(1000m), Money.Zero, Money.Zero), "fees.family-account:S1");
        var lessons = new[] { "L1", "L2", "L3" }.Select(id => new LessonDelivered(id, "T1", new DateOnly(2025, 3, 3), id, 40, "g")).ToArray();
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        var pays = Fire<LessonPay>(rule, [account, .. lessons]).OrderBy(p => p.LessonId).ToList();
        Assert.Equal(["333.34", "333.33", "333.33"], pays.Select(p => p.Amount.ToString()));
    }

    [Fact]
    public void ThePool_TakesOffStipendsExternalPayAndConsumablesBeforeSharing()
    {
        // (1000 − guard 60 − external 100 − consumables 40) = 800 ÷ 2 lessons = 400 each.
        var account = Given(new FamilyAccount("S1", Money.Of(1000m), Money.Zero, Money.Zero), "fees.family-account:S1");
        var stipend = Given(new Stipend("G1", "guard", new DateOnly(2025, 3, 3), new Month(2025, 3), 1, 60m, Money.Of(60m)), "stipends.duty:D1");
        var external = Given(new ExternalPay("E1", Money.Of(100m)), "pay.external:E1");
        var consumables = new Expense("X1", new DateOnly(2025, 3, 3), "consumables", Money.Of(40m), "", "");
        var utilities = new Expense("X2", new DateOnly(2025, 3, 3), "utilities", Money.Of(500m), "", "");
        var lessons = new[] { "L1", "L2" }.Select(id => new LessonDelivered(id, "T1", new DateOnly(2025, 3, 3), id, 40, "g")).ToArray();
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        var pays = Fire<LessonPay>(rule, [account, stipend, external, consumables, utilities, .. lessons]);
        Assert.All(pays, p => Assert.Equal(Money.Of(400m), p.Amount));
    }

    [Fact]
    public void ThreeLateArrivalsInAMonth_CostHalfOfTheMonthInsteadOfEachDay()
    {
        var line = new DeductionRulePolicy { Id = "lateness", Kinds = ["late", "early-leave", "swap"], Each = DeductionEach.Day, Escalation = new Escalation(3, 50m, EscalationMode.Replace) };
        var rule = new ReviewDeductionRule(line, DeductionBase.LessonPay) { Instance = "lateness" };
        var pay = Enumerable.Range(3, 10).Select(d => Pay("L" + d, d, 50m)).ToArray(); // 10 lessons × 50 = 500 in March
        var deductions = Fire<Deduction>(rule, [.. pay, Event("E1", 4, "late"), Event("E2", 5, "early-leave"), Event("E3", 6, "swap")]);
        var only = Assert.Single(deductions);
        Assert.Equal("escalation", only.Kind);
        Assert.Equal(Money.Of(250m), only.Amount); // 500 × 50% = 250.00
    }

    [Fact]
    public void TwoLateArrivalsInAMonth_EachCostThatDaysLessonPay()
    {
        var line = new DeductionRulePolicy { Id = "lateness", Kinds = ["late"], Each = DeductionEach.Day, Escalation = new Escalation(3, 50m, EscalationMode.Replace) };
        var rule = new ReviewDeductionRule(line, DeductionBase.LessonPay) { Instance = "lateness" };
        var pay = new[] { Pay("L1", 4, 50m), Pay("L2", 4, 30m), Pay("L3", 5, 50m) };
        var deductions = Fire<Deduction>(rule, [.. pay, Event("E1", 4, "late"), Event("E2", 5, "late")]).OrderBy(d => d.Id).ToList();
        Assert.Equal([Money.Of(80m), Money.Of(50m)], deductions.Select(d => d.Amount)); // Mar 4: 50 + 30; Mar 5: 50
    }

    [Fact]
    public void ADecidedPercentageOutsideThePlansRange_IsAFindingAndHeldToTheRange()
    {
        var line = new DeductionRulePolicy { Id = "incident", Kinds = ["incident"], Each = DeductionEach.Decided, Range = (50m, 100m) };
        var rule = new ReviewDeductionRule(line, DeductionBase.LessonPay) { Instance = "incident" };
        var derived = Fire(rule, Pay("L1", 4, 200m), Event("E1", 4, "incident", 30m));
        Assert.Equal(Money.Of(100m), derived.OfType<Deduction>().Single().Amount); // held at 50%: 200 × 50% = 100.00
        Assert.Equal("deduction-out-of-range", derived.OfType<FindingFact>().Single().Code);
    }

    [Fact]
    public void AdminDuty_IsEightPercentOfGeneralSpendingInWholeSevenYuanLessons()
    {
        // March: lesson pay 1000 + break supervision 100 = 1100; × 8% = 88; 88 ÷ 7 = 12.57 → 12 lessons.
        // A has 3 duty days, B 1: 12 × 3/4 = 9 and 3 lessons → 63.00 and 21.00.
        var pay = Enumerable.Range(3, 10).Select(d => Pay("L" + d, d, 100m)).ToArray();
        var breaks = Given(new Stipend("T1", "break-supervision", new DateOnly(2025, 3, 3), new Month(2025, 3), 10, 10m, Money.Of(100m)), "stipends.duty:B1");
        var duties = new[] { ("A", 3), ("A", 4), ("A", 5), ("B", 6) }.Select((d, i) => new DutyShift("D" + i, d.Item1, new DateOnly(2025, 3, d.Item2), "admin-duty", 1)).ToArray();
        var shares = Fire<AdminDutyPay>(new AdminDutyShareRule(new AdminDutyShare { Percent = 8m, LessonValue = 7m }), [.. pay, breaks, .. duties]).OrderBy(s => s.StaffId).ToList();
        Assert.Equal([(9L, Money.Of(63m)), (3L, Money.Of(21m))], shares.Select(s => (s.Lessons, s.Amount)));
    }

    [Fact]
    public void APoolPlanWithNoLessons_IsAFinding()
    {
        var term = new TermInfo("T", "School", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28));
        Assert.Equal("pool-no-lessons", Fire<FindingFact>(new PoolWithoutLessonsRule(), term).Single().Code);
        var lesson = new LessonDelivered("L1", "T1", new DateOnly(2025, 3, 3), "1", 40, "g");
        Assert.Empty(Fire<FindingFact>(new PoolWithoutLessonsRule(), term, lesson));
    }

    [Fact]
    public void APayRateBelowTheFloor_IsAFinding()
    {
        var rate = Given(new PayRate(50m, "lesson-hour", false), "pay.rate:fixed");
        var finding = Fire<FindingFact>(new PayFloorRule(new RateBound { Amount = 60m, Unit = RateUnit.LessonHour }), rate).Single();
        Assert.Equal("pay-below-floor", finding.Code);
    }
}

public class UncoveredConductRuleTests
{
    [Fact]
    public void AnIncidentInAPlanWithoutAnIncidentRule_IsReportedAndDeductsNothing()
    {
        var e = new ConductEvent("E1", "T1", new DateOnly(2025, 3, 4), "incident", 60m, null, "");
        var rule = new Compensation.Rules.RuleSets.Deductions.UncoveredConductRule(new HashSet<string> { "late" });
        var finding = RuleHarness.Fire<FindingFact>(rule, e).Single();
        Assert.Equal(("conduct-kind-not-in-plan", "T1"), (finding.Code, finding.Subject));
    }
}
