using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>001 篇四: 不能继续参加的，按实际上课时间进行清算费用，结余的退还: the days after the last day served, at the daily rate.</summary>
[Rule("refunds.withdrawal", Priority = 55)]
[Title("中途退出退费", "Withdrawal refund")]
[Clause("001 篇四")]
public sealed class WithdrawalRefundRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FeeRefund>();
        rule.Match<FeePayable>()
            .Join<StudentSchedule, string>(static p => p.StudentId, static s => s.StudentId, static s => s.DaysAfterWithdrawal > 0)
            .Then((ctx, payable, schedule) =>
            {
                var days = schedule.DaysAfterWithdrawal;
                var amount = Money.Round(payable.Payable.Yuan * days / schedule.Days.Count);
                var from = schedule.Days[schedule.ServedDays.Count];
                ctx.Insert(new FeeRefund(payable.StudentId, FeeRefundKind.Withdrawal, days, from, schedule.Days[^1], amount),
                    payable.StudentId, [payable, schedule], new Bilingual(
                        $"{D(schedule.LastDay!.Value)} 后退出：应缴 {Y(payable.Payable)} × 未服务 {N(days)} 日 / 服务 {N(schedule.Days.Count)} 日 = {Y(amount)}",
                        $"withdrew after {D(schedule.LastDay!.Value)}: payable {Y(payable.Payable)} × {N(days)} days not served / {N(schedule.Days.Count)} service days = {Y(amount)}"));
            });
    }
}
