using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>000 / 001 篇二: free service paid from fiscal subsidy; the subsidies received go to the fund.</summary>
[Rule("fees.subsidy-fund", Priority = 70)]
[Title("财政补贴计入经费", "Subsidy to the fund")]
[Clause("000 二(四)")]
public sealed class FundSubsidyRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FundSubsidy>();
        rule.Aggregate<SubsidyReceipt>().ThenAll([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, receipts) =>
        {
            var total = Money.Sum(receipts.Select(r => r.Amount));
            ctx.Insert(new FundSubsidy(total), "received", receipts, new Bilingual(
                $"收到财政补贴 {N(receipts.Count)} 笔，合计 {Y(total)}",
                $"{N(receipts.Count)} subsidies received, total {Y(total)}"));
        });
    }
}
