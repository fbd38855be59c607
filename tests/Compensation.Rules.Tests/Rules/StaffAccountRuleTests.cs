using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Pay;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// 001 篇三 (一)1: 以月为计算周期…学期汇总; the Readings: one month's deductions never exceed its base, percent
/// deductions are of gross pay.
/// </summary>
public class StaffAccountRuleTests
{
    private static readonly StaffMember T1 = new("T1", "教师1", "E1", "teacher", false, null);
    private static readonly StaffMember T2 = new("T2", "教师2", "E2", "teacher", false, null);

    private static LessonPay Pay(string lesson, string staff, int month, int day, decimal amount) =>
        Given(new LessonPay(staff, lesson, new DateOnly(2025, month, day), new Month(2025, month), 1m, Money.Of(amount)), "pay.fixed-rate:" + lesson);

    private static Stipend Guard(string id, string staff, int month, int day, decimal amount) =>
        Given(new Stipend(staff, "guard", new DateOnly(2025, month, day), new Month(2025, month), 1, amount, Money.Of(amount)), "stipends.duty:" + id);

    private static Deduction Deducted(string id, string staff, int? month, decimal amount, DeductionBase on = DeductionBase.LessonPay) =>
        Given(new Deduction(staff, month is { } m ? new Month(2025, m) : null, "handover", "percent", 10m, Money.Of(amount), [id], new Bilingual("", "")) { Base = on },
            "deductions.review/handover:" + id);

    private static StaffAccount Account(DeductionBase baseKind, params Compensation.Rules.Facts.IFact[] facts) =>
        Fire<StaffAccount>(new StaffAccountRule(baseKind), facts).Single(a => a.StaffId == "T1");

    [Fact]
    public void AStaffMembersTerm_IsTheirMonthsPlusAwards_LessDeductions_AndNoOneElsesPay()
    {
        // March: lessons 60 + 60 = 120.00, guard 30.00, deduction 12.00 (≤ base 120): gross 150.00, net 138.00.
        // April: lesson 60.00, admin duty 20.00, no deduction: gross 80.00, net 80.00.
        // Award 50.00. Term: gross 150 + 80 + 50 = 280.00 − deductions 12.00 = 268.00.
        // T2's March lesson of 80.00 is T2's alone.
        var admin = Given(new AdminDutyPay("T1", new Month(2025, 4), 1, 2.8571m, 7m, Money.Of(20m)), "stipends.admin-duty-share:T1:2025-04");
        var award = Given(new AwardPay("T1", Money.Of(50m), "优秀"), "awards.grant:T1");
        var accounts = Fire<StaffAccount>(new StaffAccountRule(DeductionBase.LessonPay),
            Pay("L3", "T1", 4, 7, 60m), T2, Pay("L2", "T1", 3, 10, 60m), Deducted("C1", "T1", 3, 12m), award, Guard("D1", "T1", 3, 5, 30m),
            Pay("L9", "T2", 3, 3, 80m), admin, T1, Pay("L1", "T1", 3, 3, 60m)).OrderBy(a => a.StaffId).ToList();

        var a = accounts[0];
        Assert.Equal(
            [
                ("2025-03", 2, 2m, "120.00", "30.00", "120.00", "12.00", "12.00", "150.00", "138.00"),
                ("2025-04", 1, 1m, "60.00", "20.00", "60.00", "0.00", "0.00", "80.00", "80.00"),
            ],
            a.Months.Select(m => (m.Month.ToString(), m.Lessons, m.Units, m.LessonPay.ToString(), m.Stipends.ToString(), m.Base.ToString(),
                m.DeductionsRaw.ToString(), m.DeductionTotal.ToString(), m.Gross.ToString(), m.Net.ToString())));
        Assert.Equal((Money.Zero, Money.Zero, Money.Of(50m)), (a.TermDeductionTotal, a.ExternalPay, a.Awards));
        Assert.Equal((Money.Of(150m + 80m + 50m), Money.Of(12m), Money.Of(280m - 12m)), (a.Gross, a.Deductions, a.Net));
        Assert.Equal("pay.staff-account:T1", a.Id);
        Assert.Equal(
            "逐月（课时费 + 补助 − 扣除，扣除不超过当月基数）：2025-03: 120.00 + 30.00 − 12.00; 2025-04: 60.00 + 20.00 − 0.00；外聘 0.00，奖励 50.00，学期扣除 0.00；应发 280.00 − 扣除 12.00 = 实发 268.00",
            a.Provenance.Explanation.Zh);
        Assert.Equal("staff:T1", a.Provenance.SourceIds[0]);
        Assert.Subset(a.Provenance.SourceIds.ToHashSet(), new HashSet<string>
            { "pay.fixed-rate:L1", "pay.fixed-rate:L2", "pay.fixed-rate:L3", "stipends.duty:D1", "stipends.admin-duty-share:T1:2025-04", "deductions.review/handover:C1" });
        Assert.DoesNotContain("pay.fixed-rate:L9", a.Provenance.SourceIds);

        var b = accounts[1];
        Assert.Equal(("T2", Money.Of(80m), Money.Of(80m)), (b.StaffId, b.Gross, b.Net));
    }

    [Fact]
    public void AMonthsDeductions_AreCappedAtItsLessonPay_UnlessADeductionWasTakenOfStipendsToo()
    {
        // March: lesson pay 100.00, guard 30.00; deductions 80 + 50 = 130.00.
        // Base lesson pay: capped at 100.00 (100%): net 130 − 100 = 30.00.
        var capped = Account(DeductionBase.LessonPay, T1, Pay("L1", "T1", 3, 3, 100m), Guard("D1", "T1", 3, 4, 30m), Deducted("C1", "T1", 3, 80m), Deducted("C2", "T1", 3, 50m));
        var m = capped.Months.Single();
        Assert.Equal((Money.Of(100m), Money.Of(80m + 50m), Money.Of(100m), Money.Of(30m)), (m.Base, m.DeductionsRaw, m.DeductionTotal, m.Net));
        Assert.Equal(Money.Of(30m), capped.Net);
        Assert.Contains("2025-03: 100.00 + 30.00 − 100.00（扣除原为 130.00，以当月基数为限）", capped.Provenance.Explanation.Zh);
        Assert.Contains("(capped from 130.00)", capped.Provenance.Explanation.En);

        // One of them taken of lesson pay and stipends (its rule's own base): the base is 100 + 30 = 130.00, all of
        // the 130.00 stands, net 0.00.
        var wide = Account(DeductionBase.LessonPay, T1, Pay("L1", "T1", 3, 3, 100m), Guard("D1", "T1", 3, 4, 30m), Deducted("C1", "T1", 3, 80m, DeductionBase.LessonPayAndStipends), Deducted("C2", "T1", 3, 50m));
        Assert.Equal((Money.Of(130m), Money.Of(130m), Money.Zero), (wide.Months[0].Base, wide.Months[0].DeductionTotal, wide.Net));

        // deductions.base lesson-pay-and-stipends for the whole plan: the same 130.00.
        var plan = Account(DeductionBase.LessonPayAndStipends, T1, Pay("L1", "T1", 3, 3, 100m), Guard("D1", "T1", 3, 4, 30m), Deducted("C1", "T1", 3, 80m), Deducted("C2", "T1", 3, 50m));
        Assert.Equal((Money.Of(130m), Money.Zero), (plan.Months[0].DeductionTotal, plan.Net));
    }

    [Fact]
    public void ATermDeduction_IsCappedAtWhatTheMonthsLeaveOfTheTermsBase()
    {
        // March: lesson pay 100.00, guard 30.00, a month deduction of 40.00; a term-scope deduction of 80.00.
        // Base lesson pay: the term's base 100 − the months' 40 = 60 left; the term deduction is 60.00, not 80.00;
        // deductions 40 + 60 = 100.00; net 130 − 100 = 30.00.
        var a = Account(DeductionBase.LessonPay, T1, Pay("L1", "T1", 3, 3, 100m), Guard("D1", "T1", 3, 4, 30m), Deducted("C1", "T1", 3, 40m), Deducted("C2", "T1", null, 80m));
        Assert.Equal((Money.Of(100m - 40m), Money.Of(40m + 60m), Money.Of(130m - 100m)), (a.TermDeductionTotal, a.Deductions, a.Net));
        Assert.Equal(Money.Of(40m), a.Months.Single().DeductionTotal);

        // Base lesson pay and stipends: 130 − 40 = 90 left, so all of the 80.00 stands: 40 + 80 = 120.00; net 10.00.
        var b = Account(DeductionBase.LessonPayAndStipends, T1, Pay("L1", "T1", 3, 3, 100m), Guard("D1", "T1", 3, 4, 30m), Deducted("C1", "T1", 3, 40m), Deducted("C2", "T1", null, 80m));
        Assert.Equal((Money.Of(80m), Money.Of(120m), Money.Of(10m)), (b.TermDeductionTotal, b.Deductions, b.Net));
    }

    [Fact]
    public void ExternalStaff_AreSettledOnTheirAgreement_AndStaffWithNothingGetAZeroAccount()
    {
        // E1: agreement pay 1500.00 and no months: gross and net 1500.00. T1 has no pay at all: an account of 0.00.
        var e1 = new StaffMember("E1", "外聘1", "X1", "coach", true, Money.Of(1500m));
        var external = Given(new ExternalPay("E1", Money.Of(1500m)), "pay.external:E1");
        var accounts = Fire<StaffAccount>(new StaffAccountRule(DeductionBase.LessonPay), e1, external, T1).OrderBy(a => a.StaffId).ToList();
        Assert.Equal([("E1", "1500.00", "1500.00", "1500.00"), ("T1", "0.00", "0.00", "0.00")],
            accounts.Select(a => (a.StaffId, a.ExternalPay.ToString(), a.Gross.ToString(), a.Net.ToString())));
        Assert.All(accounts, a => Assert.Empty(a.Months));
        Assert.Contains("by month (lesson pay + stipends − deductions, capped at the month's base): —;", accounts[1].Provenance.Explanation.En);
    }

    [Fact]
    public void PayForSomeoneNotOnTheStaffList_MakesNoAccount() =>
        Assert.Empty(Fire<StaffAccount>(new StaffAccountRule(DeductionBase.LessonPay), Pay("L1", "T9", 3, 3, 60m)));
}
