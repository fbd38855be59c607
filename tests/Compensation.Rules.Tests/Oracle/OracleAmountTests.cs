using Compensation.Testing;
using Stored = Compensation.Testing.Oracle;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>
/// Today's amounts of every oracle item against the canonical form stored in tests/oracle (see its README.md):
/// families, staff lines with their line and fact ids, ledger and findings, without the explanations. A mismatch
/// shows the first differing lines. COMPENSATION_UPDATE_ORACLE=1 rewrites the stored files on purpose.
/// </summary>
public sealed class OracleAmountTests
{
    public static TheoryData<string> Items() => OracleCases.Names();

    [Theory]
    [MemberData(nameof(Items))]
    public void Amounts_AreAsStored(string item)
    {
        var c = OracleCases.Get(item);
        var (policy, facts) = c.Inputs();
        if (c.InputFile is { } inputFile)
        {
            var input = Stored.CheckSha256(inputFile, Stored.InputJson(policy, facts));
            if (input is not null && !Stored.Updating)
            {
                Assert.Fail("the generator no longer makes the term the oracle was stored for, so its amounts cannot be "
                            + "compared: " + input);
            }
        }

        var canonical = Stored.Canonical(Settlement.Settler.Settle(policy, facts));
        var failure = c.CanonicalAsHash ? Stored.CheckSha256(c.CanonicalFile, canonical) : Stored.CheckGzip(c.CanonicalFile, canonical);
        Assert.True(failure is null, failure);
    }
}
