using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>000 第三方案 二(四): 课后服务不收取任何费用; the family line exists, at zero.</summary>
[Name("fees.free")]
[Priority(Stage.Charges)]
[Title("公益服务不收费", "Free service")]
[Clause("000 二(四)")]
public sealed class FreeServiceRule : SettlementRule
{
    private static readonly Bilingual Sentence = new("公益服务，不收费：0.00", "free service, no fee: 0.00");

    public override void Define()
    {
        StudentSchedule s = null!;
        When().Match(() => s);
        Then().Do(ctx => Charge(Context(ctx), s));
    }

    private static void Charge(RuleContext ctx, StudentSchedule s) =>
        ctx.Insert(new FeeCharge(s.StudentId, null, s.ServedDays.Count, Money.Zero), s.StudentId, [s], Sentence);
}
