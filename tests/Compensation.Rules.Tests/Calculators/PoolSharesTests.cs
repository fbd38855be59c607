using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Tests.Calculators;

/// <summary>002 §1 二(三)2: the pool ÷ the school's lessons × a teacher's lessons, then over months and lessons.</summary>
public class PoolSharesTests
{
    [Fact]
    public void PerTeacher_ByLessons_TheFenLeftOverToTheLowestStaffId()
    {
        // 1 000.00 × 1/3 = 333.333… → 333.33 each, 999.99 in all; the 1 fen left over goes to the equal remainders'
        // lowest id, t1, whatever the order given.
        Assert.Equal([Money.Of(333.33m), Money.Of(333.34m), Money.Of(333.33m)],
            PoolShares.PerTeacher(Money.Of(1000m), [1, 1, 1], ["t2", "t1", "t3"]));
    }

    [Fact]
    public void PerTeacher_WeightsByLessons()
    {
        // 900.00 × 5/9 = 500.00, × 3/9 = 300.00, × 1/9 = 100.00
        Assert.Equal([Money.Of(500m), Money.Of(300m), Money.Of(100m)],
            PoolShares.PerTeacher(Money.Of(900m), [5, 3, 1], ["a", "b", "c"]));
    }

    [Fact]
    public void PerTeacher_WithNoLessons_PaysNobody()
    {
        Assert.Equal([Money.Zero, Money.Zero], PoolShares.PerTeacher(Money.Of(500m), [0, 0], ["a", "b"]));
    }

    [Fact]
    public void PerMonth_ByTheMonthsLessons_TheFenToTheLargestRemainder()
    {
        // 100.00 × 2/3 = 66.666… → 66.66 (remainder .666), × 1/3 = 33.333… → 33.33 (remainder .333); 99.99, so the
        // 1 fen goes to March's larger remainder: 66.67 + 33.33 = 100.00.
        Assert.Equal([Money.Of(66.67m), Money.Of(33.33m)], PoolShares.PerMonth(Money.Of(100m), [2, 1], ["2025-03", "2025-04"]));
    }

    [Fact]
    public void PerLesson_Equally_TheFenToTheEarliestLessons()
    {
        // 10.00 ÷ 3 = 3.333… → 3.33 each, 9.99; the 1 fen to the first lesson in date/slot order.
        Assert.Equal([Money.Of(3.34m), Money.Of(3.33m), Money.Of(3.33m)], PoolShares.PerLesson(Money.Of(10m), 3));
        // 0.05 ÷ 4 = 0.0125 → 0.01 each, 0.04; the 1 fen left to the first.
        Assert.Equal([Money.Of(0.02m), Money.Of(0.01m), Money.Of(0.01m), Money.Of(0.01m)], PoolShares.PerLesson(Money.Of(0.05m), 4));
    }
}
