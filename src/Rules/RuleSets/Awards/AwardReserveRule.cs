using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Awards;

/// <summary>Awards come from the amount the plan reserves; more than that in total is a finding.</summary>
[Rule("awards.reserve", Priority = 20)]
[Title("奖励不超过预留", "Awards within the reserve")]
[Clause("002 §1 二(四)7")]
public sealed class AwardReserveRule(AwardPolicy awards) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Aggregate<AwardPay>().ThenAll([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, paid) =>
        {
            var total = Money.Sum(paid.Select(a => a.Amount));
            var reserve = Money.Round(awards.Reserve ?? 0m);
            if (total > reserve)
            {
                var message = new Bilingual($"奖励合计 {Y(total)} 超过预留 {Y(reserve)}", $"awards total {Y(total)}, above the reserve of {Y(reserve)}");
                ctx.Insert(new FindingFact("awards-above-reserve", Severity.Error, "awards", message), "above", paid, message);
            }
        });
    }
}
