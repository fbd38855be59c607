using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy;

namespace Compensation.Rules.Tests.Calculators;

/// <summary>002 §1 二(四)3: 当月…达到三次以上（包含三次），扣除当月50%.</summary>
public class ReviewEscalationTests
{
    private static readonly Escalation ThreeTimesHalf = new(3, 50m, EscalationMode.GreaterOf);

    [Fact]
    public void TheThirdOccurrence_ReachesTheEscalation_TheSecondDoesNot()
    {
        // 包含三次: 3 ≥ 3 reaches it, 2 < 3 does not.
        Assert.Same(ThreeTimesHalf, ReviewEscalation.Reached(ThreeTimesHalf, 3));
        Assert.Same(ThreeTimesHalf, ReviewEscalation.Reached(ThreeTimesHalf, 4));
        Assert.Null(ReviewEscalation.Reached(ThreeTimesHalf, 2));
        Assert.Null(ReviewEscalation.Reached(null, 10));
    }

    [Fact]
    public void PercentOfTheBase_IsRoundedHalfAwayFromZero()
    {
        // 1 234.57 × 50% = 617.285 → 617.29 (half away from zero, not to even)
        Assert.Equal(Money.Of(617.29m), ReviewEscalation.PercentOf(Money.Of(1234.57m), 50m));
        // 333.33 × 10% = 33.333 → 33.33
        Assert.Equal(Money.Of(33.33m), ReviewEscalation.PercentOf(Money.Of(333.33m), 10m));
    }

    [Fact]
    public void OnlyAReachedReplace_SkipsThePerEventAmounts()
    {
        Assert.False(ReviewEscalation.WorksOutPerEvent(new Escalation(3, 50m, EscalationMode.Replace)));
        Assert.True(ReviewEscalation.WorksOutPerEvent(new Escalation(3, 50m, EscalationMode.Add)));
        Assert.True(ReviewEscalation.WorksOutPerEvent(ThreeTimesHalf));
        Assert.True(ReviewEscalation.WorksOutPerEvent(null));
    }

    [Fact]
    public void AddKeepsBoth_ReplaceKeepsTheEscalation_NoneKeepsThePerEventLines()
    {
        // 3 lessons of 40.00 = 120.00 per event; 50% of a 900.00 month = 450.00
        var sum = Money.Of(120m);
        var escalated = Money.Of(450m);
        Assert.Equal((true, true), ReviewEscalation.Stands(new Escalation(3, 50m, EscalationMode.Add), sum, escalated));
        Assert.Equal((false, true), ReviewEscalation.Stands(new Escalation(3, 50m, EscalationMode.Replace), sum, escalated));
        Assert.Equal((true, false), ReviewEscalation.Stands(null, sum, escalated));
    }

    [Fact]
    public void GreaterOf_KeepsThePerEventLines_OnlyWhenTheyCostStrictlyMore()
    {
        // 50% of a 200.00 month = 100.00: per-event 120.00 > 100.00 keeps them; 80.00 < 100.00 and a tie of 100.00
        // both go to the escalation.
        var escalated = Money.Of(100m);
        Assert.Equal((true, false), ReviewEscalation.Stands(ThreeTimesHalf, Money.Of(120m), escalated));
        Assert.Equal((false, true), ReviewEscalation.Stands(ThreeTimesHalf, Money.Of(80m), escalated));
        Assert.Equal((false, true), ReviewEscalation.Stands(ThreeTimesHalf, Money.Of(100m), escalated));
    }
}
