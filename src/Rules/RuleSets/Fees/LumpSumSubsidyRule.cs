using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// Subsidy first, received as a lump sum: shared over the families pro rata to their fee (largest
/// remainder), never more than a family's fee; what is left over goes to the fund.
/// </summary>
[Name("fees.subsidy-lump-sum")]
[Priority(Stage.Subsidy)]
[Title("财政补贴先行（总额分摊）", "Subsidy first, lump sum shared")]
[Clause("004 §10")]
public sealed class LumpSumSubsidyRule : SettlementRule
{
    public override void Define()
    {
        // Every family's capped fee (a term without fees shares nothing) and every receipt of the term.
        IEnumerable<CappedFee> fees = null!;
        IEnumerable<SubsidyReceipt> receipts = null!;
        When()
            .Query(() => fees, q => q.Match<CappedFee>().Collect().Where(c => c.Any()))
            .Query(() => receipts, q => q.Match<SubsidyReceipt>().Collect());
        Then().Do(ctx => Share(Context(ctx), fees.InIdOrder(), receipts.InIdOrder()));
    }

    private static void Share(RuleContext ctx, List<CappedFee> fees, List<SubsidyReceipt> receipts)
    {
        var received = Money.Sum(receipts.Select(r => r.Amount));
        var totalFees = Money.Sum(fees.Select(f => f.AfterCap));
        var shared = Money.Min(received, totalFees);
        var parts = Allocation.LargestRemainder(shared, fees.Select(f => f.AfterCap.Yuan).ToArray(), fees.Select(f => f.StudentId).ToArray());
        var receiptIds = receipts.Select(r => r.Id).ToArray();
        for (var i = 0; i < fees.Count; i++)
        {
            var f = fees[i];
            var part = parts[i];
            ctx.Insert(new SubsidyShare(f.StudentId, part), f.StudentId, [f.Id, .. receiptIds], () => new Bilingual(
                $"补贴 {Y(shared)} 按收费比例分摊：{Y(shared)} × {Y(f.AfterCap)} / {Y(totalFees)} ≈ {Y(part)}（最大余数法）",
                $"subsidy {Y(shared)} shared pro rata: {Y(shared)} × {Y(f.AfterCap)} / {Y(totalFees)} ≈ {Y(part)} (largest remainder)"));
        }

        var rest = received - shared;
        if (!rest.IsZero)
        {
            ctx.Insert(new FundSubsidy(rest), "rest", receiptIds, new Bilingual(
                $"补贴 {Y(received)} 超过收费合计 {Y(totalFees)}，余 {Y(rest)} 计入经费",
                $"subsidies {Y(received)} exceed the fees {Y(totalFees)}: {Y(rest)} goes to the fund"));
        }
    }
}
