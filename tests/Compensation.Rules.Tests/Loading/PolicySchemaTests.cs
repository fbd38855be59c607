using System.Text.Json;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Rules.Tests.Loading;

public class PolicySchemaTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compensation.sln not found above " + AppContext.BaseDirectory);
    }

    private static JsonDocument Schema() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "schemas", "policy.schema.json")));

    [Fact]
    public void Schema_IsValidJson_ForDraft2020_12()
    {
        using var schema = Schema();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void EveryTopLevelKeyTheLoaderAccepts_IsInTheSchema_AndNoOther()
    {
        using var schema = Schema();
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(PolicyKeys.Root.Order(StringComparer.Ordinal), properties);
    }

    [Theory]
    [InlineData("fees", "Fees")]
    [InlineData("subsidy", "Subsidy")]
    [InlineData("waivers", "Waivers")]
    [InlineData("pay", "Pay")]
    [InlineData("stipends", "Stipends")]
    [InlineData("deductions", "Deductions")]
    [InlineData("awards", "Awards")]
    [InlineData("publication", "Publication")]
    [InlineData("refunds", "Refunds")]
    [InlineData("deductionRule", "DeductionRule")]
    [InlineData("rateBound", "RateBound")]
    [InlineData("feeCap", "FeeCap")]
    public void SectionKeys_MatchTheLoader(string definition, string keysField)
    {
        using var schema = Schema();
        var section = schema.RootElement.GetProperty("$defs").GetProperty(definition);
        var keys = (IReadOnlyList<string>)typeof(PolicyKeys).GetField(keysField)!.GetValue(null)!;
        Assert.False(section.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(keys.Order(StringComparer.Ordinal), section.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
