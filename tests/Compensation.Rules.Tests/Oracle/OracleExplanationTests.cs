using Stored = Compensation.Testing.Oracle;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>
/// Today's explanations of every oracle item against the explanation form stored in tests/oracle, apart from the
/// amounts, so that a change of wording or of sources is told apart from a change of amounts.
/// </summary>
public sealed class OracleExplanationTests
{
    public static TheoryData<string> Items() => OracleCases.Names();

    [Theory]
    [MemberData(nameof(Items))]
    public void Explanations_AreAsStored(string item)
    {
        var c = OracleCases.Get(item);
        var explanations = Stored.Explanations(c.Settle());
        var failure = c.ExplanationsAsHash ? Stored.CheckSha256(c.ExplanationsFile, explanations) : Stored.CheckGzip(c.ExplanationsFile, explanations);
        Assert.True(failure is null, failure);
    }
}
