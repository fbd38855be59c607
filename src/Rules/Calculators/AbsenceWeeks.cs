using Compensation.Rules.Domain;

namespace Compensation.Rules.Calculators;

/// <summary>
/// 002 §1 一(一) 连续一周以上, read on the student's own timetable (docs/settlement-arithmetic.md): a run
/// of missed scheduled days is N weeks or more when it holds at least N × the student's days a week, or
/// when it holds every scheduled day of N consecutive calendar weeks (Monday–Sunday), weeks in which
/// the student has no scheduled day being skipped; a week cut short by a holiday still counts.
/// </summary>
public static class AbsenceWeeks
{
    /// <summary>
    /// Whether the run <paramref name="first"/>..<paramref name="last"/> (indices into the student's
    /// scheduled days <paramref name="scheduled"/>, in date order) qualifies under <c>min_weeks</c>.
    /// </summary>
    public static bool Qualifies(IReadOnlyList<DateOnly> scheduled, int first, int last, int daysPerWeek, int minWeeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(last, scheduled.Count);
        if (last - first + 1 >= minWeeks * daysPerWeek)
        {
            return true;
        }

        return WholeWeeks(scheduled, first, last) >= minWeeks;
    }

    /// <summary>
    /// How many calendar weeks have all their scheduled days inside the run. The run is contiguous in the
    /// scheduled days, so only its first and last weeks can be partly outside it and the whole weeks are consecutive.
    /// </summary>
    public static int WholeWeeks(IReadOnlyList<DateOnly> scheduled, int first, int last)
    {
        var whole = 0;
        var i = first;
        while (i <= last)
        {
            var week = WeekOf(scheduled[i]);
            var j = i;
            while (j + 1 <= last && WeekOf(scheduled[j + 1]) == week)
            {
                j++;
            }

            var startsInRun = i > first || first == 0 || WeekOf(scheduled[first - 1]) != week;
            var endsInRun = j < last || last == scheduled.Count - 1 || WeekOf(scheduled[last + 1]) != week;
            if (startsInRun && endsInRun)
            {
                whole++;
            }

            i = j + 1;
        }

        return whole;
    }

    /// <summary>The Monday of the calendar week a date falls in (a make-up Saturday counts in its own week).</summary>
    public static DateOnly WeekOf(DateOnly d) => d.AddDays(1 - Dates.IsoDayOfWeek(d));
}
