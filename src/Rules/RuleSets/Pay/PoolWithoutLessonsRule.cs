using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 002 §1 二(三)2 divides the pool by the term's lessons: with none recorded (external staff's lessons do not count
/// when they are paid their agreement only), nothing is shared, and that is reported.
/// </summary>
[Name("pay.pool-without-lessons")]
[Priority(Stage.StaffChecks)]
[Title("无课时可分配", "Pool with no lessons")]
[Clause("002 §1 二(三)2")]
public sealed class PoolWithoutLessonsRule(ExternalLessons externalLessons = ExternalLessons.AgreementOnly) : SettlementRule
{
    public override void Define()
    {
        TermInfo term = null!;
        IEnumerable<StaffLessons> lessons = null!;
        IEnumerable<StaffMember> staff = null!;
        When()
            .Match(() => term)
            .Query(() => lessons, q => q.Match<StaffLessons>().Collect())
            .Query(() => staff, q => q.Match<StaffMember>().Collect());
        Then().Do(ctx => Check(Context(ctx), term, lessons, staff));
    }

    private void Check(RuleContext ctx, TermInfo term, IEnumerable<StaffLessons> lessons, IEnumerable<StaffMember> staff)
    {
        // External staff paid their agreement only have no lessons in the pool.
        var external = externalLessons == ExternalLessons.AgreementOnly
            ? staff.Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal)
            : [];
        if (lessons.Any(l => !external.Contains(l.StaffId)))
        {
            return;
        }

        var message = new Bilingual("本学期没有可分配的课时记录，辅导补助总额无法分配，留在经费中", "no lessons the pool pays were recorded this term: the pool cannot be shared and stays in the fund");
        ctx.Insert(new FindingFact("pool-no-lessons", Severity.Error, "pay", message), "none", [term], message);
    }
}
