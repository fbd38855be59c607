using System.Globalization;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

internal interface ICounter : IFact
{
    int N { get; }
}

internal sealed record CounterSeed(string Id, int N) : ICounter;

internal sealed record Tick(int N) : DerivedFact, ICounter;

internal sealed record Pong(int N) : DerivedFact;

internal sealed record CycleT(int N) : DerivedFact;

internal sealed record CycleU(int N) : DerivedFact;

internal sealed record CycleV(int N) : DerivedFact;

[Rule("loop.runaway")]
[Title("失控", "Runaway")]
[Clause("Loop §1")]
internal sealed class CounterRule(int limit = int.MaxValue) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Tick>()
        .Match<ICounter>(c => c.N < limit)
        .Then((ctx, c) => ctx.Insert(new Tick(c.N + 1), (c.N + 1).ToString(CultureInfo.InvariantCulture), [c], Say("next tick")));
}

[Rule("loop.ping")]
[Title("乒", "Ping")]
[Clause("Loop §2")]
internal sealed class PingRule(int limit = int.MaxValue) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Pong>()
        .Match<ICounter>(c => c.N < limit)
        .Then((ctx, c) => ctx.Insert(new Pong(c.N), c.N.ToString(CultureInfo.InvariantCulture), [c], Say("pong")));
}

[Rule("loop.pong")]
[Title("乓", "Pong")]
[Clause("Loop §3")]
internal sealed class PongRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Tick>()
        .Match<Pong>()
        .Then((ctx, p) => ctx.Insert(new Tick(p.N + 1), p.N.ToString(CultureInfo.InvariantCulture), [p], Say("ping")));
}

[Rule("out.sneaky")]
[Title("未声明输出", "Undeclared output")]
[Clause("Out §1")]
internal sealed class UndeclaredOutputRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Coupon(o.Id, 1m), o.Id, [o], Say("coupon")));
}

[Rule("out.silent")]
[Title("无输出声明", "Declares no output")]
[Clause("Out §2")]
internal sealed class NoProducesRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Discount(o.Id, 1m), o.Id, [o], Say("discount")));
}

[Rule("out.expects")]
[Title("预告输出", "Expects output")]
[Clause("Out §3")]
internal sealed class ExpectingRule(bool declared, bool inserts = true) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        if (declared)
        {
            rule.Produces<Discount>();
        }

        rule.Match<Order>().Then((ctx, o) =>
        {
            ctx.Expect<Discount>(1000);
            if (inserts)
            {
                ctx.Insert(new Discount(o.Id, 1m), o.Id, [o], Say("discount"));
            }
        });
    }
}

[Rule("dup.const")]
[Title("固定键", "Constant key")]
[Clause("Dup §1")]
internal sealed class ConstantKeyRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Discount(o.Id, 1m), "same", [o], Say("same key every time")));
}

[Rule("cyc.self")]
[Title("自聚合", "Aggregates its own output")]
[Clause("Cycle §1")]
internal sealed class SelfAggregatingRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleT>()
        .Aggregate<CycleT>()
        .ThenAll((ctx, all) => ctx.Insert(new CycleT(all.Count), "n", all, Say("count")));
}

[Rule("cyc.agg-t")]
[Title("聚合T", "Aggregates T")]
[Clause("Cycle §2")]
internal sealed class AggregateTProduceURule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleU>()
        .Aggregate<CycleT>()
        .ThenAll((ctx, all) => ctx.Insert(new CycleU(all.Count), "n", all, Say("count")));
}

[Rule("cyc.agg-u")]
[Title("聚合U", "Aggregates U")]
[Clause("Cycle §3")]
internal sealed class AggregateUProduceTRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleT>()
        .Aggregate<CycleU>()
        .ThenAll((ctx, all) => ctx.Insert(new CycleT(all.Count), "n", all, Say("count")));
}

[Rule("cyc.match-u")]
[Title("匹配U", "Matches U")]
[Clause("Cycle §4")]
internal sealed class MatchUProduceTRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleT>()
        .Match<CycleU>()
        .Then((ctx, u) => ctx.Insert(new CycleT(u.N), "n", [u], Say("copy")));
}

[Rule("cyc.reads")]
[Title("读自身输出", "Reads its own output")]
[Clause("Cycle §5")]
internal sealed class ReadsOwnOutputRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleT>()
        .Reads<CycleT>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new CycleT(ctx.All<CycleT>().Count), o.Id, [o], Say("count")));
}

// A three-rule cycle T → (cyc3.a aggregates) → U → (cyc3.c matches) → V → (cyc3.b matches) → T.
// Rule ids put each consumer before the rule that feeds it.
[Rule("cyc3.a")]
[Title("三环聚合", "Three-cycle aggregate")]
[Clause("Cycle §6")]
internal sealed class ThreeCycleAggregateRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleU>()
        .Aggregate<CycleT>()
        .ThenAll((ctx, all) => ctx.Insert(new CycleU(all.Count), "n", all, Say("count")));
}

[Rule("cyc3.b")]
[Title("三环乙", "Three-cycle B")]
[Clause("Cycle §7")]
internal sealed class ThreeCycleBRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleT>()
        .Match<CycleV>()
        .Then((ctx, v) => ctx.Insert(new CycleT(v.N), "n", [v], Say("copy")));
}

[Rule("cyc3.c")]
[Title("三环丙", "Three-cycle C")]
[Clause("Cycle §8")]
internal sealed class ThreeCycleCRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CycleV>()
        .Match<CycleU>()
        .Then((ctx, u) => ctx.Insert(new CycleV(u.N), "n", [u], Say("copy")));
}

public class ErrorTests
{
    [Fact]
    public void Insert_TypeNotDeclaredWithProduces_ThrowsNamingTheRule()
    {
        var session = new Session([new UndeclaredOutputRule().Compile()]);
        session.Insert(new Order("o1", "x", 1m));

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("out.sneaky", ex.RuleId);
        Assert.Contains("rule out.sneaky", ex.Message);
        Assert.Contains("Coupon", ex.Message);
        Assert.Empty(session.All<Coupon>());
    }

    [Fact]
    public void Insert_ByARuleThatDeclaresNoOutputAtAll_ThrowsNamingTheRule()
    {
        var session = new Session([new NoProducesRule().Compile()]);
        session.Insert(new Order("o1", "x", 1m));

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("out.silent", ex.RuleId);
        Assert.Contains("Discount", ex.Message);
    }

    [Fact]
    public void Expect_MakesRoomOnly_AndOnlyForADeclaredType()
    {
        var session = new Session([new ExpectingRule(declared: true).Compile()]);
        session.InsertAll([new Order("o1", "x", 1m), new Order("o2", "x", 2m)]);
        session.Run();
        Assert.Equal(["out.expects:o1", "out.expects:o2"], session.All<Discount>().Select(d => d.Id));

        // Expect alone (no insert after it) is refused for a type the rule does not declare.
        var undeclared = new Session([new ExpectingRule(declared: false, inserts: false).Compile()]);
        undeclared.Insert(new Order("o1", "x", 1m));
        var ex = Assert.Throws<RuleEngineException>(undeclared.Run);
        Assert.Equal("out.expects", ex.RuleId);
        Assert.Contains("Discount", ex.Message);
    }

    [Fact]
    public void Insert_OfASubtypeOfTheDeclaredType_IsAccepted()
    {
        var run = RunOne(new FeeRule(), new Sale("s1", "x", 100m));

        Assert.IsType<Fee>(Assert.Single(run.Inserted));
    }

    [Fact]
    public void FiringLimit_RunawayRule_StopsWithRuleEngineExceptionNamingIt()
    {
        var session = new Session([new CounterRule().Compile()], new SessionOptions { MaxFiringsPerRule = 50 });
        session.Insert(new CounterSeed("seed", 0));

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("loop.runaway", ex.RuleId);
        Assert.Contains("loop.runaway", ex.Message);
        Assert.Contains("50", ex.Message);
        Assert.Equal(50, session.All<Tick>().Count);
    }

    [Fact]
    public void FiringLimit_RuleFiringExactlyTheLimit_ComesToRest()
    {
        var session = Run([new CounterRule(limit: 50)], [new CounterSeed("seed", 0)], new SessionOptions { MaxFiringsPerRule = 50 });

        Assert.Equal(50, session.Firings["loop.runaway"]);
        Assert.Equal(50, session.All<Tick>().Count);
        Assert.NotNull(session.Find("loop.runaway:50"));
    }

    [Fact]
    public void FiringLimit_TwoRulesFeedingEachOther_StopsNamingTheFirstToReachIt()
    {
        var session = new Session([new PongRule().Compile(), new PingRule().Compile()], new SessionOptions { MaxFiringsPerRule = 50 });
        session.Insert(new CounterSeed("seed", 0));

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("loop.ping", ex.RuleId);
        Assert.Equal(50, session.Firings["loop.pong"]);
    }

    [Fact]
    public void PatternRulesFeedingEachOther_AreAllowed_AndRunToRest()
    {
        var session = Run([new PongRule(), new PingRule(limit: 3)], [new CounterSeed("seed", 0)]);

        Assert.Equal(0, session.Strata["loop.ping"]);
        Assert.Equal(0, session.Strata["loop.pong"]);
        Assert.Equal(["loop.pong:0", "loop.pong:1", "loop.pong:2"], session.All<Tick>().Select(t => t.Id));
        Assert.Equal(3, session.Firings["loop.ping"]);
    }

    [Fact]
    public void Cycle_RuleAggregatingTheTypeItProduces_IsRejectedAtSessionConstruction()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session([new SelfAggregatingRule().Compile()]));

        Assert.Contains("cyc.self", ex.Message);
    }

    [Fact]
    public void Cycle_TwoRulesAggregatingEachOthersOutput_IsRejectedNamingBoth()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session(
            [new AggregateTProduceURule().Compile(), new AggregateUProduceTRule().Compile()]));

        Assert.Contains("cyc.agg-t", ex.Message);
        Assert.Contains("cyc.agg-u", ex.Message);
    }

    [Fact]
    public void Cycle_AggregateFedBackThroughAPatternRule_IsRejectedNamingTheAggregate()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session(
            [new MatchUProduceTRule().Compile(), new AggregateTProduceURule().Compile()]));

        Assert.Contains("cyc.agg-t", ex.Message);
    }

    [Fact]
    public void Cycle_RuleReadingTheTypeItProduces_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session([new ReadsOwnOutputRule().Compile()]));

        Assert.Contains("cyc.reads", ex.Message);
    }

    [Fact]
    public void Cycle_ThroughAnAggregateAndTwoPatternRules_IsRejectedNamingTheAggregate()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session(
            [new ThreeCycleAggregateRule().Compile(), new ThreeCycleBRule().Compile(), new ThreeCycleCRule().Compile()]));

        Assert.Contains("cyc3.a", ex.Message);
    }

    [Fact]
    public void DuplicateInputFactIds_AreRejected()
    {
        var session = new Session([new DiscountRule(0m, 0m).Compile()]);
        session.Insert(new Order("o1", "x", 1m));

        var ex = Assert.Throws<RuleEngineException>(() => session.Insert(new Order("o1", "y", 2m)));
        Assert.Contains("'o1'", ex.Message);
        Assert.Contains("the input", ex.Message);
        Assert.Null(ex.RuleId);
        Assert.Equal(1, session.FactCount);
    }

    [Fact]
    public void DuplicateInputFactIds_AreRejectedAcrossTypes()
    {
        var session = new Session([new DiscountRule(0m, 0m).Compile()]);

        var ex = Assert.Throws<RuleEngineException>(() => session.InsertAll([new Order("x1", "x", 1m), new Customer("x1", "X")]));
        Assert.Contains("'x1'", ex.Message);
    }

    [Fact]
    public void DuplicateDerivedIds_AreRejectedNamingTheRule()
    {
        var session = new Session([new ConstantKeyRule().Compile()]);
        session.InsertAll([new Order("o1", "x", 1m), new Order("o2", "x", 1m)]);

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("dup.const", ex.RuleId);
        Assert.Contains("rule dup.const", ex.Message);
        Assert.Contains("'dup.const:same'", ex.Message);
    }

    [Fact]
    public void DerivedIdEqualToAnInputFactId_IsRejected()
    {
        var session = new Session([new ConstantKeyRule().Compile()]);
        session.InsertAll([new Order("o1", "x", 1m), new Customer("dup.const:same", "Squatter")]);

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("dup.const", ex.RuleId);
        Assert.IsType<Customer>(session.Find("dup.const:same"));
    }

    [Fact]
    public void DuplicateRuleIds_AreRejectedAtSessionConstruction()
    {
        var ex = Assert.Throws<RuleEngineException>(() => new Session([new ConstantKeyRule().Compile(), new ConstantKeyRule().Compile()]));

        Assert.Equal("dup.const", ex.RuleId);
        Assert.Contains("dup.const", ex.Message);
    }
}
