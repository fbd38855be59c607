using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>004 §11: 报酬按照每课时不低于60元的标准核定发放. A rate below the floor is a finding.</summary>
[Rule("pay.floor", Priority = 20)]
[Title("课时费下限", "Pay floor")]
[Clause("004 §11")]
public sealed class PayFloorRule(RateBound floor) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Match<PayRate>(r => r.PerUnit < floor.Amount).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, rate) =>
        {
            var message = new Bilingual(
                $"课时费 {N(rate.PerUnit)} 元低于下限 {N(floor.Amount)} 元" + (floor.Clamp ? "，已按下限发放" : ""),
                $"pay of {N(rate.PerUnit)} yuan per {rate.Unit} is below the floor of {N(floor.Amount)}" + (floor.Clamp ? "; paid at the floor" : ""));
            ctx.Insert(new FindingFact("pay-below-floor", floor.Clamp ? Severity.Info : Severity.Warning, "pay", message), "below", [rate], message);
        });
    }
}
