using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

[Name("fees.schedule")]
[Priority(Stage.Inputs)]
[Title("学生服务日", "Student service days")]
[Clause("DOMAIN: service calendar")]
public sealed class StudentScheduleRule : SettlementRule
{
    public override void Define()
    {
        Enrolment e = null!;
        When().Match(() => e);
        Then().Do(ctx => Schedule(Context(ctx), ctx.Resolve<ServiceCalendar>(), e));
    }

    private static void Schedule(RuleContext ctx, ServiceCalendar calendar, Enrolment e)
    {
        var start = e.Start ?? calendar.Start;
        var full = calendar.StudentDays(e.Weekdays, calendar.Start, calendar.End);
        var days = start == calendar.Start ? full : calendar.StudentDays(e.Weekdays, start, calendar.End);
        var served = e.LastDay is { } last ? calendar.StudentDays(e.Weekdays, start, last) : days;
        ctx.Insert(new StudentSchedule(e.StudentId, e.DaysPerWeek, full.Count, days, served, e.LastDay), e.StudentId, [e], () =>
        {
            var weekdays = string.Concat(e.Weekdays.Order());
            return new Bilingual(
                $"每周{weekdays}服务：全学期 {N(full.Count)} 个服务日，自 {D(start)} 起 {N(days.Count)} 日，实际服务 {N(served.Count)} 日",
                $"weekdays {weekdays}: {N(full.Count)} service days in the whole term, {N(days.Count)} from {D(start)}, {N(served.Count)} served");
        });
    }
}
