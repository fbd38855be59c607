using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// 002 §7 七1 / 004 §10: 上级拨款，不足部分向家长收取: a fixed subsidy per student is taken off the fee first.
/// With pro_rata_join a student who joins late gets per_student × the service days from joining ÷ the
/// student's service days in the whole term; a withdrawal is settled by the withdrawal refund instead.
/// </summary>
[Name("fees.subsidy-per-student")]
[Priority(Stage.Subsidy)]
[Title("财政补贴先行（按人）", "Subsidy first, per student")]
[Clause("002 §7 七1")]
public sealed class PerStudentSubsidyRule(SubsidyPolicy subsidy) : SettlementRule
{
    public override void Define()
    {
        // A family's capped fee and its schedule, brought together by student (one group per capped fee).
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is CappedFee || f is StudentSchedule)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is CappedFee)));
        Then().Do(ctx => Share(Context(ctx), family.One<CappedFee>()!, family.One<StudentSchedule>()));
    }

    private void Share(RuleContext ctx, CappedFee f, StudentSchedule? scheduled)
    {
        var schedule = scheduled ?? throw new InvalidOperationException($"student {f.StudentId} has a fee but no schedule");
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
    }
}
