using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using Compensation.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Compensation.Rules.Tests.Properties;

/// <summary>A small generated term: the seed, its sizes and the plan's variations.</summary>
public sealed record TermSpec(int Seed, int Students, int Staff, int Days, bool Withdrawal, SurplusMode Surplus)
{
    /// <summary>Sizes and variations drawn from the seed itself, so a seed alone names a term.</summary>
    public static TermSpec FromSeed(int seed)
    {
        var r = new Random(unchecked((seed * 7919) + 17));
        return new TermSpec(seed, r.Next(30, 121), r.Next(6, 16), r.Next(20, 61), r.Next(2) == 0, (SurplusMode)r.Next(3));
    }

    /// <summary>The family-side readings vary with the seed: a subsidy (so a surplus has a subsidy part), its split, the subsidy part and the share.</summary>
    public TermGeneratorOptions Options => new()
    {
        WithdrawalRefund = Withdrawal,
        Surplus = Surplus,
        PerStudentSubsidy = Seed % 3 == 0 ? 0m : 60m,
        SubsidyProRataJoin = Seed % 2 == 0,
        AbsenceRefundPercent = Seed % 4 == 0 ? 50m : 100m,
        SurplusSplit = (SurplusSplit)(Seed / 3 % 2),
        // refund-to-families (the former reading) can give a family back more than it paid once there is a subsidy
        // (the defect 001 篇四 結余清退 rules out), so it is generated only for terms without one.
        SubsidyPart = (SubsidyPart)(Seed / 5 % 3) is var part && part == SubsidyPart.RefundToFamilies && Seed % 3 != 0 ? SubsidyPart.Keep : (SubsidyPart)(Seed / 5 % 3),
        SurplusShare = (SurplusShare)(Seed % 7 % 3),
    };

    public (SchoolPolicy Policy, TermFacts Facts) Generate() => TermGenerator.Generate(Seed, Students, Staff, Days, Options);

    public override string ToString() =>
        $"seed {Seed}: {Students} students, {Staff} staff, {Days} service days, withdrawal refund {(Withdrawal ? "on" : "off")}, surplus {Surplus}";
}

/// <summary>FsCheck arbitrary for <see cref="TermSpec"/>: 30–120 students, 6–15 staff, 20–60 service days; shrinks the sizes.</summary>
public static class TermSpecs
{
    public static Arbitrary<TermSpec> Spec()
    {
        var gen =
            from seed in Gen.Choose(0, 1_000_000)
            from students in Gen.Choose(30, 120)
            from staff in Gen.Choose(6, 15)
            from days in Gen.Choose(20, 60)
            from withdrawal in Gen.Elements(true, false)
            from surplus in Gen.Elements(SurplusMode.Keep, SurplusMode.Refund, SurplusMode.CarryForward)
            select new TermSpec(seed, students, staff, days, withdrawal, surplus);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<TermSpec> Shrink(TermSpec s)
    {
        if (s.Students > 30)
        {
            yield return s with { Students = Math.Max(30, s.Students / 2) };
        }

        if (s.Days > 20)
        {
            yield return s with { Days = Math.Max(20, s.Days / 2) };
        }

        if (s.Staff > 6)
        {
            yield return s with { Staff = s.Staff - 1 };
        }

        if (s.Withdrawal)
        {
            yield return s with { Withdrawal = false };
        }

        if (s.Surplus != SurplusMode.Keep)
        {
            yield return s with { Surplus = SurplusMode.Keep };
        }
    }
}

/// <summary>
/// The engine's settlement against <see cref="ReferenceSettlement"/>, an independent plain computation
/// of docs/settlement-arithmetic.md: every family line, every staff line (each month and the term) and
/// the ledger must agree to the fen.
/// </summary>
public sealed class ReferenceComparisonTests
{
    private static readonly int[] SeedList = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946, 20240902, 20250301, 31337, 424242];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in SeedList)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Engine_agrees_with_the_reference_to_the_fen(int seed) => AssertAgree(TermSpec.FromSeed(seed));

    [Property(MaxTest = 20, Arbitrary = [typeof(TermSpecs)])]
    public void Engine_agrees_with_the_reference_on_random_terms(TermSpec spec) => AssertAgree(spec);

    /// <summary>The seeds above are only worth something if the terms they make reach every path of the arithmetic.</summary>
    [Fact]
    public void The_seeded_terms_exercise_every_path()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string what, int n) => seen[what] = seen.GetValueOrDefault(what) + n;
        foreach (var seed in SeedList)
        {
            var spec = TermSpec.FromSeed(seed);
            var (policy, facts) = spec.Generate();
            var r = ReferenceSettlement.Settle(policy, facts);
            Count("late joiner (D < F)", r.Families.Count(f => f.ServiceDays < f.FullTermDays));
            Count("days-per-week pro rata", facts.Enrolments.Count(e => e.Weekdays.Count < 5));
            Count("absence refund", r.Families.Count(f => f.AbsenceRuns > 0));
            Count("two absence runs", r.Families.Count(f => f.AbsenceRuns > 1));
            Count("withdrawal refund", r.Families.Count(f => !f.WithdrawalRefund.IsZero));
            Count("full waiver", r.Families.Count(f => !f.Charged.IsZero && f.Payable.IsZero));
            Count("partial waiver", r.Families.Count(f => !f.Waived.IsZero && !f.Payable.IsZero));
            Count("surplus refund", r.Families.Count(f => !f.SurplusRefund.IsZero));
            Count("carried forward", r.Ledger.CarriedForward.IsZero ? 0 : 1);
            Count("family owes", r.Families.Count(f => f.Balance.Yuan > 0m));
            Count("family paid back", r.Families.Count(f => f.Balance.Yuan < 0m));
            Count("deduction month", r.Staff.Sum(s => s.Months.Count(m => !m.DeductionTotal.IsZero)));
            Count("deduction capped at the base", r.Staff.Sum(s => s.Months.Count(m => m.DeductionsRaw > m.DeductionTotal)));
            Count("escalation", EscalatingMonths(facts));
            Count("guard stipend", r.Staff.Count(s => !s.Stipends.IsZero));
            var surplus = policy.Refunds.Surplus;
            var refunded = !r.Ledger.SurplusRefunded.IsZero;
            Count("subsidy part of the surplus kept", !r.Ledger.SubsidyPart.IsZero && r.Ledger.SubsidyReturned.IsZero ? 1 : 0);
            Count("subsidy part returned to the funder", r.Ledger.SubsidyReturned.IsZero ? 0 : 1);
            Count("subsidy-first split", surplus.Split == SurplusSplit.SubsidyFirst && !r.Ledger.BalanceBeforeSurplus.IsNegative ? 1 : 0);
            Count("surplus shared per student", refunded && surplus.Share == SurplusShare.PerStudent ? 1 : 0);
            Count("surplus shared by days served", refunded && surplus.Share == SurplusShare.DaysServed ? 1 : 0);
            Count("whole surplus refunded to families", refunded && surplus.SubsidyPart == SubsidyPart.RefundToFamilies ? 1 : 0);
            Count("absence refunded at part of the daily rate", policy.Refunds.Absence!.RefundPercent < 100m ? r.Families.Count(f => f.AbsenceRuns > 0) : 0);
            Count("late joiner's subsidy pro rata", policy.Subsidy.ProRataJoin ? r.Families.Count(f => f.ServiceDays < f.FullTermDays && !f.Subsidy.IsZero) : 0);
        }

        var missing = seen.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList();
        Assert.True(missing.Count == 0, "no seeded term reaches: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var spec = TermSpec.FromSeed(4181);
        var (p1, f1) = spec.Generate();
        var (p2, f2) = spec.Generate();
        Assert.Equal(SettlementJson.Serialize(Settler.Settle(p1, f1)), SettlementJson.Serialize(Settler.Settle(p2, f2)));
        Assert.Equal(f1.All().Select(f => f.Id), f2.All().Select(f => f.Id));
    }

    private static int EscalatingMonths(TermFacts facts)
    {
        string[] lateness = ["late", "early-leave", "swap"];
        return facts.Conduct.Where(e => lateness.Contains(e.Kind) || e.Kind == "handover")
            .GroupBy(e => (e.StaffId, e.Kind == "handover", e.Date.Year, e.Date.Month))
            .Count(g => g.Count() >= 3);
    }

    internal static void AssertAgree(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var engine = Settler.Settle(policy, facts);
        var reference = ReferenceSettlement.Settle(policy, facts);
        var diffs = ReferenceSettlement.Differences(engine, reference);
        Assert.True(diffs.Count == 0, $"{spec}: the engine and the reference differ:\n  " + string.Join("\n  ", diffs));
    }
}
