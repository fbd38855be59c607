using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>000 / 001 篇二: free service paid from fiscal subsidy; the subsidies received go to the fund.</summary>
[Name("fees.subsidy-fund")]
[Priority(Stage.Subsidy)]
[Title("财政补贴计入经费", "Subsidy to the fund")]
[Clause("000 二(四)")]
public sealed class FundSubsidyRule : SettlementRule
{
    public override void Define()
    {
        // The term's receipts; a term without any records no subsidy.
        IEnumerable<SubsidyReceipt> receipts = null!;
        When().Query(() => receipts, q => q.Match<SubsidyReceipt>().Collect().Where(c => c.Any()));
        Then().Do(ctx => ToFund(Context(ctx), receipts.InIdOrder()));
    }

    private static void ToFund(RuleContext ctx, List<SubsidyReceipt> receipts)
    {
        var total = Money.Sum(receipts.Select(r => r.Amount));
        ctx.Insert(new FundSubsidy(total), "received", receipts, new Bilingual(
            $"收到财政补贴 {N(receipts.Count)} 笔，合计 {Y(total)}",
            $"{N(receipts.Count)} subsidies received, total {Y(total)}"));
    }
}
