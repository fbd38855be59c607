using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// A student who withdrew (a last day before the term's end) in a plan without a withdrawal refund is
/// charged the whole term: the plan does not say to settle by time served (001 篇四 does), so nothing is
/// refunded, and the accountant is told which days were not served.
/// </summary>
[Name("refunds.withdrawal-unsettled")]
[Priority(Stage.Spells)]
[Title("退出未退费", "Withdrawal without a refund rule")]
[Clause("001 篇四")]
public sealed class UnsettledWithdrawalRule : SettlementRule
{
    public override void Define()
    {
        StudentSchedule s = null!;
        When().Match(() => s, s => s.DaysAfterWithdrawal > 0);
        Then().Do(ctx => Warn(Context(ctx), s));
    }

    private static void Warn(RuleContext ctx, StudentSchedule s)
    {
        var days = s.DaysAfterWithdrawal;
        var from = D(s.Days[s.ServedDays.Count]);
        var to = D(s.Days[^1]);
        var last = D(s.LastDay!.Value);
        var message = new Bilingual(
            $"学生 {s.StudentId} 于 {last} 后退出，{from} 至 {to} 的 {N(days)} 个服务日未服务；本方案未规定退出退费（refunds.withdrawal），按全学期收费",
            $"student {s.StudentId} withdrew after {last}: {N(days)} service days from {from} to {to} not served; the plan has no withdrawal refund (refunds.withdrawal), so the whole term is charged");
        ctx.Insert(new FindingFact("withdrawal-not-refunded", Severity.Warning, s.StudentId, message), s.StudentId, [s], message);
    }
}
