using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Stipends;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// 002 §1 二(三)1: 值班领导以每人每天0元计,保安每人每天30元计,勤杂人员每人每天0元计; 001 篇三 (一)2(1): 以每课间10元计算.
/// </summary>
public class DutyStipendRuleTests
{
    /// <summary>The rates of 002 §1 二(三)1.</summary>
    private static readonly StipendPolicy Plan002 = new()
    {
        PerDay = new Dictionary<string, decimal> { ["guard"] = 30m, ["duty-leader"] = 0m, ["support"] = 0m },
    };

    /// <summary>The rate of 001 篇三 (一)2(1), with the 8% admin-duty share of 篇三 (一)2(2).</summary>
    private static readonly StipendPolicy Plan001 = new()
    {
        PerBreak = 10m,
        AdminDutyShare = new AdminDutyShare { Percent = 8m, LessonValue = 7m },
    };

    private static DutyShift Shift(string id, string staff, int month, int day, string duty, int count = 1) =>
        new(id, staff, new DateOnly(2025, month, day), duty, count);

    [Fact]
    public void AGuardsDay_IsPaidThirtyYuan_InTheMonthOfTheDay()
    {
        // 保安每人每天30元: 1 day × 30 = 30.00, in March.
        var s = Fire<Stipend>(new DutyStipendRule(Plan002), Shift("D1", "G1", 3, 31, "guard")).Single();
        Assert.Equal(("G1", "guard", new Month(2025, 3), 1, 30m, Money.Of(1 * 30m)), (s.StaffId, s.Duty, s.Month, s.Count, s.Rate, s.Amount));
        Assert.Equal("stipends.duty:D1", s.Id);
        Assert.Equal(["duty:D1"], s.Provenance.SourceIds);
        Assert.Equal("2025-03-31 保安 1 天 × 30 元 = 30.00", s.Provenance.Explanation.Zh);
    }

    [Fact]
    public void EachRosterDay_IsPaidToItsOwnStaffMember_AtTheRateOfItsDuty()
    {
        // G1 guards on 03-03 and 04-01: 30.00 in March and 30.00 in April; L1 leads on 03-03 at 0 元 (值班领导以每人每天0元计):
        // a line of 0.00, and no finding, for the plan does set the rate.
        var derived = Fire(new DutyStipendRule(Plan002), Shift("D2", "G1", 4, 1, "guard"), Shift("D1", "G1", 3, 3, "guard"), Shift("D3", "L1", 3, 3, "duty-leader"));
        Assert.Equal(
            [("G1", "2025-03", "30.00"), ("G1", "2025-04", "30.00"), ("L1", "2025-03", "0.00")],
            derived.OfType<Stipend>().OrderBy(s => s.StaffId).ThenBy(s => s.Month).Select(s => (s.StaffId, s.Month.ToString(), s.Amount.ToString())));
        Assert.Empty(derived.OfType<FindingFact>());
    }

    [Fact]
    public void BreakSupervision_IsPaidPerBreak()
    {
        // 以每课间10元计算: 3 breaks × 10 = 30.00.
        var s = Fire<Stipend>(new DutyStipendRule(Plan001), Shift("B1", "T1", 3, 4, "break-supervision", 3)).Single();
        Assert.Equal((3, 10m, Money.Of(3 * 10m)), (s.Count, s.Rate, s.Amount));
        Assert.Equal("2025-03-04 课间看护 3 次 × 10 元 = 30.00", s.Provenance.Explanation.Zh);
    }

    [Fact]
    public void ADutyThePlanSetsNoRateFor_IsPaidNothing_AndReported()
    {
        // 001 篇三 sets no day rate for guards: the day is paid 0.00 and a warning names the duty and the day.
        var derived = Fire(new DutyStipendRule(Plan001), Shift("D1", "G1", 3, 5, "guard"));
        var s = derived.OfType<Stipend>().Single();
        Assert.Equal((0m, Money.Zero), (s.Rate, s.Amount));
        var finding = derived.OfType<FindingFact>().Single();
        Assert.Equal(("stipend-rate-missing", Severity.Warning, "G1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Equal("方案未规定“保安”补助标准，2025-03-05 按 0 元计", finding.Message.Zh);
        Assert.Equal("stipends.duty:no-rate:D1", finding.Id);
        Assert.Equal(["duty:D1"], finding.Provenance.SourceIds);
    }

    [Fact]
    public void BreakSupervision_InAPlanWithoutAPerBreakRate_IsReported()
    {
        // 002 §1 has day rates only: 4 breaks × 0 = 0.00, and a warning.
        var derived = Fire(new DutyStipendRule(Plan002), Shift("B1", "T1", 3, 4, "break-supervision", 4));
        Assert.Equal(Money.Zero, derived.OfType<Stipend>().Single().Amount);
        Assert.Equal("stipend-rate-missing", derived.OfType<FindingFact>().Single().Code);
    }

    [Fact]
    public void AdminDuty_IsLeftToTheShareOfSpending_WhenThePlanHasOne_OtherwisePaidByTheDay()
    {
        // 001 篇三 (一)2(2) pays admin duty from 8% of spending (AdminDutyShareRule), so this rule pays the day nothing
        // and derives nothing for it. A plan with a day rate of 20 for admin duty instead: 1 day × 20 = 20.00.
        Assert.Empty(Fire(new DutyStipendRule(Plan001), Shift("A1", "T1", 3, 4, "admin-duty")));
        var byDay = new StipendPolicy { PerDay = new Dictionary<string, decimal> { ["admin-duty"] = 20m } };
        Assert.Equal(Money.Of(20m), Fire<Stipend>(new DutyStipendRule(byDay), Shift("A1", "T1", 3, 4, "admin-duty")).Single().Amount);
    }
}
