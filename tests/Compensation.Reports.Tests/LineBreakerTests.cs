using Compensation.Reports.Pdf.Layout;

namespace Compensation.Reports.Tests;

/// <summary>Line breaking with a measure of one unit per character, so the expected lines can be counted by hand.</summary>
public sealed class LineBreakerTests
{
    private static IReadOnlyList<string> Wrap(string text, double width) => LineBreaker.Wrap(text, width, s => s.Length);

    [Fact]
    public void Chinese_BreaksBetweenAnyTwoCharacters()
    {
        Assert.Equal(["课后服务经", "费收支情况", "公示"], Wrap("课后服务经费收支情况公示", 5));
    }

    [Fact]
    public void Latin_BreaksOnlyAtSpaces()
    {
        Assert.Equal(["the quick", "brown fox", "jumps"], Wrap("the quick brown fox jumps", 10));
    }

    [Fact]
    public void AnAmountIsNeverSplit_ButMayMoveToTheNextLineAfterChinese()
    {
        Assert.Equal(["课时费", "1,785.00元"], Wrap("课时费1,785.00元", 9));
    }

    [Fact]
    public void ALatinWord_MayBreakAfterASlash()
    {
        Assert.Equal(["共 late/", "early-leave/", "swap 次"], Wrap("共 late/early-leave/swap 次", 12));
    }

    [Fact]
    public void ClosingPunctuation_NeverStartsALine()
    {
        Assert.Equal(["一二三", "四，五六"], Wrap("一二三四，五六", 4));
    }

    [Fact]
    public void OpeningPunctuation_NeverEndsALine()
    {
        Assert.Equal(["一二三", "（四五）"], Wrap("一二三（四五）", 4));
    }

    [Fact]
    public void AWordWiderThanTheLine_IsCutByCharacter()
    {
        Assert.Equal(["abcd", "efgh", "ij"], Wrap("abcdefghij", 4));
    }

    [Fact]
    public void SpacesAtABreak_AreDropped_AndLineFeedsStartNewLines()
    {
        Assert.Equal(["ab", "cd", "", "ef"], Wrap("ab   cd\n\nef", 3));
    }

    [Fact]
    public void MixedChineseAndEnglish_BreaksAtSpacesAndBetweenChinese()
    {
        Assert.Equal(["按学期 flat", "fee 收费"], Wrap("按学期 flat fee 收费", 9));
    }

    [Fact]
    public void EmptyText_IsOneEmptyLine()
    {
        Assert.Equal([""], Wrap("", 5));
    }
}
