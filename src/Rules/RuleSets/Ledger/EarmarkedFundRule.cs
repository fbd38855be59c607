using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Ledger;

/// <summary>002 §1 一(三): 课后服务费必须专款专用: spending beyond the fund's income is a finding.</summary>
[Rule("ledger.earmarked", Priority = 20)]
[Title("专款专用", "Earmarked fund")]
[Clause("002 §1 一(三)")]
public sealed class EarmarkedFundRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Match<FundBalance>(static b => b.Balance.IsNegative).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, b) =>
        {
            var message = new Bilingual($"支出超过收入 {Y(-b.Balance)}（收入 {Y(b.Income)}，退费 {Y(b.Refunds)}，支出 {Y(b.Expenditure)}）",
                $"spending exceeds income by {Y(-b.Balance)} (income {Y(b.Income)}, refunds {Y(b.Refunds)}, spending {Y(b.Expenditure)})");
            ctx.Insert(new FindingFact("spending-above-income", Severity.Error, "ledger", message), "overspent", [b], message);
        });
    }
}
