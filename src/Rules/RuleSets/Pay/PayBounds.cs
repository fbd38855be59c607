using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// Floor (004 §11: 每课时不低于60元) and ceiling (002 §1 二(一): 每课时不高于60元), per staff member and month. The
/// units are the bound's own: lessons, or minutes ÷ the plan's lesson-hour. A month is below the floor when its lesson
/// pay is less than bound × units (to the fen), above the ceiling when it is more; with clamp it is paid bound × units.
/// </summary>
internal static class PayBounds
{
    public static decimal Units(RateUnit unit, int lessons, int minutes, int? lessonHourMinutes) => unit == RateUnit.Lesson
        ? lessons
        : (decimal)minutes / (lessonHourMinutes ?? throw new InvalidOperationException("pay.lesson_hour_minutes is needed to count lesson-hours"));

    /// <summary>What bound × units comes to, to the fen.</summary>
    public static Money Limit(RateBound bound, int lessons, int minutes, int? lessonHourMinutes) =>
        Money.Round(bound.Amount * Units(bound.Unit, lessons, minutes, lessonHourMinutes));

    /// <summary>The month's pay after the bounds the plan clamps to (floor first, then ceiling), and the bound that set it.</summary>
    public static (Money Paid, RateBound? By) Clamp(PayPolicy pay, int lessons, int minutes, Money computed)
    {
        var paid = computed;
        RateBound? by = null;
        if (pay.Floor is { Clamp: true } floor && Limit(floor, lessons, minutes, pay.LessonHourMinutes) is var low && paid < low)
        {
            paid = low;
            by = floor;
        }

        if (pay.Ceiling is { Clamp: true } ceiling && Limit(ceiling, lessons, minutes, pay.LessonHourMinutes) is var high && paid > high)
        {
            paid = high;
            by = ceiling;
        }

        return (paid, by);
    }

    /// <summary>
    /// A clamped month's pay shared over its lessons, weighted by each lesson's units in the bound's unit, by largest
    /// remainder; <paramref name="lessons"/> come in (date, slot, lesson id) order, which breaks ties.
    /// </summary>
    public static Money[] Spread(Money paid, RateBound by, IReadOnlyList<LessonDelivered> lessons)
    {
        var weights = new decimal[lessons.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = by.Unit == RateUnit.Lesson ? 1m : lessons[i].Minutes;
        }

        return Allocation.LargestRemainderInOrder(paid, weights);
    }

    public static string UnitZh(RateUnit unit, int? lessonHourMinutes) => RateUnitText.Zh(unit, lessonHourMinutes);

    public static string UnitEn(RateUnit unit, int? lessonHourMinutes) => RateUnitText.En(unit, lessonHourMinutes);

    /// <summary>Lessons in the order the plan's tie-breaks follow: date, slot, lesson id.</summary>
    public static int ByDateSlotId(LessonDelivered a, LessonDelivered b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Slot, b.Slot);
        }

        return c != 0 ? c : string.CompareOrdinal(a.LessonId, b.LessonId);
    }
}
