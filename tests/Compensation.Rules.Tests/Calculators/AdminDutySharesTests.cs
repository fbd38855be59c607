using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Tests.Calculators;

/// <summary>001 篇三 (一)2(2): 按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算.</summary>
public class AdminDutySharesTests
{
    [Fact]
    public void Total_ToTheFen_OrInWholeLessonsRoundedDown()
    {
        // 1 234.56 × 8% = 98.7648 → 98.76 to the fen; 98.7648 ÷ 7 = 14.109… → 14 lessons × 7 = 98.00
        Assert.Equal((98.7648m, 14m, Money.Of(98.76m)), AdminDutyShares.Total(Money.Of(1234.56m), 8m, 7m, wholeLessons: false));
        Assert.Equal((98.7648m, 14m, Money.Of(98m)), AdminDutyShares.Total(Money.Of(1234.56m), 8m, 7m, wholeLessons: true));
    }

    [Fact]
    public void ByDays_ToTheFen_TheFenToTheLargestRemainder()
    {
        // 1 000.00 × 8% = 80.00 over 2 and 1 days: 53.333… → 53.33, 26.666… → 26.66, 79.99; the fen to b (.666 > .333)
        Assert.Equal([Money.Of(53.33m), Money.Of(26.67m)], AdminDutyShares.ByDays(Money.Of(80m), 11m, 7m, false, [2, 1], ["a", "b"]));
    }

    [Fact]
    public void ByDays_InWholeLessons_SharesLessonsNotFen()
    {
        // 80.00 ÷ 7 → 11 lessons over 2 and 1 days: 7.333… → 7, 3.666… → 3, 10; the lesson left to b: a 7 × 7 = 49.00,
        // b 4 × 7 = 28.00 (77.00 in all, never a part of a lesson)
        Assert.Equal([Money.Of(49m), Money.Of(28m)], AdminDutyShares.ByDays(Money.Of(77m), 11m, 7m, true, [2, 1], ["a", "b"]));
    }

    [Fact]
    public void OverMonths_ByDays_TiesToTheEarlierMonth()
    {
        // 26.67 over 1 day each in March and April: 13.335 → 13.33 each, 26.66; the tied fen to March
        Assert.Equal([Money.Of(13.34m), Money.Of(13.33m)], AdminDutyShares.OverMonths(Money.Of(26.67m), 7m, false, [1, 1], ["2025-03", "2025-04"]));
        // 21.00 = 3 lessons of 7 over 1 day each: 1.5 → 1 each; the tied lesson to March: 14.00, 7.00
        Assert.Equal([Money.Of(14m), Money.Of(7m)], AdminDutyShares.OverMonths(Money.Of(21m), 7m, true, [1, 1], ["2025-03", "2025-04"]));
    }
}
