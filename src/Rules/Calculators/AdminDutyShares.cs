using Compensation.Rules.Domain;

namespace Compensation.Rules.Calculators;

/// <summary>
/// 001 篇三 (一)2(2) 行政值班管理：按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算: the percentage of general
/// spending, paid to the fen or (with whole lessons) only as whole lessons of the lesson value, shared by days on duty.
/// </summary>
public static class AdminDutyShares
{
    /// <summary>
    /// <paramref name="percent"/>% of <paramref name="general"/>: the exact yuan, the whole lessons of
    /// <paramref name="lessonValue"/> it holds (rounded down), and what is paid: whole lessons only when
    /// <paramref name="wholeLessons"/>, otherwise the exact amount rounded to the fen.
    /// </summary>
    public static (decimal Exact, decimal Lessons, Money Total) Total(Money general, decimal percent, decimal lessonValue, bool wholeLessons)
    {
        var exact = general.Yuan * percent / 100m;
        var lessons = decimal.Floor(exact / lessonValue);
        return (exact, lessons, wholeLessons ? Money.Round(lessons * lessonValue) : Money.Round(exact));
    }

    /// <summary>
    /// <paramref name="total"/> (or, with whole lessons, <paramref name="lessons"/> lessons) shared by
    /// <paramref name="days"/>, largest remainder, ties by <paramref name="keys"/>: whole lessons are shared as lessons,
    /// so no one gets a part of a lesson.
    /// </summary>
    public static Money[] ByDays(Money total, decimal lessons, decimal lessonValue, bool wholeLessons, IReadOnlyList<int> days, IReadOnlyList<string> keys)
    {
        var weights = days.Select(d => (decimal)d).ToArray();
        return wholeLessons
            ? Allocation.LargestRemainderUnits((long)lessons, weights, keys).Select(n => Money.Round(n * lessonValue)).ToArray()
            : Allocation.LargestRemainder(total, weights, keys);
    }

    /// <summary>A person's share over their duty months by days (ties by month key), in whole lessons when so paid.</summary>
    public static Money[] OverMonths(Money share, decimal lessonValue, bool wholeLessons, IReadOnlyList<int> days, IReadOnlyList<string> monthKeys) =>
        ByDays(share, decimal.Round(share.Yuan / lessonValue), lessonValue, wholeLessons, days, monthKeys);
}
