using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Deductions;
using Compensation.Rules.Settlement;
using FsCheck.Xunit;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Properties;

/// <summary>
/// Escalations are harsher, never milder (002 §1 二(四)3–4, 001 篇三 (二)3–4 "三次以上…扣除当月50%/100%"): under
/// <c>mode: add</c> and <c>mode: greater-of</c>, one more event in a month never lowers that month's deduction.
/// </summary>
public sealed class EscalationPropertyTests
{
    private static readonly DeductionEach[] Eaches = [DeductionEach.Lesson, DeductionEach.Day, DeductionEach.LessonOrDay, DeductionEach.Percent, DeductionEach.Decided, DeductionEach.None];
    private static readonly string[] Kinds = ["late", "early-leave", "swap"];

    /// <summary>One rule on random March pay (0–3 lessons a day of 10.00–60.99) and random events, with one more event or not.</summary>
    [Property(MaxTest = 300)]
    public void One_more_event_never_lowers_the_months_deduction_of_one_rule(int seed, bool add)
    {
        var r = new Random(seed);
        var mode = add ? EscalationMode.Add : EscalationMode.GreaterOf;
        var line = new DeductionRulePolicy
        {
            Id = "lateness",
            Kinds = Kinds,
            Each = Eaches[r.Next(Eaches.Length)],
            Percent = r.Next(1, 101),
            Range = (10m, 100m),
            Escalation = new Escalation(r.Next(1, 6), r.Next(0, 101), mode),
        };
        var pay = new List<LessonPay>();
        for (var day = 3; day <= 28; day++)
        {
            for (var k = r.Next(0, 4); k > 0; k--)
            {
                var id = $"L{day}-{k}";
                pay.Add(Given(new LessonPay("T1", id, new DateOnly(2025, 3, day), new Month(2025, 3), 1m, Money.FromFen(r.Next(1000, 6100))), "pay.fixed-rate:" + id));
            }
        }

        ConductEvent Event(int n)
        {
            var named = pay.Count > 0 && r.Next(2) == 0 ? pay[r.Next(pay.Count)] : null;
            var date = named?.Date ?? new DateOnly(2025, 3, r.Next(3, 29));
            return new ConductEvent($"E{n}", "T1", date, Kinds[r.Next(Kinds.Length)], r.Next(10, 101), named?.LessonId, "");
        }

        var events = Enumerable.Range(1, r.Next(0, 7)).Select(Event).ToList();
        var extra = Event(events.Count + 1);
        var before = Deducted(line, pay, events);
        var after = Deducted(line, pay, [.. events, extra]);
        Assert.True(after >= before,
            $"{line.Each}, escalation at {line.Escalation!.At} × {line.Escalation.Percent}% ({mode}): {events.Count} events cost {before}, {events.Count + 1} cost {after}");
    }

    /// <summary>A generated term and the same term with one more lateness or handover event for a teacher who has one.</summary>
    [Property(MaxTest = 6, Arbitrary = [typeof(TermSpecs)])]
    public void One_more_event_never_lowers_any_staff_months_deduction_in_a_settled_term(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var r = new Random(spec.Seed);
        foreach (var mode in new[] { EscalationMode.GreaterOf, EscalationMode.Add })
        {
            var p = policy with
            {
                Deductions = policy.Deductions with
                {
                    Rules = [.. policy.Deductions.Rules.Select(x => x.Escalation is { } e ? x with { Escalation = e with { Mode = mode } } : x)],
                },
            };
            var escalating = facts.Conduct.Where(c => c.Kind is "late" or "early-leave" or "swap" or "handover").ToList();
            if (escalating.Count == 0)
            {
                continue;
            }

            var copy = escalating[r.Next(escalating.Count)];
            var more = facts with { Conduct = [.. facts.Conduct, copy with { EventId = "C999999" }] };
            var before = Settler.Settle(p, facts).Staff.ToDictionary(s => s.StaffId, StringComparer.Ordinal);
            foreach (var s in Settler.Settle(p, more).Staff)
            {
                var was = before[s.StaffId];
                Assert.True(s.Deductions >= was.Deductions, $"{spec} ({mode}): {s.StaffId}'s deductions fell from {was.Deductions} to {s.Deductions}");
                foreach (var m in s.Months)
                {
                    var old = was.Months.Single(x => x.Month == m.Month);
                    Assert.True(m.DeductionTotal >= old.DeductionTotal, $"{spec} ({mode}): {s.StaffId} {m.Month} fell from {old.DeductionTotal} to {m.DeductionTotal}");
                }
            }
        }
    }

    private static Money Deducted(DeductionRulePolicy line, List<LessonPay> pay, List<ConductEvent> events)
    {
        var rule = new ReviewDeductionRule(line, DeductionBase.LessonPay) { Instance = line.Id };
        return Money.Sum(Fire<Deduction>(rule, [.. pay, .. events]).Select(d => d.Amount));
    }
}
