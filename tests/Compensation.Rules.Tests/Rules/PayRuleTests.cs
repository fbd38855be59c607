using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
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

    private static readonly StaffMember T1 = new("T1", "教师1", "E1", "teacher", false, null);
    private static readonly StaffMember T2 = new("T2", "教师2", "E2", "teacher", false, null);
    private static readonly StaffMember T3 = new("T3", "教师3", "E3", "teacher", false, null);
    private static readonly StaffMember E1 = new("E1", "外聘1", "X1", "external", true, Money.Of(100m));

    private static LessonDelivered Lesson(string id, string staff, int month, int day, string slot = "1", int minutes = 40) =>
        new(id, staff, new DateOnly(2025, month, day), slot, minutes, "g");

    private static FamilyAccount Fees(decimal amount) => Given(new FamilyAccount("S1", Money.Of(amount), Money.Zero, Money.Zero), "fees.family-account:S1");

    private static Dictionary<string, string> Amounts(IEnumerable<LessonPay> pays) => pays.ToDictionary(p => p.LessonId, p => p.Amount.ToString());

    [Fact]
    public void AFixedRateOf20_PaysEachLesson20()
    {
        var lesson = Lesson("L1", "T1", 3, 3);
        Assert.Equal(Money.Of(20m), Fire<LessonPay>(new FixedRatePayRule(new PayPolicy { Mode = PayMode.PerLesson, Rate = 20m }), T1, lesson).Single().Amount);
    }

    [Fact]
    public void PerLessonHour_Pays140MinutesAsThreeAndAHalfForty_MinuteLessonHours()
    {
        var lesson = Lesson("L1", "T1", 3, 3, "noon", 140);
        var pay = new PayPolicy { Mode = PayMode.PerLessonHour, Rate = 60m, LessonHourMinutes = 40 };
        Assert.Equal(Money.Of(210m), Fire<LessonPay>(new FixedRatePayRule(pay), T1, lesson).Single().Amount); // 60 × 140/40 = 210.00
    }

    [Fact]
    public void ThePool_IsSharedPerTeacher_TheOddFenToTheLargestRemainder_ThenByDateWithinTheMonth()
    {
        // Pool 1000.00 over 3 lessons: T1 has 2, T2 has 1.
        // T1: 100000 fen × 2/3 = 66666.67 → 66666, remainder .67; T2: 100000 × 1/3 = 33333.33 → 33333, remainder .33.
        // One fen is left: it goes to T1 (larger remainder): T1 666.67, T2 333.33.
        // T1's 666.67 over its 2 March lessons in date order: Z9 (Mar 3) 333.34, A1 (Mar 4) 333.33, whatever their ids.
        var lessons = new[] { Lesson("Z9", "T1", 3, 3), Lesson("A1", "T1", 3, 4), Lesson("M5", "T2", 3, 3) };
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        var pays = Amounts(Fire<LessonPay>(rule, [Fees(1000m), T1, T2, .. lessons]));
        Assert.Equal(new Dictionary<string, string> { ["Z9"] = "333.34", ["A1"] = "333.33", ["M5"] = "333.33" }, pays);
    }

    [Fact]
    public void RenamingOneTeachersLessons_ChangesNoOnesPay()
    {
        // Pool 100.00 over 3 teachers with 1 lesson each: 10000 fen ÷ 3 = 3333.33 each → 3333, all remainders .33;
        // the one fen left goes to the first staff id, T1: T1 33.34, T2 33.33, T3 33.33, however the lessons are named.
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        foreach (var t3Lesson in new[] { "A0", "L3", "ZZ" })
        {
            var lessons = new[] { Lesson("L1", "T1", 3, 3), Lesson("L2", "T2", 3, 3), Lesson(t3Lesson, "T3", 3, 3) };
            var byStaff = Fire<LessonPay>(rule, [Fees(100m), T1, T2, T3, .. lessons]).ToDictionary(p => p.StaffId, p => p.Amount.ToString());
            Assert.Equal(new Dictionary<string, string> { ["T1"] = "33.34", ["T2"] = "33.33", ["T3"] = "33.33" }, byStaff);
        }
    }

    [Fact]
    public void ATeachersShare_IsSpreadOverTheMonthsByTheirLessons()
    {
        // Only T1: share = pool 100.00. March has 2 of its 3 lessons: 10000 × 2/3 = 6666.67 → 6666 (.67);
        // April 10000 × 1/3 = 3333.33 → 3333 (.33); the fen left goes to March: 66.67 and 33.33.
        // March's 66.67 over 2 lessons: 33.34 to the first by date (Mar 3), 33.33 to Mar 10.
        var lessons = new[] { Lesson("L3", "T1", 3, 10), Lesson("L1", "T1", 3, 3), Lesson("L2", "T1", 4, 7) };
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        var derived = Fire(rule, [Fees(100m), T1, .. lessons]);
        Assert.Equal(new Dictionary<string, string> { ["L1"] = "33.34", ["L3"] = "33.33", ["L2"] = "33.33" }, Amounts(derived.OfType<LessonPay>()));
        Assert.Equal(["66.67", "33.33"], derived.OfType<StaffMonthPay>().OrderBy(m => m.Month).Select(m => m.Paid.ToString()));
    }

    [Fact]
    public void ThePool_TakesOffStipendsExternalPayAndConsumablesBeforeSharing()
    {
        // (1000 − guard 60 − external 100 − consumables 40) = 800 ÷ 2 lessons = 400 each.
        var stipend = Given(new Stipend("G1", "guard", new DateOnly(2025, 3, 3), new Month(2025, 3), 1, 60m, Money.Of(60m)), "stipends.duty:D1");
        var external = Given(new ExternalPay("E1", Money.Of(100m)), "pay.external:E1");
        var consumables = new Expense("X1", new DateOnly(2025, 3, 3), "consumables", Money.Of(40m), "", "");
        var utilities = new Expense("X2", new DateOnly(2025, 3, 3), "utilities", Money.Of(500m), "", "");
        var lessons = new[] { Lesson("L1", "T1", 3, 3), Lesson("L2", "T1", 3, 4) };
        var rule = new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy());
        var pays = Fire<LessonPay>(rule, [Fees(1000m), T1, stipend, external, consumables, utilities, .. lessons]);
        Assert.All(pays, p => Assert.Equal(Money.Of(400m), p.Amount));
    }

    [Fact]
    public void ExternalStaffsLessons_AreNotPaidNorCountedInThePool_ByDefault()
    {
        // Pool = 1000 − external agreement 100 = 900. By default only T1's 2 lessons count: 900 ÷ 2 = 450 each; E1's none.
        // also-lesson-pay: 900 ÷ 4 lessons = 225 each, E1's included.
        var external = Given(new ExternalPay("E1", Money.Of(100m)), "pay.external:E1");
        var lessons = new[] { Lesson("L1", "T1", 3, 3), Lesson("L2", "T1", 3, 4), Lesson("L3", "E1", 3, 3), Lesson("L4", "E1", 3, 4) };
        var byDefault = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy()), [Fees(1000m), T1, E1, external, .. lessons]);
        Assert.Equal(new Dictionary<string, string> { ["L1"] = "450.00", ["L2"] = "450.00" }, Amounts(byDefault));
        var also = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool, ExternalLessons = ExternalLessons.AlsoLessonPay }, new AwardPolicy()), [Fees(1000m), T1, E1, external, .. lessons]);
        Assert.Equal(new Dictionary<string, string> { ["L1"] = "225.00", ["L2"] = "225.00", ["L3"] = "225.00", ["L4"] = "225.00" }, Amounts(also));
    }

    [Fact]
    public void ExternalStaffsLessons_EarnNoFixedRatePay_AndAreReportedByName()
    {
        var lessons = new[] { Lesson("L1", "T1", 3, 3), Lesson("L9", "E1", 3, 4), Lesson("L3", "E1", 3, 3) };
        var pays = Fire<LessonPay>(new FixedRatePayRule(new PayPolicy { Mode = PayMode.PerLesson, Rate = 20m }), [T1, E1, .. lessons]);
        Assert.Equal(["L1"], pays.Select(p => p.LessonId));
        var finding = Assert.Single(Fire<FindingFact>(new ExternalLessonUnpaidRule(), [T1, E1, .. lessons]));
        Assert.Equal(("external-lesson-unpaid", Severity.Warning, "E1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Contains("L3 (2025-03-03), L9 (2025-03-04)", finding.Message.En);
    }

    [Fact]
    public void ThePoolsFees_AreWhatWasBilled_OrWhatWasCollected_LessRefunds()
    {
        // Billed: payable 1000 − refunded 100 = 900 → 1 lesson 900.00. Collected: paid 800 − refunded 100 = 700.00.
        var account = Given(new FamilyAccount("S1", Money.Of(1000m), Money.Of(100m), Money.Of(800m)), "fees.family-account:S1");
        var payment = new FamilyPayment("P1", "S1", new DateOnly(2025, 3, 1), Money.Of(800m));
        var lesson = Lesson("L1", "T1", 3, 3);
        var billed = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, new AwardPolicy()), account, payment, T1, lesson).Single();
        var collected = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool, PoolFees = PoolFees.Collected }, new AwardPolicy()), account, payment, T1, lesson).Single();
        Assert.Equal((Money.Of(900m), Money.Of(700m)), (billed.Amount, collected.Amount));
    }

    [Fact]
    public void TheAwardReserve_IsTakenOffThePoolOnlyWhenThePlanSaysSo()
    {
        // 002 §1 二(三)2 names no reserve: 1000.00. With pool_deducts_award_reserve: 1000 − 200 = 800.00.
        var lesson = Lesson("L1", "T1", 3, 3);
        var awards = new AwardPolicy { Reserve = 200m };
        var byDefault = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool }, awards), Fees(1000m), T1, lesson).Single();
        var deducted = Fire<LessonPay>(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool, PoolDeductsAwardReserve = true }, awards), Fees(1000m), T1, lesson).Single();
        Assert.Equal((Money.Of(1000m), Money.Of(800m)), (byDefault.Amount, deducted.Amount));
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

    private static IFact[] AdminDutyMarch(params (string Staff, int Month, int Day)[] roster)
    {
        // March: 10 lessons × 100 = 1000 lesson pay, break supervision 100; April: 5 lessons × 100 = 500.
        var march = Enumerable.Range(3, 10).Select(d => Pay("L" + d, d, 100m));
        var april = Enumerable.Range(7, 5).Select(d => Given(new LessonPay("T1", "A" + d, new DateOnly(2025, 4, d), new Month(2025, 4), 1m, Money.Of(100m)), "pay.fixed-rate:A" + d));
        var breaks = Given(new Stipend("T1", "break-supervision", new DateOnly(2025, 3, 3), new Month(2025, 3), 10, 10m, Money.Of(100m)), "stipends.duty:B1");
        var duties = roster.Select((d, i) => new DutyShift("D" + i, d.Staff, new DateOnly(2025, d.Month, d.Day), "admin-duty", 1));
        return [.. march, .. april, breaks, .. duties];
    }

    private static List<(string, string, string)> Shares(AdminDutyShare share, IFact[] facts) =>
        Fire<AdminDutyPay>(new AdminDutyShareRule(share), facts).OrderBy(s => s.StaffId).ThenBy(s => s.Month).Select(s => (s.StaffId, s.Month.ToString(), s.Amount.ToString())).ToList();

    [Fact]
    public void AdminDuty_IsEightPercentOfGeneralSpending_PaidInFull_SharedByDays()
    {
        // March: lesson pay 1000 + break supervision 100 = 1100; × 8% = 88.00 (12.57 lessons of 7, not rounded down).
        // A has 3 duty days, B 1: 88 × 3/4 = 66.00 and 88 × 1/4 = 22.00.
        var facts = AdminDutyMarch(("A", 3, 3), ("A", 3, 4), ("A", 3, 5), ("B", 3, 6));
        Assert.Equal([("A", "2025-03", "66.00"), ("B", "2025-03", "22.00")], Shares(new AdminDutyShare { Percent = 8m, LessonValue = 7m }, facts));
    }

    [Fact]
    public void AdminDuty_InWholeSevenYuanLessons_WhenThePlanRoundsDown()
    {
        // 88.00 ÷ 7 = 12.57 → 12 lessons; A 12 × 3/4 = 9 lessons = 63.00, B 3 lessons = 21.00 (84.00 of the 88.00).
        var facts = AdminDutyMarch(("A", 3, 3), ("A", 3, 4), ("A", 3, 5), ("B", 3, 6));
        Assert.Equal([("A", "2025-03", "63.00"), ("B", "2025-03", "21.00")],
            Shares(new AdminDutyShare { Percent = 8m, LessonValue = 7m, Rounding = AdminDutyRounding.WholeLessons }, facts));
    }

    [Fact]
    public void AdminDuty_OnLessonPayAlone_LeavesBreakSupervisionOut()
    {
        // March lesson pay 1000 × 8% = 80.00; A 3/4 = 60.00, B 1/4 = 20.00.
        var facts = AdminDutyMarch(("A", 3, 3), ("A", 3, 4), ("A", 3, 5), ("B", 3, 6));
        Assert.Equal([("A", "2025-03", "60.00"), ("B", "2025-03", "20.00")],
            Shares(new AdminDutyShare { Percent = 8m, LessonValue = 7m, Base = AdminDutyBase.LessonPay }, facts));
    }

    [Fact]
    public void AdminDuty_OverTheTerm_IsSharedByTermDaysThenSpreadOverEachPersonsMonths()
    {
        // Term: lesson pay 1000 + 500 + breaks 100 = 1600 × 8% = 128.00. A has 3 days (2 in March, 1 in April), B 1 (April):
        // A 128 × 3/4 = 96.00 → March 96 × 2/3 = 64.00, April 32.00; B 32.00 in April.
        // By month instead: March 1100 × 8% = 88.00 all to A; April 500 × 8% = 40.00, A and B 20.00 each.
        var facts = AdminDutyMarch(("A", 3, 3), ("A", 3, 4), ("A", 4, 7), ("B", 4, 8));
        Assert.Equal([("A", "2025-03", "64.00"), ("A", "2025-04", "32.00"), ("B", "2025-04", "32.00")],
            Shares(new AdminDutyShare { Percent = 8m, LessonValue = 7m, Period = AdminDutyPeriod.Term }, facts));
        Assert.Equal([("A", "2025-03", "88.00"), ("A", "2025-04", "20.00"), ("B", "2025-04", "20.00")],
            Shares(new AdminDutyShare { Percent = 8m, LessonValue = 7m }, facts));
    }

    [Fact]
    public void APoolPlanWithNoLessons_IsAFinding()
    {
        var term = new TermInfo("T", "School", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28));
        Assert.Equal("pool-no-lessons", Fire<FindingFact>(new PoolWithoutLessonsRule(), term).Single().Code);
        var lesson = new LessonDelivered("L1", "T1", new DateOnly(2025, 3, 3), "1", 40, "g");
        Assert.Empty(Fire<FindingFact>(new PoolWithoutLessonsRule(), term, lesson));
        var externalOnly = Lesson("L2", "E1", 3, 3);
        Assert.Equal("pool-no-lessons", Fire<FindingFact>(new PoolWithoutLessonsRule(), term, E1, externalOnly).Single().Code);
        Assert.Empty(Fire<FindingFact>(new PoolWithoutLessonsRule(ExternalLessons.AlsoLessonPay), term, E1, externalOnly));
    }

    [Fact]
    public void AMonthPaidBelowTheFloorPerFortyMinuteLessonHour_IsAWarningNamingTheShortfall()
    {
        // 004 §11 floor 60 per lesson-hour of 40 minutes; T1 is paid 20 per lesson of 45 minutes, 3 lessons in March:
        // pay 60.00; units 3 × 45 / 40 = 3.375 lesson-hours; 60 × 3.375 = 202.50; shortfall 202.50 − 60.00 = 142.50.
        var floor = new RateBound { Amount = 60m, Unit = RateUnit.LessonHour };
        var pay = new PayPolicy { Mode = PayMode.PerLesson, Rate = 20m, LessonHourMinutes = 40, Floor = floor };
        var lessons = new[] { Lesson("L1", "T1", 3, 3, minutes: 45), Lesson("L2", "T1", 3, 4, minutes: 45), Lesson("L3", "T1", 3, 5, minutes: 45) };
        var month = Fire<StaffMonthPay>(new FixedRatePayRule(pay), [T1, .. lessons]).Single();
        Assert.Equal((Money.Of(60m), Money.Of(60m)), (month.Computed, month.Paid));
        var finding = Fire<FindingFact>(new PayFloorRule(floor, 40), month).Single();
        Assert.Equal(("pay-below-floor", Severity.Warning, "T1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Contains("2025-03", finding.Message.Zh);
        Assert.Contains("差额 142.50", finding.Message.Zh);
        Assert.Contains("60 元/课时（40 分钟）", finding.Message.Zh);
    }

    [Fact]
    public void AClampingFloor_PaysFloorTimesUnits_SharedOverTheLessonsByMinutes()
    {
        // Same month, clamp: paid 202.50, over 3 lessons of equal minutes: 20250 fen ÷ 3 = 6750 each = 67.50. Severity info.
        var floor = new RateBound { Amount = 60m, Unit = RateUnit.LessonHour, Clamp = true };
        var pay = new PayPolicy { Mode = PayMode.PerLesson, Rate = 20m, LessonHourMinutes = 40, Floor = floor };
        var lessons = new[] { Lesson("L1", "T1", 3, 3, minutes: 45), Lesson("L2", "T1", 3, 4, minutes: 45), Lesson("L3", "T1", 3, 5, minutes: 45) };
        var derived = Fire(new FixedRatePayRule(pay), [T1, .. lessons]);
        Assert.All(derived.OfType<LessonPay>(), p => Assert.Equal(Money.Of(67.5m), p.Amount));
        var month = derived.OfType<StaffMonthPay>().Single();
        Assert.Equal(Money.Of(202.5m), month.Paid);
        Assert.Equal(Severity.Info, Fire<FindingFact>(new PayFloorRule(floor, 40), month).Single().Severity);
    }

    [Fact]
    public void ThePoolAboveTheCeiling_IsCheckedPerTeacherAndMonth()
    {
        // Pool 1600.00 over 20 lessons: T1 4 → 1600 × 4/20 = 320.00, T2 16 → 1280.00. Ceiling 60 per lesson:
        // T1 60 × 4 = 240, excess 80.00; T2 60 × 16 = 960, excess 320.00. With clamp T1 is paid 240.00, 60.00 a lesson.
        var ceiling = new RateBound { Amount = 60m, Unit = RateUnit.Lesson, Clamp = true };
        var lessons = Enumerable.Range(1, 20).Select(i => Lesson($"L{i:D2}", i <= 4 ? "T1" : "T2", 3, i)).ToArray();
        var derived = Fire(new PoolPayRule(new PayPolicy { Mode = PayMode.Pool, Ceiling = ceiling }, new AwardPolicy()), [Fees(1600m), T1, T2, .. lessons]);
        var months = derived.OfType<StaffMonthPay>().OrderBy(m => m.StaffId).ToList();
        Assert.Equal([("T1", "320.00", "240.00"), ("T2", "1280.00", "960.00")], months.Select(m => (m.StaffId, m.Computed.ToString(), m.Paid.ToString())));
        Assert.All(derived.OfType<LessonPay>(), p => Assert.Equal(Money.Of(60m), p.Amount));
        var findings = months.SelectMany(m => Fire<FindingFact>(new PayCeilingRule(ceiling with { Clamp = false }, null), m)).OrderBy(f => f.Subject).ToList();
        Assert.Equal([("T1", Severity.Warning), ("T2", Severity.Warning)], findings.Select(f => (f.Subject, f.Severity)));
        Assert.Contains("excess 80.00", findings[0].Message.En);
        Assert.Contains("excess 320.00", findings[1].Message.En);
    }

    [Fact]
    public void AMonthAtTheFloorToTheFen_IsNoFinding_OneFenShortIs()
    {
        // 60 per lesson-hour of 45 minutes, paid per lesson-hour at 60: 3 lessons of 40 minutes = 3 × 53.33 = 159.99;
        // the floor 60 × 120/45 = 160.00 to the fen: 159.99 is 1 fen short, so it is reported; 2 lessons of 45 minutes
        // (60.00 each, 120.00 in all, 60 × 90/45 = 120.00) are not.
        var floor = new RateBound { Amount = 60m, Unit = RateUnit.LessonHour };
        var pay = new PayPolicy { Mode = PayMode.PerLessonHour, Rate = 60m, LessonHourMinutes = 45, Floor = floor };
        var even = Fire<StaffMonthPay>(new FixedRatePayRule(pay), T1, Lesson("L1", "T1", 3, 3, minutes: 45), Lesson("L2", "T1", 3, 4, minutes: 45)).Single();
        Assert.Empty(Fire<FindingFact>(new PayFloorRule(floor, 45), even));
        var odd = Fire<StaffMonthPay>(new FixedRatePayRule(pay), T1, Lesson("L1", "T1", 3, 3), Lesson("L2", "T1", 3, 4), Lesson("L3", "T1", 3, 5)).Single();
        Assert.Contains("0.01", Fire<FindingFact>(new PayFloorRule(floor, 45), odd).Single().Message.Zh);
    }
}
