using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// 002 §7 七: a fee per lesson-hour (不超过3元/人/课时), midday care counted as 3 lesson-hours a day,
/// charged monthly for the days actually attended and settled at term end (按实结算，多还少补).
/// </summary>
[Rule("fees.per-lesson-hour", Priority = 90)]
[Title("按课时收费", "Fee per lesson-hour")]
[Clause("002 §7 七2")]
public sealed class PerLessonHourFeeRule(FeePolicy fees) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FeeCharge>();
        rule.Reads<StudentAbsences>();
        rule.Match<StudentSchedule>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, s) =>
        {
            var absences = ctx.Where<StudentAbsences>(static a => a.StudentId, s.StudentId);
            var missed = absences.SelectMany(a => a.Marks).Select(m => m.Date).ToHashSet();
            foreach (var (month, days) in AttendedByMonth(s, missed))
            {
                var amount = Money.Round(fees.RatePerLessonHour * fees.LessonHoursPerDay * days);
                Func<Bilingual> sentence = () => new Bilingual(
                    $"{month} 月实到 {N(days)} 日：{N(fees.RatePerLessonHour)} 元/课时 × {N(fees.LessonHoursPerDay)} 课时/日 × {N(days)} 日 = {Y(amount)}",
                    $"{month}: {N(days)} days attended: {N(fees.RatePerLessonHour)} yuan/lesson-hour × {N(fees.LessonHoursPerDay)} lesson-hours/day × {N(days)} days = {Y(amount)}");
                ctx.Insert(new FeeCharge(s.StudentId, month, days, amount), s.StudentId + ":" + month, [s, .. absences], sentence);
            }
        });
    }

    internal static IEnumerable<(Month Month, int Days)> AttendedByMonth(StudentSchedule s, HashSet<DateOnly> missed) =>
        s.ServedDays.GroupBy(Month.Of).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(d => !missed.Contains(d))));
}
