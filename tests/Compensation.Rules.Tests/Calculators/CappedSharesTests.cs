using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Tests.Calculators;

/// <summary>001 篇四 结余清退: a largest-remainder split in which no family gets back more than it pays.</summary>
public class CappedSharesTests
{
    private static Money Y(decimal yuan) => Money.Of(yuan);

    [Fact]
    public void WithoutCaps_ItIsTheLargestRemainderSplit_TiesToTheFirstKey()
    {
        // 10.00 / 3 = 3.333… each: 3.33 × 3 = 9.99, the last fen to the first key in ordinal order, "a".
        var shares = CappedShares.Of(Y(10m), [1m, 1m, 1m], ["b", "a", "c"], null);
        Assert.Equal([Y(3.33m), Y(3.34m), Y(3.33m)], shares);
    }

    [Fact]
    public void APartAboveItsCap_IsCutToIt_AndTheRestIsSplitOverTheOthers()
    {
        // 100 / 3 = 33.34 (a, the tie's fen), 33.33, 33.33: a is above its cap of 10, so a = 10.00;
        // the other 90.00 over b and c: 45.00 each, under their caps of 60.
        var shares = CappedShares.Of(Y(100m), [1m, 1m, 1m], ["a", "b", "c"], [Y(10m), Y(60m), Y(60m)]);
        Assert.Equal([Y(10m), Y(45m), Y(45m)], shares);
    }

    [Fact]
    public void CapsAreAppliedAgain_UntilNoPartIsAboveItsCap()
    {
        // 90 / 3 = 30 each: a (cap 20) and b (cap 25) are above, so 20.00 and 25.00; c gets 90 − 20 − 25 = 45.00.
        var shares = CappedShares.Of(Y(90m), [1m, 1m, 1m], ["a", "b", "c"], [Y(20m), Y(25m), Y(100m)]);
        Assert.Equal([Y(20m), Y(25m), Y(45m)], shares);
    }

    [Fact]
    public void WhenEveryPartReachesItsCap_WhatIsLeftIsNotSplit()
    {
        // 100 / 2 = 50 each, above both caps: 20.00 and 30.00, and the other 50.00 goes to no one.
        var shares = CappedShares.Of(Y(100m), [1m, 1m], ["a", "b"], [Y(20m), Y(30m)]);
        Assert.Equal([Y(20m), Y(30m)], shares);
    }

    [Fact]
    public void AZeroWeight_GetsNothing()
    {
        // 9.00 × 2/3 = 6.00 and 9.00 × 1/3 = 3.00; the weight 0 gets 0.
        var shares = CappedShares.Of(Y(9m), [0m, 2m, 1m], ["a", "b", "c"], null);
        Assert.Equal([Money.Zero, Y(6m), Y(3m)], shares);
    }
}
