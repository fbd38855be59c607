using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>000 第三方案 二(四): 课后服务不收取任何费用; the family line exists, at zero.</summary>
[Rule("fees.free", Priority = 90)]
[Title("公益服务不收费", "Free service")]
[Clause("000 二(四)")]
public sealed class FreeServiceRule : Rule
{
    private static readonly Bilingual Sentence = new("公益服务，不收费：0.00", "free service, no fee: 0.00");

    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FeeCharge>();
        rule.Match<StudentSchedule>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, s) =>
            ctx.Insert(new FeeCharge(s.StudentId, null, s.ServedDays.Count, Money.Zero), s.StudentId, [s],
                Sentence));
    }
}
