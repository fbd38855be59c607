using System.Text.Json;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using Compensation.Rules.Tests.Scenarios;

namespace Compensation.Rules.Tests.Domain;

public class SettlementJsonTests
{
    public static TheoryData<string> SampleNames =>
        ["free-000", "p3-001-per-lesson", "p4-001-flat-600", "s7-002-per-lesson-hour", "xinyi-004", "yongqiao-002-s1"];

    [Fact]
    public void ASavedSettlement_ReadsBackToTheSameBytes()
    {
        var result = Samples.Settle("p3-001-per-lesson");
        var json = SettlementJson.Serialize(result);
        var back = JsonSerializer.Deserialize<SettlementResult>(json, SettlementJson.Options)!;
        Assert.Equal(json, SettlementJson.Serialize(back));
        Assert.Equal(result.Ledger.TotalIncome, back.Ledger.TotalIncome);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void TheWrittenJson_IsWhatTheGeneralSerializerWrites(string sample) =>
        Assert.Equal(General(Samples.Settle(sample)), SettlementJson.Serialize(Samples.Settle(sample)));

    [Fact]
    public void TheWrittenJson_OfAGeneratedTerm_IsWhatTheGeneralSerializerWrites()
    {
        var (policy, facts) = TermGenerator.Generate(seed: 7, students: 400, staff: 30, serviceDays: 60);
        var result = Settler.Settle(policy, facts);
        Assert.InRange(result.Explanations.Count, 2 * SettlementJson.ParallelFrom, int.MaxValue); // written in parts
        Assert.Equal(General(result), SettlementJson.Serialize(result));
    }

    [Fact]
    public void Lines_EndWithLineFeed_WhateverTheMachine()
    {
        Assert.Equal("\n", SettlementJson.Options.NewLine); // not Environment.NewLine, which is "\r\n" on Windows
        var json = SettlementJson.Serialize(Samples.Settle("yongqiao-002-s1"));
        Assert.DoesNotContain('\r', json);
        Assert.Contains("\n  \"explanations\": {\n", json, StringComparison.Ordinal);
    }

    /// <summary>The settlement through System.Text.Json as a whole, its explanations sorted by id.</summary>
    private static string General(SettlementResult result) =>
        JsonSerializer.Serialize(
            result with { Explanations = new SortedDictionary<string, ExplanationEntry>(result.Explanations.ToDictionary(), StringComparer.Ordinal) },
            SettlementJson.Options);
}
