using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// 002 §1 一(一): 学生因故缺席课后服务连续一周以上. A spell is a run of the student's consecutive
/// scheduled service days (on the school calendar, so a holiday inside it neither breaks nor
/// lengthens it) all missed with one of the listed statuses. 以上 includes the number: under
/// <c>min_weeks</c> the run qualifies as set out in <see cref="AbsenceWeeks"/>; under
/// <c>min_service_days</c> by its count of days alone.
/// </summary>
[Name("refunds.absence-spell")]
[Priority(Stage.Spells)]
[Title("连续缺席", "Absence spell")]
[Clause("002 §1 一(一)")]
public sealed class AbsenceSpellRule(AbsenceRefundPolicy policy) : SettlementRule
{
    public override void Define()
    {
        // A student's absences and service days, brought together by student.
        IGrouping<string, IStudentFact> student = null!;
        When().Query(() => student, q => q
            .Match<IStudentFact>(f => f is StudentAbsences || f is StudentSchedule)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is StudentAbsences) && g.Any(f => f is StudentSchedule)));
        Then().Do(ctx => Spells(Context(ctx), student.One<StudentAbsences>()!, student.One<StudentSchedule>()!));
    }

    private void Spells(RuleContext ctx, StudentAbsences absences, StudentSchedule schedule)
    {
        // A student has one mark a day; of the listed statuses, the first mark of a day counts.
        var listed = new Dictionary<DateOnly, AttendanceMark>();
        foreach (var m in absences.Marks)
        {
            if (IsListed(m.Status))
            {
                listed.TryAdd(m.Date, m);
            }
        }

        var served = schedule.ServedDays;
        foreach (var (first, last) in MissedRuns.Of(served, listed.ContainsKey))
        {
            if (!Qualifies(served, first, last, schedule.DaysPerWeek))
            {
                continue;
            }

            List<AttendanceMark> run = [.. served.Skip(first).Take(last - first + 1).Select(day => listed[day])];
            var from = run[0].Date;
            var to = run[^1].Date;
            var count = run.Count;
            ctx.Insert(new AbsenceSpell(absences.StudentId, from, to, count), absences.StudentId + ":" + D(from), [.. run, schedule], () => new Bilingual(
                $"{D(from)} 至 {D(to)} 连续缺席 {N(count)} 个服务日（{ThresholdZh(schedule.DaysPerWeek)}）",
                $"absent {N(count)} consecutive service days from {D(from)} to {D(to)} ({ThresholdEn(schedule.DaysPerWeek)})"));
        }
    }

    /// <summary>Whether the plan's statuses (<c>statuses</c>: "leave", otherwise absent) take in this one.</summary>
    private bool IsListed(AttendanceStatus status) =>
        policy.Statuses.Any(s => (s == "leave" ? AttendanceStatus.Leave : AttendanceStatus.Absent) == status);

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
