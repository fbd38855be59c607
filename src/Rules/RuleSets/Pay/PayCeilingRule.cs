using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 002 §1 二(一): 按每课时不高于60元的标准. Per staff member and month, the rate paid is the lesson pay ÷ the units in
/// the ceiling's unit; above the ceiling, the excess (pay − ceiling × units) is a finding, held back when the plan clamps.
/// </summary>
[Name("pay.ceiling")]
[Priority(Stage.PayChecks)]
[Title("课时费上限", "Pay ceiling")]
[Clause("002 §1 二(一)")]
public sealed class PayCeilingRule(RateBound ceiling, int? lessonHourMinutes) : SettlementRule
{
    public override void Define()
    {
        var bound = ceiling;
        var hour = lessonHourMinutes;
        StaffMonthPay m = null!;
        When().Match(() => m, m => m.Computed > PayBounds.Limit(bound, m.Lessons, m.Minutes, hour));
        Then().Do(ctx => Report(Context(ctx), m));
    }

    private void Report(RuleContext ctx, StaffMonthPay m)
    {
        var units = PayBounds.Units(ceiling.Unit, m.Lessons, m.Minutes, lessonHourMinutes);
        var limit = PayBounds.Limit(ceiling, m.Lessons, m.Minutes, lessonHourMinutes);
        var excess = m.Computed - limit;
        var unitZh = PayBounds.UnitZh(ceiling.Unit, lessonHourMinutes);
        var unitEn = PayBounds.UnitEn(ceiling.Unit, lessonHourMinutes);
        var rate = units == 0m ? 0m : decimal.Round(m.Computed.Yuan / units, 2, MidpointRounding.AwayFromZero);
        var message = new Bilingual(
            $"{m.Month} 课时费 {Y(m.Computed)} ÷ {N(decimal.Round(units, 4))} {unitZh} = {N(rate)} 元/{unitZh}，高于上限 {N(ceiling.Amount)} 元/{unitZh}；超出 {Y(excess)}" + (ceiling.Clamp ? "，已按上限发放" : ""),
            $"{m.Month}: lesson pay {Y(m.Computed)} ÷ {N(decimal.Round(units, 4))} {unitEn} = {N(rate)} yuan per {unitEn}, above the ceiling of {N(ceiling.Amount)}; excess {Y(excess)}" + (ceiling.Clamp ? "; paid at the ceiling" : ""));
        ctx.Insert(new FindingFact("pay-above-ceiling", ceiling.Clamp ? Severity.Info : Severity.Warning, m.StaffId, message), m.StaffId + ":" + m.Month, [m], message);
    }
}
