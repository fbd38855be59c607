using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Loading;

/// <summary>
/// The check that refuses a decided percentage outside its rule's range names where the value was read, in the
/// form it came in: a CSV's file, row and column, or facts.json's line and JSON path. The sample facts' incident
/// C2 was decided at 60 %; the plans here allow 70 %–100%.
/// </summary>
public class DecidedPercentCheckTests
{
    private static SchoolPolicy Plan(DecidedOutOfRange outOfRange) => new()
    {
        School = "S",
        Plan = "P",
        Deductions = new DeductionPolicy
        {
            OutOfRange = outOfRange,
            Rules = [new DeductionRulePolicy { Id = "incident", Kinds = ["incident"], Each = DeductionEach.Decided, Range = (70m, 100m) }],
        },
    };

    private static TermFacts FromCsv()
    {
        using var folder = new TempFolder();
        folder.WriteAll(SampleFacts.Csv());
        return FactsLoader.LoadFolder(folder.Path);
    }

    [Fact]
    public void FromCsv_TheErrorNamesConductCsvItsRowAndColumn()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Refuse), FromCsv())).Errors);
        // Named by the file's line, as every loading error is: 1 the header, 2–3 C1 (its quoted note spans two lines), 4 C2.
        Assert.Equal(("conduct.csv", 4, "decided_percent"), (error.File, error.Line, error.Field));
        Assert.Equal("event C2 (incident): the decided percentage 60% is outside the range 70%–100% of deduction rule 'incident'; the review group corrects it (deductions.out_of_range: clamp would apply the nearest bound)", error.Message);
    }

    [Fact]
    public void FromJson_TheErrorNamesFactsJsonTheKeysLineAndItsPath()
    {
        using var folder = new TempFolder();
        var path = folder.Write("facts.json", SampleFacts.Json);
        var line = SampleFacts.Json.Split('\n').ToList().FindIndex(l => l.Contains("\"decided_percent\": 60", StringComparison.Ordinal)) + 1;
        var error = Assert.Single(Assert.Throws<InputException>(() => DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Refuse), FactsLoader.LoadJson(path))).Errors);
        Assert.Equal(("facts.json", line, "$.conduct[1].decided_percent"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void AMissingPercentage_IsRefusedToo_AndClampLetsBothThrough()
    {
        var facts = FromCsv();
        var missing = facts with { Conduct = [.. facts.Conduct.Select(c => c.EventId == "C2" ? c with { DecidedPercent = null } : c)] };
        var error = Assert.Single(Assert.Throws<InputException>(() => DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Refuse), missing)).Errors);
        Assert.Equal(("conduct.csv", 4), (error.File, error.Line)); // C2's line, as above
        Assert.Contains("event C2 (incident) has no decided percentage", error.Message, StringComparison.Ordinal);
        Assert.Contains("70%–100%", error.Message, StringComparison.Ordinal);

        DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Clamp), facts);
        DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Clamp), missing);
    }

    [Fact]
    public void AValueWithinTheRange_IsAccepted() =>
        DecidedPercentCheck.Check(Plan(DecidedOutOfRange.Refuse) with { Deductions = Plan(DecidedOutOfRange.Refuse).Deductions with { Rules = [new DeductionRulePolicy { Id = "incident", Kinds = ["incident"], Each = DeductionEach.Decided, Range = (50m, 100m) }] } }, FromCsv());
}
