using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// 002 §7 七1 / 004 §10: 上级拨款，不足部分向家长收取: a fixed subsidy per student is taken off the fee first.
/// With pro_rata_join a student who joins late gets per_student × the service days from joining ÷ the
/// student's service days in the whole term; a withdrawal is settled by the withdrawal refund instead.
/// </summary>
[Rule("fees.subsidy-per-student", Priority = 70)]
[Title("财政补贴先行（按人）", "Subsidy first, per student")]
[Clause("002 §7 七1")]
public sealed class PerStudentSubsidyRule(SubsidyPolicy subsidy) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<SubsidyShare>();
        rule.Reads<StudentSchedule>();
        rule.Match<CappedFee>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) =>
        {
            var schedule = ctx.Where<StudentSchedule>(static s => s.StudentId, f.StudentId).Single();
            var joinedLate = subsidy.ProRataJoin && schedule.Days.Count < schedule.FullTermDays;
            var perStudent = joinedLate
                ? Money.Round(subsidy.PerStudent * schedule.Days.Count / schedule.FullTermDays)
                : Money.Round(subsidy.PerStudent);
            var share = Money.Min(f.AfterCap, perStudent);
            Func<Bilingual> sentence = joinedLate
                ? () => new Bilingual(
                    $"财政补贴 min({Y(f.AfterCap)}, {N(subsidy.PerStudent)} × 入学后 {N(schedule.Days.Count)} 日 / 全学期 {N(schedule.FullTermDays)} 日 = {Y(perStudent)}) = {Y(share)}",
                    $"subsidy min({Y(f.AfterCap)}, {N(subsidy.PerStudent)} × {N(schedule.Days.Count)} days from joining / {N(schedule.FullTermDays)} days in the term = {Y(perStudent)}) = {Y(share)}")
                : () => new Bilingual(
                    $"财政补贴 min({Y(f.AfterCap)}, {Y(perStudent)}) = {Y(share)}",
                    $"subsidy min({Y(f.AfterCap)}, {Y(perStudent)}) = {Y(share)}");
            ctx.Insert(new SubsidyShare(f.StudentId, share), f.StudentId, [f, schedule], sentence);
        });
    }
}
