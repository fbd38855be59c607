using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>002 §1 一(一): 退还部分课后服务费: the spell's days at the family's daily rate, round(payable × days / D).</summary>
[Rule("refunds.absence", Priority = 55)]
[Title("缺勤退费", "Absence refund")]
[Clause("002 §1 一(一)")]
public sealed class AbsenceRefundRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FeeRefund>();
        rule.Match<AbsenceSpell>()
            .Join<FeePayable, string>(static s => s.StudentId, static p => p.StudentId)
            .Join<StudentSchedule, string>(static s => s.StudentId, static s => s.StudentId)
            .Then((ctx, spell, payable, schedule) =>
            {
                if (schedule.Days.Count == 0)
                {
                    return;
                }

                var amount = Money.Round(payable.Payable.Yuan * spell.Days / schedule.Days.Count);
                ctx.Insert(new FeeRefund(spell.StudentId, FeeRefundKind.Absence, spell.Days, spell.From, spell.To, amount),
                    spell.StudentId + ":" + D(spell.From), [spell, payable, schedule], new Bilingual(
                        $"应缴 {Y(payable.Payable)} × 缺席 {N(spell.Days)} 日 / 服务 {N(schedule.Days.Count)} 日 = {Y(amount)}",
                        $"payable {Y(payable.Payable)} × {N(spell.Days)} days missed / {N(schedule.Days.Count)} service days = {Y(amount)}"));
            });
    }
}
