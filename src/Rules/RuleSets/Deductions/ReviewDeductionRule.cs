using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Deductions;

/// <summary>
/// One line of the plan's performance review (绩效考核, 以月为考核周期), e.g. 002 §1 (四)3: 迟到、早退或私自调课
/// 一次，扣除当天当节的延时服务补助费，当月…达到三次以上（包含三次），扣除当月50%. The events of the
/// line's kinds are counted per staff member and month (or term); each costs the lesson, the day, a
/// percentage or the decided percentage, and the Nth occurrence escalates.
/// </summary>
[Name("deductions.review")]
[Priority(Stage.Deductions)]
[Title("绩效考核扣除", "Performance review deduction")]
[Clause("002 §1 二(四)")]
public sealed class ReviewDeductionRule(DeductionRulePolicy line, DeductionBase baseKind) : SettlementRule
{
    public override void Define()
    {
        // One instance per line of the plan: each its own rule.
        Name(Id);
        var kinds = line.Kinds.ToHashSet(StringComparer.Ordinal);
        var withStipends = baseKind == DeductionBase.LessonPayAndStipends;

        // A staff member's events of the line's kinds, with their lesson pay (and stipends, when the base takes them).
        IGrouping<string, IStaffFact> staff = null!;
        When().Query(() => staff, q => q
            .Match<IStaffFact>(f => (f is ConductEvent && kinds.Contains(((ConductEvent)f).Kind))
                || f is StaffLessonPay
                || (withStipends && (f is Stipend || f is AdminDutyPay)))
            .GroupBy(f => f.StaffId)
            .Where(g => g.Any(f => f is ConductEvent)));
        Then().Do(ctx => Review(Context(ctx), staff.Key, staff.Of<ConductEvent>(), staff.Of<LessonPay>(), staff.Of<Stipend>(), staff.Of<AdminDutyPay>()));
    }

    /// <summary>The staff member's events counted per month (or the term), each period on its own.</summary>
    private void Review(RuleContext ctx, string staff, List<ConductEvent> events, List<LessonPay> lessonPay, List<Stipend> stipends, List<AdminDutyPay> admin)
    {
        var termScope = line.Scope == DeductionScope.Term;
        foreach (var period in events.GroupBy(e => termScope ? (Month?)null : Month.Of(e.Date)).OrderBy(g => g.Key))
        {
            var month = period.Key;
            var key = staff + "|" + (month is { } m ? m.ToString() : "term");
            Review(ctx, key, staff, month, [.. period], PayIn(lessonPay, month), stipends, admin);
        }
    }

    private void Review(RuleContext ctx, string key, string staff, Month? month, List<ConductEvent> events, List<LessonPay> pay, List<Stipend> stipends, List<AdminDutyPay> admin)
    {
        var termScope = month is null;
        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var (baseAmount, baseText, baseEn) = Base(month, pay, stipends, admin);
        var scopeZh = termScope ? "本学期" : $"{month!.Value.Year}年{month.Value.Number}月";
        var escalation = ReviewEscalation.Reached(line.Escalation, ordered.Count);
        var perEvent = new List<Pending>(ordered.Count);
        if (ReviewEscalation.WorksOutPerEvent(escalation))
        {
            foreach (var e in ordered)
            {
                if (PerEvent(ctx, e, staff, month, pay, baseAmount, baseText, baseEn) is { } p)
                {
                    perEvent.Add(p);
                }
            }
        }

        var eventSum = Money.Sum(perEvent.Select(p => p.Deduction.Amount));
        var escalated = escalation is null ? Money.Zero : ReviewEscalation.PercentOf(baseAmount, escalation.Percent);
        var (keepPerEvent, escalate) = ReviewEscalation.Stands(escalation, eventSum, escalated);
        if (keepPerEvent)
        {
            for (var i = 0; i < perEvent.Count; i++)
            {
                var d = perEvent[i].Deduction;
                if (escalation?.Mode == EscalationMode.GreaterOf && i == perEvent.Count - 1)
                {
                    // greater-of kept the per-event lines: the last says why the escalation did not replace them.
                    d = d with
                    {
                        Reason = new Bilingual(
                            d.Reason.Zh + $"（{scopeZh}共 {N(ordered.Count)} 次，逐次扣除合计 {Y(eventSum)} 高于{baseText} {Y(baseAmount)} × {N(escalation.Percent)}% = {Y(escalated)}，按逐次扣除）",
                            d.Reason.En + $" ({N(ordered.Count)} events: the per-event sum {Y(eventSum)} exceeds {baseEn} {Y(baseAmount)} × {N(escalation.Percent)}% = {Y(escalated)}, so it stands)"),
                    };
                }

                ctx.Insert(d, perEvent[i].Key, perEvent[i].Sources, d.Reason);
            }
        }

        if (escalate && escalation is not null)
        {
            var (tailZh, tailEn) = escalation.Mode switch
            {
                EscalationMode.Add => ("（另加）", " (in addition)"),
                EscalationMode.Replace => ("（代替逐次扣除）", " (instead of per-event deductions)"),
                _ => ($"（不低于逐次扣除合计 {Y(eventSum)}，代替逐次扣除）", $" (not less than the per-event sum {Y(eventSum)}; instead of it)"),
            };
            var reason = new Bilingual(
                $"{scopeZh}{string.Join("、", line.Kinds.Select(KindZh))} 共 {N(ordered.Count)} 次（达到 {N(escalation.At)} 次），扣{baseText} {Y(baseAmount)} × {N(escalation.Percent)}% = {Y(escalated)}" + tailZh,
                $"{N(ordered.Count)} × {string.Join("/", line.Kinds)} in {(termScope ? "the term" : month.ToString())} (≥ {N(escalation.At)}): {baseEn} {Y(baseAmount)} × {N(escalation.Percent)}% = {Y(escalated)}" + tailEn);
            var ids = ordered.Select(e => e.Id).ToArray();
            IFact[] sources = [.. ordered, .. pay];
            ctx.Insert(new Deduction(staff, month, line.Id, "escalation", escalation.Percent, escalated, ids, reason) { Base = baseKind }, key + ":escalation", sources, reason);
        }
    }

    /// <summary>A per-occurrence line worked out but not yet inserted: the escalation decides whether it stands.</summary>
    private sealed record Pending(Deduction Deduction, string Key, IReadOnlyList<string> Sources);

    /// <summary>The staff member's lesson pay in the month (or the whole term), in id order.</summary>
    private static List<LessonPay> PayIn(List<LessonPay> all, Month? month) =>
        month is { } m ? all.Where(l => l.Month == m).ToList() : all;

    private (Money Amount, string Zh, string En) Base(Month? month, List<LessonPay> pay, List<Stipend> stipends, List<AdminDutyPay> admin)
    {
        var lessonPay = Money.Sum(pay.Select(p => p.Amount));
        if (baseKind == DeductionBase.LessonPay)
        {
            return (lessonPay, month is null ? "本学期课时费" : "当月课时费", month is null ? "the term's lesson pay" : "the month's lesson pay");
        }

        var stipendPay = stipends.Where(s => month is null || s.Month == month).Select(s => s.Amount);
        var adminPay = admin.Where(s => month is null || s.Month == month).Select(s => s.Amount);
        return (lessonPay + Money.Sum(stipendPay) + Money.Sum(adminPay), month is null ? "本学期课时费及补助" : "当月课时费及补助",
            month is null ? "the term's lesson pay and stipends" : "the month's lesson pay and stipends");
    }

    private Pending? PerEvent(RuleContext ctx, ConductEvent e, string staff, Month? month, List<LessonPay> pay, Money baseAmount, string baseText, string baseEn)
    {
        Money amount;
        decimal? percent = null;
        Bilingual reason;
        var sources = new List<string> { e.Id };
        var each = line.Each == DeductionEach.LessonOrDay ? (e.LessonId is null ? DeductionEach.Day : DeductionEach.Lesson) : line.Each;
        switch (each)
        {
            case DeductionEach.None:
                return null;
            case DeductionEach.Lesson:
                var lesson = e.LessonId is null ? null : pay.FirstOrDefault(p => p.LessonId == e.LessonId);
                if (lesson is null)
                {
                    var missing = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)} 未注明课时或该课时无课时费，无法扣除当节", $"{D(e.Date)} {e.Kind} names no paid lesson; the lesson cannot be deducted");
                    ctx.Insert(new FindingFact("deduction-lesson-missing", Severity.Error, staff, missing), "no-lesson:" + e.EventId, [e], missing);
                    return null;
                }

                amount = lesson.Amount;
                sources.Add(lesson.Id);
                reason = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)}：扣除当节课时费 {Y(amount)}", $"{D(e.Date)} {e.Kind}: the lesson's pay {Y(amount)} is lost");
                break;
            case DeductionEach.Day:
                var day = pay.Where(p => p.Date == e.Date).ToList();
                amount = Money.Sum(day.Select(p => p.Amount));
                sources.AddRange(day.Select(p => p.Id));
                reason = line.Each == DeductionEach.LessonOrDay
                    ? new Bilingual($"{D(e.Date)} {KindZh(e.Kind)}（未注明课时）：扣除当天 {N(day.Count)} 节课时费 {Y(amount)}", $"{D(e.Date)} {e.Kind} (no lesson named): the day's {N(day.Count)} lessons' pay {Y(amount)} is lost")
                    : new Bilingual($"{D(e.Date)} {KindZh(e.Kind)}：扣除当天 {N(day.Count)} 节课时费 {Y(amount)}", $"{D(e.Date)} {e.Kind}: the day's {N(day.Count)} lessons' pay {Y(amount)} is lost");
                break;
            case DeductionEach.Percent:
                percent = line.Percent;
                amount = ReviewEscalation.PercentOf(baseAmount, line.Percent);
                reason = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)}：扣{baseText} {Y(baseAmount)} × {N(line.Percent)}% = {Y(amount)}", $"{D(e.Date)} {e.Kind}: {baseEn} {Y(baseAmount)} × {N(line.Percent)}% = {Y(amount)}");
                break;
            default:
                percent = Decided(ctx, e, staff);
                amount = ReviewEscalation.PercentOf(baseAmount, percent.Value);
                reason = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)}：考核小组决定扣{baseText} {Y(baseAmount)} × {N(percent.Value)}% = {Y(amount)}",
                    $"{D(e.Date)} {e.Kind}: the review group decided {N(percent.Value)}% of {baseEn} {Y(baseAmount)} = {Y(amount)}");
                break;
        }

        return new Pending(new Deduction(staff, month, line.Id, e.Kind, percent, amount, [e.Id], reason) { Base = baseKind }, e.EventId, sources);
    }

    /// <summary>
    /// The decided percentage, held within the plan's range (a value outside it is a finding). Reached only with
    /// <c>deductions.out_of_range: clamp</c>; by default <see cref="Settlement.DecidedPercentCheck"/> refuses such input first.
    /// </summary>
    private decimal Decided(RuleContext ctx, ConductEvent e, string staff)
    {
        var (min, max) = line.Range ?? (0m, 100m);
        if (e.DecidedPercent is not { } decided)
        {
            var missing = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)} 缺少考核小组决定的扣除比例，按下限 {N(min)}% 计", $"{D(e.Date)} {e.Kind} has no decided percentage; the minimum {N(min)}% is applied");
            ctx.Insert(new FindingFact("deduction-percent-missing", Severity.Error, staff, missing), "no-percent:" + e.EventId, [e], missing);
            return min;
        }

        if (decided < min || decided > max)
        {
            var held = Math.Clamp(decided, min, max);
            var outside = new Bilingual($"{D(e.Date)} {KindZh(e.Kind)} 决定扣除 {N(decided)}%，超出方案范围 {N(min)}%–{N(max)}%，按 {N(held)}% 计",
                $"{D(e.Date)} {e.Kind}: decided {N(decided)}% is outside the plan's range {N(min)}%–{N(max)}%; {N(held)}% is applied");
            ctx.Insert(new FindingFact("deduction-out-of-range", Severity.Error, staff, outside), "out-of-range:" + e.EventId, [e], outside);
            return held;
        }

        return decided;
    }
}
