using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

[Rule("fees.absences", Priority = 100)]
[Title("缺勤汇总", "Absences per student")]
[Clause("DOMAIN: attendance")]
public sealed class AbsenceCollectionRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<StudentAbsences>();
        rule.Aggregate<AttendanceMark>().GroupBy(static m => m.StudentId).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, student, marks) =>
        {
            // By date (they come in id order, which is by date already; OrderBy is stable for marks of one date).
            List<AttendanceMark> ordered = [.. marks.OrderBy(m => m.Date)];

            var absent = ordered.Count(m => m.Status == AttendanceStatus.Absent);
            ctx.Insert(new StudentAbsences(student, ordered), student, ordered, () => new Bilingual(
                $"缺席 {N(absent)} 日，请假 {N(ordered.Count - absent)} 日",
                $"{N(absent)} days absent, {N(ordered.Count - absent)} days on leave"));
        });
    }
}
