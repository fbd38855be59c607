using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>Plans without a per-family subsidy: the family pays its whole (capped) fee.</summary>
[Rule("fees.no-subsidy-offset", Priority = 70)]
[Title("无补贴抵减", "No subsidy offset")]
[Clause("DOMAIN: fees")]
public sealed class NoSubsidyOffsetRule : Rule
{
    private static readonly Bilingual Sentence = new("本方案补贴不抵减学生收费：0.00", "this plan's subsidy does not reduce a family's fee: 0.00");

    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<SubsidyShare>();
        rule.Match<CappedFee>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) =>
            ctx.Insert(new SubsidyShare(f.StudentId, Money.Zero), f.StudentId, [f], Sentence));
    }
}
