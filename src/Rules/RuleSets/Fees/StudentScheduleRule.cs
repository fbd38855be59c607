using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

[Rule("fees.schedule", Priority = 100)]
[Title("学生服务日", "Student service days")]
[Clause("DOMAIN: service calendar")]
public sealed class StudentScheduleRule(ServiceCalendar calendar) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<StudentSchedule>();
        rule.Match<Enrolment>().Then((ctx, e) =>
        {
            var start = e.Start ?? calendar.Start;
            var full = calendar.StudentDays(e.Weekdays, calendar.Start, calendar.End);
            var days = calendar.StudentDays(e.Weekdays, start, calendar.End);
            var served = e.LastDay is { } last ? calendar.StudentDays(e.Weekdays, start, last) : days;
            var weekdays = string.Concat(e.Weekdays.Order());
            var sentence = new Bilingual(
                $"每周{weekdays}服务：全学期 {N(full.Count)} 个服务日，自 {D(start)} 起 {N(days.Count)} 日，实际服务 {N(served.Count)} 日",
                $"weekdays {weekdays}: {N(full.Count)} service days in the whole term, {N(days.Count)} from {D(start)}, {N(served.Count)} served");
            ctx.Insert(new StudentSchedule(e.StudentId, e.DaysPerWeek, full.Count, days, served, e.LastDay), e.StudentId, [e], sentence);
        });
    }
}
