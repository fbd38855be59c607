namespace Compensation.Rules.Calculators;

/// <summary>
/// 002 §1 一(一) 连续缺席: runs of a student's consecutive scheduled service days that were all missed. The days are
/// the student's own, on the school calendar, so a holiday between two of them neither breaks nor lengthens a run.
/// </summary>
public static class MissedRuns
{
    /// <summary>
    /// The runs of consecutive <paramref name="days"/> (in date order) that <paramref name="missed"/> holds for, as the
    /// indices of their first and last day, in date order.
    /// </summary>
    public static List<(int First, int Last)> Of(IReadOnlyList<DateOnly> days, Func<DateOnly, bool> missed)
    {
        var runs = new List<(int First, int Last)>();
        var first = -1;
        for (var i = 0; i < days.Count; i++)
        {
            if (missed(days[i]))
            {
                if (first < 0)
                {
                    first = i;
                }

                continue;
            }

            if (first >= 0)
            {
                runs.Add((first, i - 1));
                first = -1;
            }
        }

        if (first >= 0)
        {
            runs.Add((first, days.Count - 1));
        }

        return runs;
    }
}
