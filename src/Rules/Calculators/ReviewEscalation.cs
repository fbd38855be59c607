using Compensation.Rules.Domain;
using Compensation.Rules.Policy;

namespace Compensation.Rules.Calculators;

/// <summary>
/// 002 §1 二(四)3 绩效考核: what a review line costs a staff member in a period. Each occurrence costs its own
/// amount; at the Nth occurrence (当月…达到三次以上（包含三次），扣除当月50%) the escalation percentage of the base is
/// added, replaces the per-occurrence amounts, or replaces them only when it costs at least as much.
/// </summary>
public static class ReviewEscalation
{
    /// <summary>The escalation that applies to <paramref name="count"/> occurrences, or null below its threshold.</summary>
    public static Escalation? Reached(Escalation? escalation, int count) =>
        escalation is { } e && count >= e.At ? e : null;

    /// <summary>
    /// Whether the per-occurrence amounts are worked out at all: a replacing escalation that is reached makes them moot.
    /// </summary>
    public static bool WorksOutPerEvent(Escalation? reached) => reached?.Mode != EscalationMode.Replace;

    /// <summary><paramref name="percent"/>% of <paramref name="baseAmount"/>, rounded to the fen half away from zero.</summary>
    public static Money PercentOf(Money baseAmount, decimal percent) => Money.Round(baseAmount.Yuan * percent / 100m);

    /// <summary>
    /// Which deductions stand once the per-occurrence sum and the escalated amount are known: the per-occurrence lines,
    /// the escalation line, or both (add). Greater-of keeps the per-occurrence lines only when they cost strictly more,
    /// so a tie goes to the escalation.
    /// </summary>
    public static (bool PerEvent, bool Escalated) Stands(Escalation? reached, Money eventSum, Money escalated) =>
        reached?.Mode switch
        {
            null => (true, false),
            EscalationMode.Add => (true, true),
            EscalationMode.Replace => (false, true),
            _ => eventSum > escalated ? (true, false) : (false, true),
        };
}
