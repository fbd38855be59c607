using System.Runtime.CompilerServices;
using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 001 篇四: 结余的期末进行清退: the fee part of a positive balance (and the subsidy part too only where the
/// plan says refund-to-families) goes back to the paying families, shared by what each pays, per student
/// or by days served, by largest remainder, none getting back more than it pays.
/// </summary>
[Rule("refunds.surplus", Priority = 10)]
[Title("结余清退", "Surplus refund")]
[Clause("001 篇四")]
public sealed class SurplusRefundRule(SurplusPolicy policy) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<SurplusRefund>();
        rule.Reads<FamilyAccount>().Reads<StudentSchedule>().Reads<AbsenceSpell>();
        rule.Match<SurplusParts>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, parts) =>
        {
            var paying = ctx.All<FamilyAccount>().Where(a => a.NetBeforeSurplus.Yuan > 0m).ToList();
            if (paying.Count == 0)
            {
                return;
            }

            var refunded = policy.SubsidyPart == SubsidyPart.RefundToFamilies ? parts.Balance : parts.FeePart;
            if (refunded.IsZero)
            {
                return;
            }

            var weights = paying.Select(a => Weight(ctx, a)).ToArray();
            if (weights.All(w => w == 0m))
            {
                return;
            }

            var total = weights.Sum();
            var what = policy.SubsidyPart == SubsidyPart.RefundToFamilies ? ("结余", "surplus") : ("结余中缴费部分", "fee part of the surplus");
            var (unitZh, unitEn) = policy.Share switch
            {
                SurplusShare.PerStudent => ("人", "students"),
                SurplusShare.DaysServed => ("服务日", "days served"),
                _ => ("元", "yuan paid"),
            };
            var capped = policy.SubsidyPart != SubsidyPart.RefundToFamilies;
            var shares = Shares(refunded, weights, paying, capped);
            for (var i = 0; i < paying.Count; i++)
            {
                var a = paying[i];
                var share = shares[i];
                var weight = weights[i];
                if (capped && share == a.NetBeforeSurplus)
                {
                    ctx.Insert(new SurplusRefund(a.StudentId, share), a.StudentId, [parts, a], () => new Bilingual(
                        $"{what.Item1} {Y(refunded)} × {N(weight)} / {N(total)}（{unitZh}），以该家庭所缴 {Y(a.NetBeforeSurplus)} 为限 = {Y(share)}",
                        $"{what.Item2} {Y(refunded)} × {N(weight)} / {N(total)} ({unitEn}), at most what the family pays, {Y(a.NetBeforeSurplus)} = {Y(share)}"));
                    continue;
                }

                ctx.Insert(new SurplusRefund(a.StudentId, share), a.StudentId, [parts, a], () => new Bilingual(
                    $"{what.Item1} {Y(refunded)} × {N(weight)} / {N(total)}（{unitZh}）≈ {Y(share)}（最大余数法）",
                    $"{what.Item2} {Y(refunded)} × {N(weight)} / {N(total)} ({unitEn}) ≈ {Y(share)} (largest remainder)"));
            }
        });
    }

    /// <summary>
    /// Largest remainder by the weights. Only families' money goes back to families, so no family gets back more
    /// than it pays for the term (Payable − refunds): a share above that is cut to it and the rest is shared again
    /// over the others (the fee part never exceeds what all of them pay). refund-to-families, the former reading,
    /// is not cut.
    /// </summary>
    private static Money[] Shares(Money total, decimal[] weights, List<FamilyAccount> paying, bool capped)
    {
        var result = new Money[paying.Count];
        var open = Enumerable.Range(0, paying.Count).Where(i => weights[i] > 0m).ToList();
        var left = total;
        while (open.Count > 0 && !left.IsZero)
        {
            var round = Allocation.LargestRemainder(left, open.Select(i => weights[i]).ToArray(), open.Select(i => paying[i].StudentId).ToArray());
            var over = capped ? open.Where((i, k) => round[k] > paying[i].NetBeforeSurplus).ToList() : [];
            if (over.Count == 0)
            {
                for (var k = 0; k < open.Count; k++)
                {
                    result[open[k]] = round[k];
                }

                break;
            }

            foreach (var i in over)
            {
                result[i] = paying[i].NetBeforeSurplus;
                left -= result[i];
                open.Remove(i);
            }
        }

        return result;
    }

    private decimal Weight(Engine.Model.IRuleContext ctx, FamilyAccount a)
    {
        switch (policy.Share)
        {
            case SurplusShare.PerStudent:
                return 1m;
            case SurplusShare.DaysServed:
                var served = ctx.Where<StudentSchedule>(static s => s.StudentId, a.StudentId).Single().ServedDays.Count;
                var missed = ctx.Where<AbsenceSpell>(static s => s.StudentId, a.StudentId).Sum(s => s.Days);
                return served - missed;
            default:
                return a.NetBeforeSurplus.Yuan;
        }
    }
}
