using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>States the fixed rate the term is paid at, so the floor and ceiling rules can check it.</summary>
[Rule("pay.rate", Priority = 90)]
[Title("课时费标准", "Pay rate")]
[Clause("001 篇三 (一)1")]
public sealed class PayRateRule(PayPolicy pay) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<PayRate>();
        rule.Match<TermInfo>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, term) =>
        {
            var rate = PayBounds.Clamp(pay.Rate, pay);
            var unit = pay.Mode == PayMode.PerLessonHour ? "lesson-hour" : "lesson";
            ctx.Insert(new PayRate(pay.Rate, unit, rate != pay.Rate), "fixed", [term], new Bilingual(
                rate == pay.Rate ? $"方案标准 {N(pay.Rate)} 元/{(unit == "lesson" ? "节" : "课时")}" : $"方案标准 {N(pay.Rate)} 元，按上下限调整为 {N(rate)} 元",
                rate == pay.Rate ? $"plan rate {N(pay.Rate)} yuan per {unit}" : $"plan rate {N(pay.Rate)} yuan, set to {N(rate)} by the plan's bound"));
        });
    }
}
