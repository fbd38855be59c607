using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 002 §1 一(一): 退还部分课后服务费: each spell's days at refund_percent of the family's daily rate
/// (payable ÷ D), spells in date order, rounded cumulatively (see <see cref="RefundRounding"/>).
/// </summary>
[Name("refunds.absence")]
[Priority(Stage.Refunds)]
[Title("缺勤退费", "Absence refund")]
[Clause("002 §1 一(一)")]
public sealed class AbsenceRefundRule(AbsenceRefundPolicy policy) : SettlementRule
{
    public override void Define()
    {
        // A family's absence spells, what it pays and its service days, brought together by student.
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is AbsenceSpell || f is FeePayable || f is StudentSchedule)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is AbsenceSpell)));
        Then().Do(ctx => Refund(Context(ctx), family.Key, family.Of<AbsenceSpell>(), family.Of<FeePayable>().Single(), family.Of<StudentSchedule>().Single()));
    }

    private void Refund(RuleContext ctx, string student, List<AbsenceSpell> spells, FeePayable payable, StudentSchedule schedule)
    {
        var d = schedule.Days.Count;
        var before = 0m;
        var percent = policy.RefundPercent;
        var part = percent == 100m ? "" : $" × {N(percent)}%";
        foreach (var spell in spells.OrderBy(s => s.From))
        {
            var share = RefundRounding.Share(spell.Days, percent);
            var amount = RefundRounding.For(payable.Payable, before, share, d);
            var prior = before;
            Func<Bilingual> sentence = prior == 0m
                ? () => new Bilingual($"应缴 {Y(payable.Payable)} × 缺席 {N(spell.Days)} 日{part} / 服务 {N(d)} 日 = {Y(amount)}",
                    $"payable {Y(payable.Payable)} × {N(spell.Days)} days missed{part} / {N(d)} service days = {Y(amount)}")
                : () => new Bilingual($"应缴 {Y(payable.Payable)} × (已退 {N(prior)} + 本次 {N(spell.Days)}{part}) 日 / {N(d)} 日 − 已退部分 = {Y(amount)}（累计四舍五入）",
                    $"payable {Y(payable.Payable)} × ({N(prior)} refunded + {N(spell.Days)}{part}) days / {N(d)} − what was refunded = {Y(amount)} (rounded cumulatively)");
            ctx.Insert(new FeeRefund(student, FeeRefundKind.Absence, spell.Days, spell.From, spell.To, amount),
                student + ":" + D(spell.From), [spell, payable, schedule], sentence);
            before += share;
        }
    }
}
