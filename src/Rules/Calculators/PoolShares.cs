using Compensation.Rules.Domain;

namespace Compensation.Rules.Calculators;

/// <summary>
/// 002 §1 二(三)2 …÷全校本学期总课时数×教师本学期实际上课节数: the pool shared by lessons, in three steps that each add
/// up exactly: per teacher by their lessons (ties by staff id), a teacher's share over their months by each month's
/// lessons (ties by month), and a month's pay over its lessons equally in the order given (date, slot, lesson id).
/// </summary>
public static class PoolShares
{
    /// <summary>
    /// The pool per teacher: pool × the teacher's lessons ÷ all lessons, by largest remainder with ties to the earlier
    /// <paramref name="staffIds"/>. With no lessons at all nobody is paid.
    /// </summary>
    public static Money[] PerTeacher(Money pool, IReadOnlyList<int> lessons, IReadOnlyList<string> staffIds) =>
        lessons.Sum() == 0
            ? new Money[staffIds.Count]
            : Allocation.LargestRemainder(pool, lessons.Select(n => (decimal)n).ToArray(), staffIds);

    /// <summary>A teacher's share over their months by each month's lessons, ties to the earlier month key.</summary>
    public static Money[] PerMonth(Money share, IReadOnlyList<int> lessons, IReadOnlyList<string> monthKeys) =>
        Allocation.LargestRemainder(share, lessons.Select(n => (decimal)n).ToArray(), monthKeys);

    /// <summary>A month's pay over its <paramref name="count"/> lessons equally, the fen left over to the earliest.</summary>
    public static Money[] PerLesson(Money monthPay, int count) =>
        Allocation.LargestRemainderInOrder(monthPay, Enumerable.Repeat(1m, count).ToArray());
}
