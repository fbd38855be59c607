using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>002 §7 七1 / 004 §10: 上级拨款，不足部分向家长收取: a fixed subsidy per student is taken off the fee first.</summary>
[Rule("fees.subsidy-per-student", Priority = 70)]
[Title("财政补贴先行（按人）", "Subsidy first, per student")]
[Clause("002 §7 七1")]
public sealed class PerStudentSubsidyRule(SubsidyPolicy subsidy) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<SubsidyShare>();
        rule.Match<CappedFee>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) =>
        {
            var perStudent = Money.Round(subsidy.PerStudent);
            var share = Money.Min(f.AfterCap, perStudent);
            ctx.Insert(new SubsidyShare(f.StudentId, share), f.StudentId, [f], () => new Bilingual(
                $"财政补贴 min({Y(f.AfterCap)}, {Y(perStudent)}) = {Y(share)}",
                $"subsidy min({Y(f.AfterCap)}, {Y(perStudent)}) = {Y(share)}"));
        });
    }
}
