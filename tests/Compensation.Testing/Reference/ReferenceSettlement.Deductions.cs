using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Testing;

/// <summary>The review deductions and the staff lines: docs/settlement-arithmetic.md, "Staff", steps 5–6.</summary>
public static partial class ReferenceSettlement
{
    /// <summary>
    /// Step 5. 002 §1 二(四) and 001 篇三 (二) 绩效考核: each deduction rule takes, per staff member and month (or term,
    /// for a term-scope rule), its events' deductions. The base is gross pay (DOMAIN.md "Readings"): lesson pay, plus
    /// stipends when the rule's base, or else the plan's, says so.
    /// </summary>
    private static void Deduct(SchoolPolicy policy, TermFacts facts, SortedDictionary<string, Staff> staff)
    {
        foreach (var rule in policy.Deductions.Rules)
        {
            var ofStipends = (rule.Base ?? policy.Deductions.Base) == DeductionBase.LessonPayAndStipends;
            var events = facts.Conduct.Where(e => rule.Kinds.Contains(e.Kind)).ToList();
            if (rule.Scope == DeductionScope.Term)
            {
                // 001 篇三 (二)6 可扣除本学期50%—100%绩效服务费: of the term's pay.
                foreach (var ofStaff in events.GroupBy(e => e.StaffId))
                {
                    var account = staff[ofStaff.Key];
                    var termBase = Money.Sum(account.Months.Values.Select(m => MonthBase(m, ofStipends)));
                    var (amount, lines) = RuleDeduction(policy, rule, ofStaff.ToList(), termBase, account, month: null);
                    account.TermDeductionsRaw += amount;
                    account.TermDeductedOfStipends |= ofStipends && lines > 0;
                }
            }
            else
            {
                foreach (var ofMonth in events.GroupBy(e => (e.StaffId, Month: Month.Of(e.Date))))
                {
                    var account = staff[ofMonth.Key.StaffId];
                    var monthBase = account.Months.TryGetValue(ofMonth.Key.Month, out var m) ? MonthBase(m, ofStipends) : Money.Zero;
                    var (amount, lines) = RuleDeduction(policy, rule, ofMonth.ToList(), monthBase, account, ofMonth.Key.Month);
                    if (lines > 0)
                    {
                        var month = account.MonthAt(facts.Term, ofMonth.First().Date);
                        month.DeductionsRaw += amount;
                        month.DeductedOfStipends |= ofStipends;
                    }
                }
            }
        }
    }

    private static Money MonthBase(StaffMonth month, bool ofStipends) => ofStipends ? month.LessonPay + month.Stipends : month.LessonPay;

    /// <summary>
    /// One rule's deduction for one staff member's month (or term), and how many lines it has. With n ≥ at events, the
    /// escalation E = round(base × percent/100): greater-of takes E instead of the per-event sum S when E ≥ S (三次以上
    /// is harsher, never milder, DOMAIN.md "Readings"); replace takes E alone; add takes S and E.
    /// </summary>
    private static (Money Amount, int Lines) RuleDeduction(SchoolPolicy policy, DeductionRulePolicy rule, List<ConductEvent> events, Money baseAmount, Staff account, Month? month)
    {
        var escalation = rule.Escalation is { } e && events.Count >= e.At ? e : null;
        var perEvent = escalation?.Mode == EscalationMode.Replace
            ? []
            : events.OrderBy(x => x.Date).ThenBy(x => x.EventId, StringComparer.Ordinal)
                .Select(x => EventDeduction(policy, rule, x, baseAmount, account, month))
                .OfType<Money>()
                .ToList();
        var sum = Money.Sum(perEvent);
        if (escalation is null)
        {
            return (sum, perEvent.Count);
        }

        var escalated = Percent(baseAmount, escalation.Percent);
        return escalation.Mode switch
        {
            EscalationMode.Add => (sum + escalated, perEvent.Count + 1),
            EscalationMode.Replace => (escalated, 1),
            _ => escalated >= sum ? (escalated, 1) : (sum, perEvent.Count),
        };
    }

    /// <summary>One event's own deduction, or null when it has no line (each: none, or a lesson the staff member was not paid for that month).</summary>
    private static Money? EventDeduction(SchoolPolicy policy, DeductionRulePolicy rule, ConductEvent e, Money baseAmount, Staff account, Month? month)
    {
        // 002 §1 二(四)3 扣除当天当节: that lesson when the event names one, the day's lessons when it does not.
        var each = rule.Each == DeductionEach.LessonOrDay ? (e.LessonId is null ? DeductionEach.Day : DeductionEach.Lesson) : rule.Each;
        switch (each)
        {
            case DeductionEach.None:
                return null;
            case DeductionEach.Lesson:
                // 002 §1 二(四)2 无故空堂: that lesson's pay, if it is one of the staff member's paid lessons (of the month).
                var lesson = account.Months
                    .Where(m => month is null || m.Key == month)
                    .SelectMany(m => m.Value.Lessons)
                    .FirstOrDefault(l => l.Lesson.LessonId == e.LessonId);
                return lesson?.Pay;
            case DeductionEach.Day:
                return account.Months.TryGetValue(Month.Of(e.Date), out var ofDay)
                    ? Money.Sum(ofDay.Lessons.Where(l => l.Lesson.Date == e.Date).Select(l => l.Pay))
                    : Money.Zero;
            case DeductionEach.Percent:
                // 002 §1 二(四)4 违规一次扣除当月10%.
                return Percent(baseAmount, rule.Percent);
            default:
                // 002 §1 二(四)5–6 视情节轻重可扣除当月10%——100%: the review group's decision, which must lie in the range.
                var (min, max) = rule.Range ?? (0m, 100m);
                if (policy.Deductions.OutOfRange == DecidedOutOfRange.Refuse && (e.DecidedPercent is not { } decided || decided < min || decided > max))
                {
                    throw new NotSupportedException($"event {e.EventId}: a decided percentage outside the range is refused, not settled");
                }

                return Percent(baseAmount, e.DecidedPercent is { } given ? Math.Clamp(given, min, max) : min);
        }
    }

    private static Money Percent(Money amount, decimal percent) => Money.Round(amount.Yuan * percent / 100m);

    /// <summary>
    /// Step 6. Each month: gross = lesson pay + stipends, deductions capped at the month's base (lesson pay, plus stipends
    /// when the plan's base or any of its deductions' is lesson-pay-and-stipends). The term's deductions are capped at
    /// what is left of the term base. Term gross = the months' gross + external pay + awards.
    /// </summary>
    private static List<ReferenceStaff> StaffLines(SchoolPolicy policy, SortedDictionary<string, Staff> staff)
    {
        var planOfStipends = policy.Deductions.Base == DeductionBase.LessonPayAndStipends;
        var lines = new List<ReferenceStaff>();
        foreach (var account in staff.Values)
        {
            var months = new List<ReferenceStaffMonth>();
            var termBase = Money.Zero;
            foreach (var (month, m) in account.Months)
            {
                var cap = planOfStipends || m.DeductedOfStipends ? m.LessonPay + m.Stipends : m.LessonPay;
                var deducted = Money.Min(m.DeductionsRaw, cap);
                var gross = m.LessonPay + m.Stipends;
                months.Add(new ReferenceStaffMonth(month, m.Lessons.Count, m.LessonPay, m.Stipends, cap, m.DeductionsRaw, deducted, gross, gross - deducted));
                termBase += planOfStipends || account.TermDeductedOfStipends ? gross : cap;
            }

            var monthDeductions = Money.Sum(months.Select(m => m.DeductionTotal));
            var termDeductions = Money.Min(account.TermDeductionsRaw, termBase - monthDeductions);
            var termGross = Money.Sum(months.Select(m => m.Gross)) + account.ExternalPay + account.Awards;
            var allDeductions = monthDeductions + termDeductions;
            lines.Add(new ReferenceStaff(account.Member.StaffId, months, months.Sum(m => m.Lessons), Money.Sum(months.Select(m => m.LessonPay)),
                Money.Sum(months.Select(m => m.Stipends)), account.ExternalPay, account.Awards, termDeductions, termGross, allDeductions, termGross - allDeductions));
        }

        return lines;
    }
}
