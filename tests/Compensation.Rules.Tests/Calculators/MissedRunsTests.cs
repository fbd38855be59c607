using Compensation.Rules.Calculators;

namespace Compensation.Rules.Tests.Calculators;

/// <summary>002 §1 一(一) 连续缺席: runs of consecutive scheduled days all missed.</summary>
public class MissedRunsTests
{
    // Mon 3 … Fri 7 March 2025 and Mon 10 March: the weekend between is not a scheduled day.
    private static readonly DateOnly[] Days = [new(2025, 3, 3), new(2025, 3, 4), new(2025, 3, 5), new(2025, 3, 6), new(2025, 3, 7), new(2025, 3, 10)];

    [Fact]
    public void AMarkedDay_EndsARun_AndTheWeekendDoesNot()
    {
        // Missed: Tue 4, Wed 5 (indices 1–2), then Fri 7 and Mon 10 (indices 4–5, across the weekend).
        HashSet<DateOnly> missed = [new(2025, 3, 4), new(2025, 3, 5), new(2025, 3, 7), new(2025, 3, 10)];
        Assert.Equal([(1, 2), (4, 5)], MissedRuns.Of(Days, missed.Contains));
    }

    [Fact]
    public void EveryDayMissed_IsOneRunOfAllTheDays()
    {
        Assert.Equal([(0, 5)], MissedRuns.Of(Days, _ => true));
    }

    [Fact]
    public void NoDayMissed_OrNoDays_IsNoRun()
    {
        Assert.Empty(MissedRuns.Of(Days, _ => false));
        Assert.Empty(MissedRuns.Of([], _ => true));
    }

    [Fact]
    public void AMissedDayNotScheduled_IsNotPartOfAnyRun()
    {
        // Sat 8 March is missed but not one of the days: Fri 7 and Mon 10 are still one run, Thu 6 is attended.
        HashSet<DateOnly> missed = [new(2025, 3, 7), new(2025, 3, 8), new(2025, 3, 10)];
        Assert.Equal([(4, 5)], MissedRuns.Of(Days, missed.Contains));
    }
}
