using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Awards;

/// <summary>002 §1 二(四)7: 学期底，对延时服务期间表现突出的老师进行评选和奖励.</summary>
[Name("awards.grant")]
[Priority(Stage.Inputs)]
[Title("评优奖励", "Term-end award")]
[Clause("002 §1 二(四)7")]
public sealed class AwardRule : SettlementRule
{
    public override void Define()
    {
        AwardDecision a = null!;
        When().Match(() => a);
        Then().Do(ctx => Grant(Context(ctx), a));
    }

    private static void Grant(RuleContext ctx, AwardDecision a) =>
        ctx.Insert(new AwardPay(a.StaffId, a.Amount, a.Reason), a.AwardId, [a], new Bilingual(
            $"评优奖励 {Y(a.Amount)}：{a.Reason}", $"award {Y(a.Amount)}: {a.Reason}"));
}
