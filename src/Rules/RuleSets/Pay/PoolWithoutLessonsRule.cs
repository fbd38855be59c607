using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 002 §1 二(三)2 divides the pool by the term's lessons: with none recorded (external staff's lessons do not count
/// when they are paid their agreement only), nothing is shared, and that is reported.
/// </summary>
[Rule("pay.pool-without-lessons", Priority = 20)]
[Title("无课时可分配", "Pool with no lessons")]
[Clause("002 §1 二(三)2")]
public sealed class PoolWithoutLessonsRule(ExternalLessons externalLessons = ExternalLessons.AgreementOnly) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Reads<LessonDelivered>().Reads<StaffMember>();
        rule.Match<TermInfo>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, term) =>
        {
            var count = ctx.Count<LessonDelivered>();
            if (count > 0 && externalLessons == ExternalLessons.AgreementOnly)
            {
                var external = ctx.All<StaffMember>().Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal);
                count = external.Count == 0 ? count : ctx.All<LessonDelivered>().Count(l => !external.Contains(l.StaffId));
            }

            if (count > 0)
            {
                return;
            }

            var message = new Bilingual("本学期没有可分配的课时记录，辅导补助总额无法分配，留在经费中", "no lessons the pool pays were recorded this term: the pool cannot be shared and stays in the fund");
            ctx.Insert(new FindingFact("pool-no-lessons", Severity.Error, "pay", message), "none", [term], message);
        });
    }
}
