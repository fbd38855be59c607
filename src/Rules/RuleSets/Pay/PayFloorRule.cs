using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 004 §11: 报酬按照每课时不低于60元的标准核定发放. Per staff member and month, the rate paid is the lesson pay ÷ the
/// units in the floor's unit; below the floor, the shortfall (floor × units − pay) is a finding, paid when the plan clamps.
/// </summary>
[Name("pay.floor")]
[Priority(Stage.PayChecks)]
[Title("课时费下限", "Pay floor")]
[Clause("004 §11")]
public sealed class PayFloorRule(RateBound floor, int? lessonHourMinutes) : SettlementRule
{
    public override void Define()
    {
        var bound = floor;
        var hour = lessonHourMinutes;
        StaffMonthPay m = null!;
        When().Match(() => m, m => m.Computed < PayBounds.Limit(bound, m.Lessons, m.Minutes, hour));
        Then().Do(ctx => Report(Context(ctx), m));
    }

    private void Report(RuleContext ctx, StaffMonthPay m)
    {
        var units = PayBounds.Units(floor.Unit, m.Lessons, m.Minutes, lessonHourMinutes);
        var limit = PayBounds.Limit(floor, m.Lessons, m.Minutes, lessonHourMinutes);
        var shortfall = limit - m.Computed;
        var unitZh = PayBounds.UnitZh(floor.Unit, lessonHourMinutes);
        var unitEn = PayBounds.UnitEn(floor.Unit, lessonHourMinutes);
        var rate = units == 0m ? 0m : decimal.Round(m.Computed.Yuan / units, 2, MidpointRounding.AwayFromZero);
        var message = new Bilingual(
            $"{m.Month} 课时费 {Y(m.Computed)} ÷ {N(decimal.Round(units, 4))} {unitZh} = {N(rate)} 元/{unitZh}，低于下限 {N(floor.Amount)} 元/{unitZh}；差额 {Y(shortfall)}" + (floor.Clamp ? "，已按下限补足" : ""),
            $"{m.Month}: lesson pay {Y(m.Computed)} ÷ {N(decimal.Round(units, 4))} {unitEn} = {N(rate)} yuan per {unitEn}, below the floor of {N(floor.Amount)}; shortfall {Y(shortfall)}" + (floor.Clamp ? "; paid up to the floor" : ""));
        ctx.Insert(new FindingFact("pay-below-floor", floor.Clamp ? Severity.Info : Severity.Warning, m.StaffId, message), m.StaffId + ":" + m.Month, [m], message);
    }
}
