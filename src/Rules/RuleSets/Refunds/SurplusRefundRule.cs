using System.Runtime.CompilerServices;
using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>001 篇四: 结余的期末进行清退: a positive balance goes back to the paying families pro rata to what they paid.</summary>
[Rule("refunds.surplus", Priority = 10)]
[Title("结余清退", "Surplus refund")]
[Clause("001 篇四")]
public sealed class SurplusRefundRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<SurplusRefund>();
        rule.Reads<FamilyAccount>();
        rule.Match<FundBalance>(static b => b.Balance.Yuan > 0m).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, balance) =>
        {
            var paying = ctx.All<FamilyAccount>().Where(a => a.NetBeforeSurplus.Yuan > 0m).ToList();
            if (paying.Count == 0)
            {
                return;
            }

            var total = Money.Sum(paying.Select(a => a.NetBeforeSurplus));
            var shares = Allocation.LargestRemainder(balance.Balance, paying.Select(a => a.NetBeforeSurplus.Yuan).ToArray(), paying.Select(a => a.StudentId).ToArray());
            for (var i = 0; i < paying.Count; i++)
            {
                var a = paying[i];
                var share = shares[i];
                ctx.Insert(new SurplusRefund(a.StudentId, share), a.StudentId, [balance, a], () => new Bilingual(
                    $"结余 {Y(balance.Balance)} × {Y(a.NetBeforeSurplus)} / {Y(total)} ≈ {Y(share)}（最大余数法）",
                    $"surplus {Y(balance.Balance)} × {Y(a.NetBeforeSurplus)} / {Y(total)} ≈ {Y(share)} (largest remainder)"));
            }
        });
    }
}
