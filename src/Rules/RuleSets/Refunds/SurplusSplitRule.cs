using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 001 篇四 结余的期末进行清退 returns families' money: a positive balance is split into the part that came
/// from fees (fees − refunds) and the part that came from subsidies, pro rata or subsidies spent first.
/// The subsidy part is kept or returned to the funder whatever the surplus mode.
/// </summary>
[Name("refunds.surplus-split")]
[Priority(Stage.Balance)]
[Title("结余构成", "Surplus: fee part and subsidy part")]
[Clause("001 篇四")]
public sealed class SurplusSplitRule(SurplusPolicy policy) : SettlementRule
{
    public override void Define()
    {
        // A positive balance, and the ledger it closes.
        FundBalance balance = null!;
        IEnumerable<LedgerEntry> entries = null!;
        When()
            .Match(() => balance, b => b.Balance.Yuan > 0m)
            .Query(() => entries, q => q.Match<LedgerEntry>().Collect());
        Then().Do(ctx => Split(Context(ctx), balance, entries));
    }

    private void Split(RuleContext ctx, FundBalance balance, IEnumerable<LedgerEntry> entries)
    {
        var fees = Income(entries, "fees");
        var subsidies = Income(entries, "subsidies");
        var families = fees - balance.Refunds;
        var b = balance.Balance;
        Money feePart;
        Func<Bilingual> sentence;
        if (policy.Split == SurplusSplit.SubsidyFirst)
        {
            feePart = Money.Min(b, families);
            sentence = () => new Bilingual(
                $"补贴先用：缴费部分 min(结余 {Y(b)}, 收费 {Y(fees)} − 退费 {Y(balance.Refunds)}) = {Y(feePart)}；补贴部分 {Y(b - feePart)}",
                $"subsidies spent first: fee part min(balance {Y(b)}, fees {Y(fees)} − refunds {Y(balance.Refunds)}) = {Y(feePart)}; subsidy part {Y(b - feePart)}");
        }
        else
        {
            var whole = families + subsidies;

            // With no fee or subsidy income there is nothing to attribute: the balance counts as the families'.
            feePart = whole.Yuan > 0m ? Money.Round(b.Yuan * families.Yuan / whole.Yuan) : b;
            sentence = () => new Bilingual(
                $"按比例：缴费部分 结余 {Y(b)} × (收费 {Y(fees)} − 退费 {Y(balance.Refunds)}) / (收费 − 退费 + 补贴 {Y(subsidies)}) = {Y(feePart)}；补贴部分 {Y(b - feePart)}",
                $"pro rata: fee part balance {Y(b)} × (fees {Y(fees)} − refunds {Y(balance.Refunds)}) / (fees − refunds + subsidies {Y(subsidies)}) = {Y(feePart)}; subsidy part {Y(b - feePart)}");
        }

        var subsidyPart = b - feePart;
        var returned = policy.SubsidyPart == SubsidyPart.ReturnToFunder ? subsidyPart : Money.Zero;
        ctx.Insert(new SurplusParts(b, feePart, subsidyPart, returned), "term", [balance], sentence);
    }

    /// <summary>The ledger's income of a category.</summary>
    private static Money Income(IEnumerable<LedgerEntry> entries, string category) =>
        Money.Sum(entries.Where(e => e.Section == LedgerSection.Income && e.Category == category).Select(e => e.Amount));
}
