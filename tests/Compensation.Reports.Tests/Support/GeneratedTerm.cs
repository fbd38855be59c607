using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;

namespace Compensation.Reports.Tests.Support;

/// <summary>A realistic generated term of the 002 §1 plan with 300 families, settled once per run.</summary>
public static class GeneratedTerm
{
    private static readonly Lazy<(SchoolPolicy Policy, SettlementResult Settlement)> Value = new(() =>
    {
        var (policy, facts) = TermGenerator.Generate(seed: 20250317, students: 300, staff: 12, serviceDays: 60);
        return (policy, Settler.Settle(policy, facts));
    });

    public static SchoolPolicy Policy => Value.Value.Policy;

    public static SettlementResult Settlement => Value.Value.Settlement;
}
