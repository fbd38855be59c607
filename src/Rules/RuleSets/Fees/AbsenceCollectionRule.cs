using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

[Name("fees.absences")]
[Priority(Stage.Inputs)]
[Title("缺勤汇总", "Absences per student")]
[Clause("DOMAIN: attendance")]
public sealed class AbsenceCollectionRule : SettlementRule
{
    public override void Define()
    {
        IGrouping<string, AttendanceMark> marks = null!;
        When().Query(() => marks, q => q.Match<AttendanceMark>().GroupBy(m => m.StudentId));
        Then().Do(ctx => Collect(Context(ctx), marks.Key, marks));
    }

    private static void Collect(RuleContext ctx, string student, IEnumerable<AttendanceMark> marks)
    {
        // By date (a student has one mark a day).
        List<AttendanceMark> ordered = [.. marks.OrderBy(m => m.Date)];
        var absent = ordered.Count(m => m.Status == AttendanceStatus.Absent);
        ctx.Insert(new StudentAbsences(student, ordered), student, ordered, () => new Bilingual(
            $"缺席 {N(absent)} 日，请假 {N(ordered.Count - absent)} 日",
            $"{N(absent)} days absent, {N(ordered.Count - absent)} days on leave"));
    }
}
