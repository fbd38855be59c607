using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Awards;

/// <summary>Awards come from the amount the plan reserves; more than that in total is a finding.</summary>
[Name("awards.reserve")]
[Priority(Stage.StaffChecks)]
[Title("奖励不超过预留", "Awards within the reserve")]
[Clause("002 §1 二(四)7")]
public sealed class AwardReserveRule(AwardPolicy awards) : SettlementRule
{
    public override void Define()
    {
        // The term's awards, once there is one.
        IEnumerable<AwardPay> paid = null!;
        When().Query(() => paid, q => q.Match<AwardPay>().Collect().Where(c => c.Any()));
        Then().Do(ctx => Check(Context(ctx), paid.InIdOrder()));
    }

    private void Check(RuleContext ctx, List<AwardPay> paid)
    {
        var total = Money.Sum(paid.Select(a => a.Amount));
        var reserve = Money.Round(awards.Reserve ?? 0m);
        if (total > reserve)
        {
            var message = new Bilingual($"奖励合计 {Y(total)} 超过预留 {Y(reserve)}", $"awards total {Y(total)}, above the reserve of {Y(reserve)}");
            ctx.Insert(new FindingFact("awards-above-reserve", Severity.Error, "awards", message), "above", paid, message);
        }
    }
}
