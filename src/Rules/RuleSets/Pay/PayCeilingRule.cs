using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>002 §1 二(一): 按每课时不高于60元的标准. A rate (or pool value per lesson) above the ceiling is a finding.</summary>
[Rule("pay.ceiling", Priority = 20)]
[Title("课时费上限", "Pay ceiling")]
[Clause("002 §1 二(一)")]
public sealed class PayCeilingRule(RateBound ceiling) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Match<PayRate>(r => r.PerUnit > ceiling.Amount).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, rate) =>
        {
            var message = new Bilingual(
                $"课时费 {N(decimal.Round(rate.PerUnit, 4))} 元高于上限 {N(ceiling.Amount)} 元" + (ceiling.Clamp ? "，已按上限发放" : ""),
                $"pay of {N(decimal.Round(rate.PerUnit, 4))} yuan per {rate.Unit} is above the ceiling of {N(ceiling.Amount)}" + (ceiling.Clamp ? "; paid at the ceiling" : ""));
            ctx.Insert(new FindingFact("pay-above-ceiling", ceiling.Clamp ? Severity.Info : Severity.Warning, "pay", message), "above", [rate], message);
        });
    }
}
