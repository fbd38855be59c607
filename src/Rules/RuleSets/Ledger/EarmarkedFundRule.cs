using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Ledger;

/// <summary>002 §1 一(三): 课后服务费必须专款专用: spending beyond the fund's income is a finding.</summary>
[Name("ledger.earmarked")]
[Priority(Stage.Balance)]
[Title("专款专用", "Earmarked fund")]
[Clause("002 §1 一(三)")]
public sealed class EarmarkedFundRule : SettlementRule
{
    public override void Define()
    {
        FundBalance b = null!;
        When().Match(() => b, b => b.Balance.IsNegative);
        Then().Do(ctx => Overspent(Context(ctx), b));
    }

    private static void Overspent(RuleContext ctx, FundBalance b)
    {
        var message = new Bilingual($"支出超过收入 {Y(-b.Balance)}（收入 {Y(b.Income)}，退费 {Y(b.Refunds)}，支出 {Y(b.Expenditure)}）",
            $"spending exceeds income by {Y(-b.Balance)} (income {Y(b.Income)}, refunds {Y(b.Refunds)}, spending {Y(b.Expenditure)})");
        ctx.Insert(new FindingFact("spending-above-income", Severity.Error, "ledger", message), "overspent", [b], message);
    }
}
