using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Awards;

/// <summary>002 §1 二(四)7: 学期底，对延时服务期间表现突出的老师进行评选和奖励.</summary>
[Rule("awards.grant", Priority = 90)]
[Title("评优奖励", "Term-end award")]
[Clause("002 §1 二(四)7")]
public sealed class AwardRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<AwardPay>();
        rule.Match<AwardDecision>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, a) =>
            ctx.Insert(new AwardPay(a.StaffId, a.Amount, a.Reason), a.AwardId, [a], new Bilingual(
                $"评优奖励 {Y(a.Amount)}：{a.Reason}", $"award {Y(a.Amount)}: {a.Reason}")));
    }
}
