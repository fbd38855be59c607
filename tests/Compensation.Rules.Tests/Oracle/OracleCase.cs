using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>
/// One stored item of the oracle: a plan and its facts, by name (<c>samples/NAME</c>, <c>scenarios/NAME</c>,
/// <c>generated/NAME</c>), and how its forms are stored.
/// </summary>
public sealed record OracleCase(string Name, Func<(SchoolPolicy Policy, TermFacts Facts)> Inputs, OracleTerm? Term)
{
    /// <summary>Only the SHA-256 of the canonical form is stored (the largest generated terms).</summary>
    public bool CanonicalAsHash => Term?.Store == OracleTerm.Sha256;

    /// <summary>Only the SHA-256 of the explanation form is stored (every generated term).</summary>
    public bool ExplanationsAsHash => Term is not null;

    public string CanonicalFile => Name + (CanonicalAsHash ? ".canonical.json.sha256" : ".canonical.json.gz");

    public string ExplanationsFile => Name + (ExplanationsAsHash ? ".explanations.json.sha256" : ".explanations.json.gz");

    /// <summary>For a generated term: the SHA-256 of its policy and facts, so a change of the generator shows as such.</summary>
    public string? InputFile => Term is null ? null : Name + ".input.json.sha256";

    public IEnumerable<string> Files => new[] { CanonicalFile, ExplanationsFile, InputFile }.OfType<string>();

    public SettlementResult Settle()
    {
        var (policy, facts) = Inputs();
        return Settler.Settle(policy, facts);
    }
}
