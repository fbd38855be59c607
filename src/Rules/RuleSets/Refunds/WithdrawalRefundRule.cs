using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 001 篇四: 不能继续参加的，按实际上课时间进行清算费用，结余的退还: the days after the last day served,
/// at the daily rate, after any absence spells, each counted at the absence refund's share of the day
/// (rounded cumulatively, see <see cref="RefundRounding"/>).
/// </summary>
[Name("refunds.withdrawal")]
[Priority(Stage.Refunds)]
[Title("中途退出退费", "Withdrawal refund")]
[Clause("001 篇四")]
public sealed class WithdrawalRefundRule(decimal absenceRefundPercent = 100m) : SettlementRule
{
    public override void Define()
    {
        // A withdrawn student's service days, what the family pays and its absence spells, brought together by student.
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is FeePayable || f is AbsenceSpell || (f is StudentSchedule && ((StudentSchedule)f).DaysAfterWithdrawal > 0))
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is StudentSchedule) && g.Any(f => f is FeePayable)));
        Then().Do(ctx => Refund(Context(ctx), family.One<FeePayable>()!, family.One<StudentSchedule>()!, family.Of<AbsenceSpell>()));
    }

    private void Refund(RuleContext ctx, FeePayable payable, StudentSchedule schedule, List<AbsenceSpell> spells)
    {
        var days = schedule.DaysAfterWithdrawal;
        var d = schedule.Days.Count;
        var before = 0m;
        foreach (var spell in spells)
        {
            before += RefundRounding.Share(spell.Days, absenceRefundPercent);
        }

        var amount = RefundRounding.For(payable.Payable, before, days, d);
        var from = schedule.Days[schedule.ServedDays.Count];
        var last = D(schedule.LastDay!.Value);
        Func<Bilingual> sentence = before == 0m
            ? () => new Bilingual($"{last} 后退出：应缴 {Y(payable.Payable)} × 未服务 {N(days)} 日 / 服务 {N(d)} 日 = {Y(amount)}",
                $"withdrew after {last}: payable {Y(payable.Payable)} × {N(days)} days not served / {N(d)} service days = {Y(amount)}")
            : () => new Bilingual($"{last} 后退出：应缴 {Y(payable.Payable)} × (缺勤已退 {N(before)} + 未服务 {N(days)}) 日 / {N(d)} 日 − 已退部分 = {Y(amount)}（累计四舍五入）",
                $"withdrew after {last}: payable {Y(payable.Payable)} × ({N(before)} refunded + {N(days)} not served) days / {N(d)} − what was refunded = {Y(amount)} (rounded cumulatively)");
        ctx.Insert(new FeeRefund(payable.StudentId, FeeRefundKind.Withdrawal, days, from, schedule.Days[^1], amount),
            payable.StudentId, [payable, schedule, .. spells], sentence);
    }
}
