using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>A family's account before the surplus refund: payable, refunds, payments received.</summary>
[Rule("fees.family-account", Priority = 50)]
[Title("家庭收费结算", "Family account")]
[Clause("002 §7 七2: 每学期末按实结算，多还少补")]
public sealed class FamilyAccountRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FamilyAccount>();
        rule.Reads<FeeRefund>().Reads<FamilyPayment>();
        rule.Match<FeePayable>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, p) =>
        {
            var refunds = ctx.Where<FeeRefund>(static r => r.StudentId, p.StudentId).AsSpan();
            var payments = ctx.Where<FamilyPayment>(static x => x.StudentId, p.StudentId).AsSpan();
            var sources = new IFact[1 + refunds.Length + payments.Length];
            sources[0] = p;
            var refunded = Money.Zero;
            for (var i = 0; i < refunds.Length; i++)
            {
                sources[1 + i] = refunds[i];
                refunded += refunds[i].Amount;
            }

            var paid = Money.Zero;
            for (var i = 0; i < payments.Length; i++)
            {
                sources[1 + refunds.Length + i] = payments[i];
                paid += payments[i].Amount;
            }

            var net = p.Payable - refunded;

            ctx.Insert(new FamilyAccount(p.StudentId, p.Payable, refunded, paid), p.StudentId, sources, () => new Bilingual(
                $"应缴 {Y(p.Payable)} − 退费 {Y(refunded)} = {Y(net)}；已缴 {Y(paid)}",
                $"payable {Y(p.Payable)} − refunds {Y(refunded)} = {Y(net)}; paid {Y(paid)}"));
        });
    }
}
