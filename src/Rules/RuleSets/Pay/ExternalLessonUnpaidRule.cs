using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 002 §1 二(三)2 takes 校外人员劳务报酬 off the pool and 004 §11 pays 外聘 staff 根据相关审核备案的协议: external staff are
/// paid their agreement once, so lessons recorded for them earn no lesson pay. Each such lesson is reported, since the
/// record may be a mistake (the wrong staff id) or a lesson the agreement does not cover.
/// </summary>
[Name("pay.external-lesson-unpaid")]
[Priority(Stage.StaffChecks)]
[Title("外聘人员课时不另付课时费", "External staff's lessons not paid as lessons")]
[Clause("002 §1 二(三)2")]
public sealed class ExternalLessonUnpaidRule : SettlementRule
{
    public override void Define()
    {
        // An external staff member and the lessons recorded for them, brought together by staff id.
        IGrouping<string, IStaffFact> staff = null!;
        When().Query(() => staff, q => q
            .Match<IStaffFact>(f => f is StaffMember || f is StaffLessons)
            .GroupBy(f => f.StaffId)
            .Where(g => g.OfType<StaffMember>().Any(s => s.External) && g.Any(f => f is StaffLessons)));
        Then().Do(ctx => Report(Context(ctx), staff.OfType<StaffMember>().First(s => s.External), staff.Of<LessonDelivered>()));
    }

    private static void Report(RuleContext ctx, StaffMember s, IEnumerable<LessonDelivered> lessons)
    {
        var own = lessons.ToList();
        own.Sort(PayBounds.ByDateSlotId);
        var named = string.Join(", ", own.Select(l => $"{l.LessonId} ({D(l.Date)})"));
        var message = new Bilingual(
            $"外聘人员按协议支付，记录的 {N(own.Count)} 节课不另付课时费，也不计入全校总课时：{named}",
            $"external staff are paid their agreement: the {N(own.Count)} lessons recorded for them earn no lesson pay and are not counted in the school's lessons: {named}");
        ctx.Insert(new FindingFact("external-lesson-unpaid", Severity.Warning, s.StaffId, message), s.StaffId, [s, .. own], message);
    }
}
