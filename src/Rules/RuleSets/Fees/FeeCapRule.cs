using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>
/// 002 §1 一(一): 每周5天……收费标准最高限额为每生每学期350元. The term's charges are added up and
/// compared with the cap (pro rata for fewer days and a late start); a charge above it is a finding,
/// and is reduced to the cap only when the plan says so (clamp); the finding is a warning or an
/// error as the plan says (severity), whether or not the charge is reduced.
/// </summary>
[Name("fees.cap")]
[Priority(Stage.Cap)]
[Title("收费上限", "Fee cap")]
[Clause("002 §1 一(一)")]
public sealed class FeeCapRule(FeePolicy fees) : SettlementRule
{
    public override void Define()
    {
        // A family's charges and its schedule, brought together by student (one group per family charged).
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is FeeCharge || f is StudentSchedule)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is FeeCharge)));
        Then().Do(ctx => Cap(Context(ctx), family.Key, family.Of<FeeCharge>(), family.One<StudentSchedule>()));
    }

    private void Cap(RuleContext ctx, string student, List<FeeCharge> charges, StudentSchedule? scheduled)
    {
        var schedule = scheduled ?? throw new InvalidOperationException($"student {student} is charged but has no schedule");
        var charged = Money.Sum(charges.Select(c => c.Amount));
        var days = charges.Sum(c => c.DaysAttended);
        var cap = CapFor(schedule, charges);
        var reduction = Money.Zero;
        IFact[] sources = [.. charges, schedule];
        Func<Bilingual> sentence;
        if (cap is { } limit && charged > limit)
        {
            var clamp = fees.Cap!.Clamp;
            var capText = CapText(schedule);
            reduction = clamp ? charged - limit : Money.Zero;
            ctx.Insert(new FindingFact("fee-above-cap", fees.Cap.Severity, student, new Bilingual(
                    $"学生 {student} 收费 {Y(charged)} 超过上限 {Y(limit)}（{capText}）" + (clamp ? "，按上限收取" : ""),
                    $"student {student} is charged {Y(charged)}, above the cap of {Y(limit)} ({capText})" + (clamp ? "; charged the cap" : ""))),
                "above-cap:" + student, sources,
                new Bilingual($"{Y(charged)} > {Y(limit)}", $"{Y(charged)} > {Y(limit)}"));
            var cut = reduction;
            sentence = clamp
                ? () => new Bilingual($"收费 {Y(charged)} 超过上限 {Y(limit)}，核减 {Y(cut)}", $"charge {Y(charged)} above the cap {Y(limit)}: reduced by {Y(cut)}")
                : () => new Bilingual($"收费 {Y(charged)} 超过上限 {Y(limit)}（仅提示，不核减）", $"charge {Y(charged)} above the cap {Y(limit)} (reported, not reduced)");
        }
        else
        {
            sentence = cap is { } ok
                ? () => new Bilingual($"收费 {Y(charged)} 未超过上限 {Y(ok)}", $"charge {Y(charged)} within the cap of {Y(ok)}")
                : () => new Bilingual($"收费合计 {Y(charged)}（本方案无上限）", $"charges total {Y(charged)} (no cap in this plan)");
        }

        ctx.Insert(new CappedFee(student, charged, reduction, days), student, sources, sentence);
    }

    private Money? CapFor(StudentSchedule s, IReadOnlyList<FeeCharge> charges)
    {
        var cap = fees.Cap;
        if (cap is null)
        {
            return null;
        }

        if (fees.Mode == FeeMode.PerLessonHour && cap.PerLessonHour is { } maxRate)
        {
            return Money.Sum(charges.Select(c => Money.Round(maxRate * fees.LessonHoursPerDay * c.DaysAttended)));
        }

        if (cap.PerTerm is { } perTerm)
        {
            return FlatTermFeeRule.Amount(perTerm, s, true, fees.ProRataJoin);
        }

        return null;
    }

    /// <summary>How the cap was worked out, for the finding (when there is a cap).</summary>
    private string CapText(StudentSchedule s)
    {
        var cap = fees.Cap!;
        if (fees.Mode == FeeMode.PerLessonHour && cap.PerLessonHour is { } maxRate)
        {
            return $"{N(maxRate)} 元/课时";
        }

        return FlatTermFeeRule.Compute(cap.PerTerm!.Value, s, true, fees.ProRataJoin).Zh;
    }
}
