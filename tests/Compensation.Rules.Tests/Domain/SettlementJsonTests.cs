using System.Text.Json;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Scenarios;

namespace Compensation.Rules.Tests.Domain;

public class SettlementJsonTests
{
    [Fact]
    public void ASavedSettlement_ReadsBackToTheSameBytes()
    {
        var result = Samples.Settle("p3-001-per-lesson");
        var json = SettlementJson.Serialize(result);
        var back = JsonSerializer.Deserialize<SettlementResult>(json, SettlementJson.Options)!;
        Assert.Equal(json, SettlementJson.Serialize(back));
        Assert.Equal(result.Ledger.TotalIncome, back.Ledger.TotalIncome);
    }
}
