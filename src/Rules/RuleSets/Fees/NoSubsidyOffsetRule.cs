using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>Plans without a per-family subsidy: the family pays its whole (capped) fee.</summary>
[Name("fees.no-subsidy-offset")]
[Priority(Stage.Subsidy)]
[Title("无补贴抵减", "No subsidy offset")]
[Clause("DOMAIN: fees")]
public sealed class NoSubsidyOffsetRule : SettlementRule
{
    private static readonly Bilingual Sentence = new("本方案补贴不抵减学生收费：0.00", "this plan's subsidy does not reduce a family's fee: 0.00");

    public override void Define()
    {
        CappedFee f = null!;
        When().Match(() => f);
        Then().Do(ctx => NoShare(Context(ctx), f));
    }

    private static void NoShare(RuleContext ctx, CappedFee f) =>
        ctx.Insert(new SubsidyShare(f.StudentId, Money.Zero), f.StudentId, [f], Sentence);
}
