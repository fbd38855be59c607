using System.Runtime.CompilerServices;
using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 002 §1 一(一): 学生因故缺席课后服务连续一周以上. A spell is a run of the student's consecutive
/// scheduled service days (on the school calendar, so a holiday inside it neither breaks nor
/// lengthens it) all missed with one of the listed statuses. 以上 includes the number: under
/// <c>min_weeks</c> the run qualifies as set out in <see cref="AbsenceWeeks"/>; under
/// <c>min_service_days</c> by its count of days alone.
/// </summary>
[Rule("refunds.absence-spell", Priority = 60)]
[Title("连续缺席", "Absence spell")]
[Clause("002 §1 一(一)")]
public sealed class AbsenceSpellRule(AbsenceRefundPolicy policy) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        // The listed statuses as bits (1 << status).
        var statuses = policy.Statuses.Select(s => s == "leave" ? AttendanceStatus.Leave : AttendanceStatus.Absent).Aggregate(0, (bits, s) => bits | (1 << (int)s));
        rule.Produces<AbsenceSpell>();
        rule.Match<StudentAbsences>().Join<StudentSchedule, string>(static a => a.StudentId, static s => s.StudentId).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, absences, schedule) =>
        {
            // A student's marks are few, on different days: the listed ones are looked through for each served day.
            var marked = new List<AttendanceMark>(absences.Marks.Count);
            foreach (var m in absences.Marks)
            {
                if ((statuses & (1 << (int)m.Status)) != 0)
                {
                    marked.Add(m);
                }
            }

            var run = new List<AttendanceMark>();
            var served = schedule.ServedDays;
            for (var i = 0; i <= served.Count; i++)
            {
                var day = i < served.Count ? served[i] : DateOnly.MaxValue;
                AttendanceMark? mark = null;
                foreach (var m in marked)
                {
                    if (m.Date == day)
                    {
                        mark = m;
                        break;
                    }
                }

                if (mark is not null)
                {
                    run.Add(mark);
                    continue;
                }

                if (run.Count > 0 && Qualifies(served, i - run.Count, i - 1, schedule.DaysPerWeek))
                {
                    var from = run[0].Date;
                    var to = run[^1].Date;
                    var count = run.Count;
                    ctx.Insert(new AbsenceSpell(absences.StudentId, from, to, count), absences.StudentId + ":" + D(from), [.. run, schedule], () => new Bilingual(
                        $"{D(from)} 至 {D(to)} 连续缺席 {N(count)} 个服务日（{ThresholdZh(schedule.DaysPerWeek)}）",
                        $"absent {N(count)} consecutive service days from {D(from)} to {D(to)} ({ThresholdEn(schedule.DaysPerWeek)})"));
                }

                run.Clear();
            }
        });
    }

    private bool Qualifies(IReadOnlyList<DateOnly> scheduled, int first, int last, int daysPerWeek) =>
        policy.MinServiceDays is { } minDays
            ? last - first + 1 >= minDays
            : AbsenceWeeks.Qualifies(scheduled, first, last, daysPerWeek, policy.MinWeeks);

    private string ThresholdZh(int daysPerWeek) => policy.MinServiceDays is { } minDays
        ? $"不少于 {N(minDays)} 日"
        : $"满 {N(policy.MinWeeks * daysPerWeek)} 个服务日或整 {N(policy.MinWeeks)} 个日历周的全部服务日";

    private string ThresholdEn(int daysPerWeek) => policy.MinServiceDays is { } minDays
        ? $"at least {N(minDays)}"
        : $"at least {N(policy.MinWeeks * daysPerWeek)} service days, or every service day of {N(policy.MinWeeks)} calendar week(s)";
}
