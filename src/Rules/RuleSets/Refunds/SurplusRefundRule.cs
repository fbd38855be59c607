using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 001 篇四: 结余的期末进行清退: the fee part of a positive balance (and the subsidy part too only where the
/// plan says refund-to-families) goes back to the paying families, shared by what each pays, per student
/// or by days served, by largest remainder, none getting back more than it pays.
/// </summary>
[Name("refunds.surplus")]
[Priority(Stage.Surplus)]
[Title("结余清退", "Surplus refund")]
[Clause("001 篇四")]
public sealed class SurplusRefundRule(SurplusPolicy policy) : SettlementRule
{
    public override void Define()
    {
        // The surplus, the families' accounts, and (for a share by days served) every student's service days and spells.
        SurplusParts parts = null!;
        IEnumerable<FamilyAccount> accounts = null!;
        IEnumerable<StudentSchedule> schedules = null!;
        IEnumerable<AbsenceSpell> spells = null!;
        When()
            .Match(() => parts)
            .Query(() => accounts, q => q.Match<FamilyAccount>().Collect())
            .Query(() => schedules, q => q.Match<StudentSchedule>().Collect())
            .Query(() => spells, q => q.Match<AbsenceSpell>().Collect());
        Then().Do(ctx => Refund(Context(ctx), parts, accounts.InIdOrder(), schedules, spells));
    }

    private void Refund(RuleContext ctx, SurplusParts parts, List<FamilyAccount> accounts, IEnumerable<StudentSchedule> schedules, IEnumerable<AbsenceSpell> spells)
    {
        var paying = accounts.Where(a => a.NetBeforeSurplus.Yuan > 0m).ToList();
        if (paying.Count == 0)
        {
            return;
        }

        var refunded = policy.SubsidyPart == SubsidyPart.RefundToFamilies ? parts.Balance : parts.FeePart;
        if (refunded.IsZero)
        {
            return;
        }

        var scheduleOf = schedules.ToLookup(s => s.StudentId, StringComparer.Ordinal);
        var spellsOf = spells.ToLookup(s => s.StudentId, StringComparer.Ordinal);
        var weights = paying.Select(a => Weight(a, scheduleOf, spellsOf)).ToArray();
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

        // Only families' money goes back to families, so no family gets back more than it pays for the term
        // (payable − refunds); refund-to-families, the former reading, is not capped.
        var capped = policy.SubsidyPart != SubsidyPart.RefundToFamilies;
        var shares = CappedShares.Of(refunded, weights, paying.Select(a => a.StudentId).ToArray(), capped ? paying.Select(a => a.NetBeforeSurplus).ToArray() : null);
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
    }

    /// <summary>A family's weight in the share: what it pays, one per student, or the days its student was served and not absent.</summary>
    private decimal Weight(FamilyAccount a, ILookup<string, StudentSchedule> scheduleOf, ILookup<string, AbsenceSpell> spellsOf)
    {
        switch (policy.Share)
        {
            case SurplusShare.PerStudent:
                return 1m;
            case SurplusShare.DaysServed:
                var served = scheduleOf[a.StudentId].Single().ServedDays.Count;
                var missed = spellsOf[a.StudentId].Sum(s => s.Days);
                return served - missed;
            default:
                return a.NetBeforeSurplus.Yuan;
        }
    }
}
