using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.345", "2.35")]
    [InlineData("116.666666", "116.67")]
    public void Round_IsHalfAwayFromZero(string input, string expected) =>
        Assert.Equal(expected, Money.Round(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Of_RejectsFractionsOfAFen() =>
        Assert.Throws<ArgumentException>(() => Money.Of(1.001m));

    [Fact]
    public void LargestRemainder_ThreeEqualParts_GivesTheOddFenToTheFirstKey()
    {
        // 100.00 ÷ 3 = 33.333…: floors 33.33 × 3 = 99.99, one fen left, remainders tie, key "a" first.
        var parts = Allocation.LargestRemainder(Money.Of(100m), [1m, 1m, 1m], ["a", "b", "c"]);
        Assert.Equal(["33.34", "33.33", "33.33"], parts.Select(p => p.ToString()));
    }

    [Fact]
    public void LargestRemainder_ProportionalToWeights()
    {
        // 10.00 over weights 1, 2, 3 (sum 6): exact 1.666…, 3.333…, 5.00 → floors 1.66, 3.33, 5.00 (9.99),
        // one fen to the largest remainder 0.666… ("x") → 1.67, 3.33, 5.00.
        var parts = Allocation.LargestRemainder(Money.Of(10m), [1m, 2m, 3m], ["x", "y", "z"]);
        Assert.Equal(["1.67", "3.33", "5.00"], parts.Select(p => p.ToString()));
    }

    [Fact]
    public void LargestRemainder_DoesNotDependOnInputOrder()
    {
        var a = Allocation.LargestRemainder(Money.Of(100m), [1m, 1m, 1m], ["c", "a", "b"]);
        Assert.Equal(["33.33", "33.34", "33.33"], a.Select(p => p.ToString()));
    }

    [Fact]
    public void LargestRemainder_EqualRemaindersOfUnequalParts_TieByKey()
    {
        // 63888 fen over weights 1, 17, 30, 4 (Σ 52): 63888 × 1/52 = 1228 + 32/52, × 17/52 = 20886 + 24/52,
        // × 30/52 = 36858 + 24/52, × 4/52 = 4914 + 24/52; floors 63886, 2 fen left: one to 32/52, one to the
        // three-way tie of 24/52, which the smallest key ("a", weight 17) takes, however large its whole part.
        var parts = Allocation.LargestRemainder(Money.FromFen(63888), [1m, 17m, 30m, 4m], ["d", "a", "b", "c"]);
        Assert.Equal(["12.29", "208.87", "368.58", "49.14"], parts.Select(p => p.ToString()));
    }
}
