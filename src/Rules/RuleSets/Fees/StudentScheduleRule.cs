using System.Runtime.CompilerServices;
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
        // Students with the same weekdays and dates have the same days: worked out once (the lists are never changed),
        // kept by the weekdays (as bits; a few date ranges each).
        var memo = new List<Days>?[256];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        List<DateOnly> StudentDays(IReadOnlyList<int> weekdays, DateOnly from, DateOnly to)
        {
            var mask = 0;
            foreach (var w in weekdays)
            {
                if (w is < 0 or > 7)
                {
                    return calendar.StudentDays(weekdays, from, to);
                }

                mask |= 1 << w;
            }

            var known = memo[mask] ??= [];
            foreach (var d in known)
            {
                if (d.From == from && d.To == to)
                {
                    return d.List;
                }
            }

            var days = calendar.StudentDays(weekdays, from, to);
            known.Add(new Days(from, to, days));
            return days;
        }

        rule.Produces<StudentSchedule>();
        rule.Match<Enrolment>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, e) =>
        {
            var start = e.Start ?? calendar.Start;
            var full = StudentDays(e.Weekdays, calendar.Start, calendar.End);
            var days = start == calendar.Start ? full : StudentDays(e.Weekdays, start, calendar.End);
            var served = e.LastDay is { } last ? StudentDays(e.Weekdays, start, last) : days;
            ctx.Insert(new StudentSchedule(e.StudentId, e.DaysPerWeek, full.Count, days, served, e.LastDay), e.StudentId, [e], () =>
            {
                var weekdays = string.Concat(e.Weekdays.Order());
                return new Bilingual(
                    $"每周{weekdays}服务：全学期 {N(full.Count)} 个服务日，自 {D(start)} 起 {N(days.Count)} 日，实际服务 {N(served.Count)} 日",
                    $"weekdays {weekdays}: {N(full.Count)} service days in the whole term, {N(days.Count)} from {D(start)}, {N(served.Count)} served");
            });
        });
    }

    private sealed record Days(DateOnly From, DateOnly To, List<DateOnly> List);
}
