using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.Tests.Runs;

/// <summary>What a settlement relies on from the rules' run on NRules: provenance, a firing limit, order, identity.</summary>
public class RuleSessionTests
{
    private static readonly TermInfo Term = new("2025-spring", "test school", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7));

    [Fact]
    public void EveryDerivedFact_CitesItsRuleAndSourcesThatAreInTheRun_DownToTheInputFacts()
    {
        var (policy, facts) = TermGenerator.Generate(seed: 11, students: 60, staff: 8, serviceDays: 30);
        var run = Settler.Run(policy, facts);
        var rules = run.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var derived = run.All<DerivedFact>();
        Assert.NotEmpty(derived);
        foreach (var fact in derived)
        {
            var p = fact.Provenance;
            Assert.True(rules.TryGetValue(p.RuleId, out var rule), $"{fact.Id} cites rule {p.RuleId}, which did not run");
            Assert.Equal(rule.PolicyClause ?? "", p.Clause);
            Assert.StartsWith(p.RuleId + ":", fact.Id, StringComparison.Ordinal);
            foreach (var source in p.SourceIds)
            {
                Assert.True(run.ById.ContainsKey(source), $"{fact.Id} cites {source}, which is not in the run");
            }
        }

        // Every family's account reaches the student's enrolment through its sources.
        foreach (var account in run.All<Facts.Derived.FamilyAccount>())
        {
            Assert.Contains("enrolment:" + account.StudentId, InputsBehind(run, account));
        }
    }

    [Fact]
    public void ARuleThatFeedsItselfWithoutEnd_StopsTheRun_NamingTheRule()
    {
        var ex = Assert.Throws<RunawayRuleException>(() =>
            RuleSession.Run([new EndlessRule()], [new Counted(0)], options: new SessionOptions { MaxFiringsPerRule = 50 }));
        Assert.Equal("test.endless", ex.RuleId);
        Assert.Contains("test.endless", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAggregationThatFeedsItsOwnGroup_IsRejected_NamingTheRule()
    {
        var ex = Assert.Throws<RuleOrderException>(() => RuleSession.Run([new SelfFeedingTotalRule()], [new Counted(1), new Counted(2)]));
        Assert.Equal("test.self-feeding", ex.RuleId);
    }

    [Fact]
    public void TwoFactsWithEqualValuesButTheirOwnIds_AreTwoFacts()
    {
        // Records compare by value: the session tells facts apart by id, so two equal marks of two students both count.
        var run = RuleSession.Run([new TotalRule()], [new Counted(5, "a"), new Counted(5, "b")]);
        Assert.Equal(10, run.All<Total>().Single().Sum); // 5 + 5
    }

    [Fact]
    public void OnTheBigTerm_NoAggregatingRuleFiresMoreThanOncePerGroup()
    {
        var (policy, facts) = TermGenerator.Generate(seed: 20250901, students: 3000, staff: 150, serviceDays: 90);
        var run = Settler.Run(policy, facts);
        var families = facts.Enrolments.Count;
        var marked = facts.Attendance.Select(m => m.StudentId).Distinct().Count();
        Assert.Equal(families, run.Firings["fees.schedule"]);
        Assert.Equal(marked, run.Firings["fees.absences"]);
        Assert.Equal(families, run.Firings["fees.family-account"]);
        Assert.Equal(families, run.Firings["fees.cap"]);
        Assert.Equal(facts.Staff.Count, run.Firings["pay.staff-account"]);
        Assert.Equal(1, run.Firings["ledger.fund"]);
        foreach (var (rule, firings) in run.Firings)
        {
            Assert.True(firings <= families + facts.Lessons.Count + facts.Duties.Count + facts.Conduct.Count, $"{rule} fired {firings} times");
        }
    }

    private static HashSet<string> InputsBehind(RuleRun run, IFact fact)
    {
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<IFact>([fact]);
        while (todo.TryPop(out var f))
        {
            if (f is DerivedFact d)
            {
                foreach (var s in d.Provenance.SourceIds)
                {
                    todo.Push(run.ById[s]);
                }
            }
            else
            {
                inputs.Add(f.Id);
            }
        }

        return inputs;
    }

    public sealed record Counted(int N, string Tag = "") : IFact
    {
        public string Id => "counted:" + Tag + N;
    }

    public sealed record Total(int Sum) : DerivedFact;

    public sealed record Next(int N) : DerivedFact;

    [Name("test.total")]
    [Priority(Stage.Inputs)]
    [Title("合计", "Total")]
    [Clause("test")]
    public sealed class TotalRule : SettlementRule
    {
        public override void Define()
        {
            IEnumerable<Counted> all = null!;
            When().Query(() => all, q => q.Match<Counted>().Collect());
            Then().Do(ctx => Context(ctx).Insert(new Total(all.Sum(c => c.N)), "term", all.InIdOrder().Cast<IFact>(), new Bilingual("合计", "total")));
        }
    }

    [Name("test.endless")]
    [Priority(Stage.Inputs)]
    [Title("无尽", "Endless")]
    [Clause("test")]
    public sealed class EndlessRule : SettlementRule
    {
        public override void Define()
        {
            Counted c = null!;
            When().Match(() => c);
            Then().Do(ctx => ctx.Insert(new Counted(c.N + 1)));
        }
    }

    [Name("test.self-feeding")]
    [Priority(Stage.Inputs)]
    [Title("自馈", "Self-feeding")]
    [Clause("test")]
    public sealed class SelfFeedingTotalRule : SettlementRule
    {
        public override void Define()
        {
            IEnumerable<Counted> all = null!;
            When().Query(() => all, q => q.Match<Counted>().Collect());
            Then().Do(ctx => ctx.Insert(new Counted(all.Sum(c => c.N) + 100)));
        }
    }
}
