using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;
using Compensation.Testing;

namespace Compensation.Rules.Tests.Properties;

/// <summary>
/// The engine against <see cref="ReferenceSettlement"/> on generated terms under each reading of the deductions the
/// generator's plan does not use: the earlier escalation modes, a rule's own base, and clamped decided percentages.
/// </summary>
public sealed class DeductionReadingsReferenceTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var seed in new[] { 5, 89, 987, 6765, 31337, 424242 })
        {
            foreach (var variant in new[] { "replace", "add", "rule-base", "clamp" })
            {
                data.Add(seed, variant);
            }
        }

        return data;
    }

    private static (SchoolPolicy Policy, TermFacts Facts) Variant(int seed, string variant)
    {
        var (policy, facts) = TermSpec.FromSeed(seed).Generate();
        SchoolPolicy With(Func<DeductionRulePolicy, DeductionRulePolicy> change) =>
            policy with { Deductions = policy.Deductions with { Rules = [.. policy.Deductions.Rules.Select(change)] } };
        return variant switch
        {
            "replace" or "add" => (With(r => r.Escalation is { } e ? r with { Escalation = e with { Mode = variant == "add" ? EscalationMode.Add : EscalationMode.Replace } } : r), facts),
            "rule-base" => (WithPaidDutyLeaders(With(r => r.Id is "handover" or "incident" ? r with { Base = DeductionBase.LessonPayAndStipends } : r)), facts),
            _ => (policy with { Deductions = policy.Deductions with { OutOfRange = DecidedOutOfRange.Clamp } }, OutOfRange(facts)),
        };
    }

    /// <summary>The teacher leading the day is paid 15 a day, so a teacher's stipends make the wider base differ.</summary>
    private static SchoolPolicy WithPaidDutyLeaders(SchoolPolicy policy) =>
        policy with { Stipends = policy.Stipends with { PerDay = new Dictionary<string, decimal>(policy.Stipends.PerDay, StringComparer.Ordinal) { ["duty-leader"] = 15m } } };

    /// <summary>Every other decided event below its range (5 %), every incident without a percentage.</summary>
    private static TermFacts OutOfRange(TermFacts facts)
    {
        var n = 0;
        return facts with
        {
            Conduct = [.. facts.Conduct.Select(c => c.Kind switch
            {
                "incident" => c with { DecidedPercent = null },
                "perfunctory" or "complaint" when n++ % 2 == 0 => c with { DecidedPercent = 5m },
                _ => c,
            })],
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_agrees_with_the_reference_under_each_reading(int seed, string variant)
    {
        var (policy, facts) = Variant(seed, variant);
        var diffs = ReferenceSettlement.Differences(Settler.Settle(policy, facts), ReferenceSettlement.Settle(policy, facts));
        Assert.True(diffs.Count == 0, $"seed {seed}, {variant}: the engine and the reference differ:\n  " + string.Join("\n  ", diffs));
    }

    [Fact]
    public void The_rule_base_terms_deduct_more_than_under_the_plans_base()
    {
        static Money Deducted(SchoolPolicy p, TermFacts f) => Money.Sum(Settler.Settle(p, f).Staff.Select(s => s.Deductions));
        var wider = new[] { 5, 89, 987, 6765, 31337, 424242 }.Count(seed =>
        {
            var (policy, facts) = Variant(seed, "rule-base");
            var plain = policy with { Deductions = policy.Deductions with { Rules = [.. policy.Deductions.Rules.Select(r => r with { Base = null })] } };
            return Deducted(policy, facts) > Deducted(plain, facts);
        });
        Assert.True(wider > 0, "no seeded term has a handover or incident of a teacher with stipends");
    }

    [Fact]
    public void The_out_of_range_terms_are_refused_by_default_and_settled_under_clamp()
    {
        // The first of the seeds above whose term has a decided event moved below its range.
        var (clamped, facts) = new[] { 5, 89, 987, 6765, 31337, 424242 }.Select(seed => Variant(seed, "clamp"))
            .First(v => v.Facts.Conduct.Any(c => c.Kind is "perfunctory" or "complaint" && c.DecidedPercent == 5m));
        Assert.Contains(Settler.Settle(clamped, facts).Findings, f => f.Code == "deduction-out-of-range");
        var refusing = clamped with { Deductions = clamped.Deductions with { OutOfRange = DecidedOutOfRange.Refuse } };
        Assert.NotEmpty(Assert.Throws<InputException>(() => Settler.Settle(refusing, facts)).Errors);
    }
}
