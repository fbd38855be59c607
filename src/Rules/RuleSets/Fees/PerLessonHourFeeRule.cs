using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// 002 §7 七: a fee per lesson-hour (不超过3元/人/课时), midday care counted as 3 lesson-hours a day,
/// charged monthly for the days actually attended and settled at term end (按实结算，多还少补).
/// </summary>
[Name("fees.per-lesson-hour")]
[Priority(Stage.Charges)]
[Title("按课时收费", "Fee per lesson-hour")]
[Clause("002 §7 七2")]
public sealed class PerLessonHourFeeRule(FeePolicy fees) : SettlementRule
{
    public override void Define()
    {
        // A student's schedule and absences, brought together by student (one group per student with a schedule).
        IGrouping<string, IStudentFact> student = null!;
        When().Query(() => student, q => q
            .Match<IStudentFact>(f => f is StudentSchedule || f is StudentAbsences)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is StudentSchedule)));
        Then().Do(ctx => Charge(Context(ctx), student.One<StudentSchedule>()!, student.Of<StudentAbsences>()));
    }

    private void Charge(RuleContext ctx, StudentSchedule s, List<StudentAbsences> absences)
    {
        var missed = absences.SelectMany(a => a.Marks).Select(m => m.Date).ToHashSet();
        foreach (var (month, days) in AttendedByMonth(s, missed))
        {
            var amount = Money.Round(fees.RatePerLessonHour * fees.LessonHoursPerDay * days);
            Func<Bilingual> sentence = () => new Bilingual(
                $"{month} 月实到 {N(days)} 日：{N(fees.RatePerLessonHour)} 元/课时 × {N(fees.LessonHoursPerDay)} 课时/日 × {N(days)} 日 = {Y(amount)}",
                $"{month}: {N(days)} days attended: {N(fees.RatePerLessonHour)} yuan/lesson-hour × {N(fees.LessonHoursPerDay)} lesson-hours/day × {N(days)} days = {Y(amount)}");
            ctx.Insert(new FeeCharge(s.StudentId, month, days, amount), s.StudentId + ":" + month, [s, .. absences], sentence);
        }
    }

    internal static IEnumerable<(Month Month, int Days)> AttendedByMonth(StudentSchedule s, HashSet<DateOnly> missed) =>
        s.ServedDays.GroupBy(Month.Of).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(d => !missed.Contains(d))));
}
