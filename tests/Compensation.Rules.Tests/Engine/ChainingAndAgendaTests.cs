using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

internal sealed record Coupon(string OrderId, decimal Value) : DerivedFact;

internal sealed record Notice(string OrderId, string Text) : DerivedFact;

internal sealed record OrderCount(int Count) : DerivedFact;

[Rule("chain.a-discount")]
[Title("折扣", "Discount")]
[Clause("Chain §1")]
internal sealed class ChainDiscountRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>(o => o.Amount >= 100m)
        .Then((ctx, o) => ctx.Insert(new Discount(o.Id, o.Amount / 10m), o.Id, [o], Say("a tenth off")));
}

[Rule("chain.b-coupon")]
[Title("优惠券", "Coupon")]
[Clause("Chain §2")]
internal sealed class ChainCouponRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Coupon>()
        .Match<Discount>(d => d.Amount >= 20m)
        .Then((ctx, d) => ctx.Insert(new Coupon(d.OrderId, d.Amount / 2m), d.OrderId, [d], Say("half the discount")));
}

[Rule("chain.c-notice")]
[Title("通知", "Notice")]
[Clause("Chain §3")]
internal sealed class ChainNoticeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Notice>()
        .Match<Coupon>()
        .Join<Order, string>(c => c.OrderId, o => o.Id)
        .Then((ctx, c, o) => ctx.Insert(new Notice(o.Id, $"{o.Customer} gets {c.Value}"), o.Id, [c, o], Say("notice")));
}

/// <summary>Records "label:fact-id" every time it fires on an order.</summary>
internal abstract class OrderRecorder(List<string> log, string label) : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>().Then((_, o) => log.Add($"{label}:{o.Id}"));
}

[Rule("agenda.b", Priority = 10)]
[Title("高", "High")]
[Clause("Agenda §1")]
internal sealed class HighRecorder(List<string> log) : OrderRecorder(log, "b/10");

[Rule("agenda.a")]
[Title("甲", "A")]
[Clause("Agenda §2")]
internal sealed class PlainARecorder(List<string> log) : OrderRecorder(log, "a/0");

[Rule("agenda.c")]
[Title("丙", "C")]
[Clause("Agenda §3")]
internal sealed class PlainCRecorder(List<string> log) : OrderRecorder(log, "c/0");

[Rule("agenda.d", Priority = -5)]
[Title("低", "Low")]
[Clause("Agenda §4")]
internal sealed class LowRecorder(List<string> log) : OrderRecorder(log, "d/-5");

[Rule("agenda.B")]
[Title("大写", "Upper case")]
[Clause("Agenda §5")]
internal sealed class UpperCaseRecorder(List<string> log) : OrderRecorder(log, "B/0");

[Rule("agenda.pair")]
[Title("对", "Pair")]
[Clause("Agenda §6")]
internal sealed class PairRecorder(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Join<Payment, string>(o => o.Id, p => p.OrderId)
        .Then((_, o, p) => log.Add($"{o.Id}+{p.Id}"));
}

[Rule("dyn.mid", Priority = 5)]
[Title("中", "Mid")]
[Clause("Dyn §1")]
internal sealed class MidDiscountRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) =>
        {
            log.Add("mid:" + o.Id);
            ctx.Insert(new Discount(o.Id, 1m), o.Id, [o], Say("discount"));
        });
}

[Rule("dyn.high", Priority = 10)]
[Title("高", "High")]
[Clause("Dyn §2")]
internal sealed class HighOnDiscountRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Discount>().Then((_, d) => log.Add("high:" + d.Id));
}

[Rule("dyn.low")]
[Title("低", "Low")]
[Clause("Dyn §3")]
internal sealed class LowOnOrderRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>().Then((_, o) => log.Add("low:" + o.Id));
}

[Rule("strata.a-count", Priority = 1000)]
[Title("计数", "Count")]
[Clause("Strata §1")]
internal sealed class CountDiscountsRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<OrderCount>()
        .Aggregate<Discount>()
        .ThenAll((ctx, all) =>
        {
            log.Add("count:" + all.Count);
            ctx.Insert(new OrderCount(all.Count), "all", all, Say("count"));
        });
}

[Rule("strata.z-discount", Priority = -1000)]
[Title("折扣", "Discount")]
[Clause("Strata §2")]
internal sealed class LowPriorityDiscountRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) =>
        {
            log.Add("discount:" + o.Id);
            ctx.Insert(new Discount(o.Id, 1m), o.Id, [o], Say("discount"));
        });
}

public class ChainingAndAgendaTests
{
    [Fact]
    public void ForwardChaining_DerivedFactMatchesTheNextRule_AToBToC()
    {
        var session = Run(
            [new ChainNoticeRule { PolicyClause = "Plan §3" }, new ChainCouponRule(), new ChainDiscountRule()],
            [new Order("o1", "alice", 300m), new Order("o2", "bob", 150m), new Order("o3", "carol", 50m)]);

        // o1: discount 30 → coupon 15 → notice. o2: discount 15 → no coupon. o3: no discount.
        Assert.Equal(["chain.a-discount:o1", "chain.a-discount:o2"], session.All<Discount>().Select(d => d.Id));
        var coupon = Assert.Single(session.All<Coupon>());
        Assert.Equal("chain.b-coupon:o1", coupon.Id);
        Assert.Equal(15m, coupon.Value);
        Assert.Equal(["chain.a-discount:o1"], coupon.Provenance.SourceIds);

        var notice = Assert.Single(session.All<Notice>());
        Assert.Equal("chain.c-notice:o1", notice.Id);
        Assert.Equal("alice gets 15", notice.Text);
        Assert.Equal(["chain.b-coupon:o1", "o1"], notice.Provenance.SourceIds);
        Assert.Equal("Plan §3", notice.Provenance.Clause); // the policy's clause, not the rule's [Clause("Chain §3")]
        Assert.Equal("", coupon.Provenance.Clause); // no policy clause given: none cited
    }

    [Fact]
    public void ForwardChaining_PatternRulesChainWithinOneStratum()
    {
        var session = new Session(
            [new ChainNoticeRule().Compile(), new ChainCouponRule().Compile(), new ChainDiscountRule().Compile()]);

        Assert.All(session.Strata.Values, s => Assert.Equal(0, s));
    }

    [Fact]
    public void ForwardChaining_ChainFires_WhateverTheOrderOfTheRulesAndFacts()
    {
        var expected = Serialize(Run(
            [new ChainDiscountRule(), new ChainCouponRule(), new ChainNoticeRule()],
            [new Order("o1", "alice", 300m), new Order("o2", "bob", 500m)]));

        var actual = Serialize(Run(
            [new ChainNoticeRule(), new ChainDiscountRule(), new ChainCouponRule()],
            [new Order("o2", "bob", 500m), new Order("o1", "alice", 300m)]));

        Assert.Equal(expected, actual);
        Assert.Contains("chain.c-notice:o2", actual);
    }

    [Fact]
    public void Agenda_HigherPriorityFiresFirstWithinAStratum()
    {
        var log = new List<string>();
        Run([new LowRecorder(log), new PlainARecorder(log), new HighRecorder(log)], [new Order("o1", "alice", 1m)]);

        Assert.Equal(["b/10:o1", "a/0:o1", "d/-5:o1"], log);
    }

    [Fact]
    public void Agenda_EqualPriority_FiresInRuleIdOrder_ThenInFactIdOrder()
    {
        var log = new List<string>();
        Run(
            [new PlainCRecorder(log), new LowRecorder(log), new PlainARecorder(log), new HighRecorder(log)],
            [new Order("o2", "x", 1m), new Order("o10", "x", 1m), new Order("o1", "x", 1m)]);

        // Fact ids compare ordinally: "o1" < "o10" < "o2".
        Assert.Equal(
            [
                "b/10:o1", "b/10:o10", "b/10:o2",
                "a/0:o1", "a/0:o10", "a/0:o2",
                "c/0:o1", "c/0:o10", "c/0:o2",
                "d/-5:o1", "d/-5:o10", "d/-5:o2",
            ],
            log);
    }

    [Fact]
    public void Agenda_RuleIdsCompareOrdinally()
    {
        var log = new List<string>();
        Run([new PlainARecorder(log), new UpperCaseRecorder(log)], [new Order("o1", "x", 1m)]);

        // "agenda.B" < "agenda.a" ordinally (upper case first), whatever a culture-aware sort would say.
        Assert.Equal(["B/0:o1", "a/0:o1"], log);
    }

    [Fact]
    public void Agenda_TuplesOfOneRuleFireInTheOrderOfTheirFactIds_PatternByPattern()
    {
        var log = new List<string>();
        Run(
            [new PairRecorder(log)],
            [
                new Payment("p2", "o2", 1m), new Payment("p3", "o1", 1m), new Payment("p1", "o1", 1m),
                new Order("o2", "x", 1m), new Order("o1", "x", 1m),
            ]);

        Assert.Equal(["o1+p1", "o1+p3", "o2+p2"], log);
    }

    [Fact]
    public void Agenda_FiringOrderDoesNotDependOnTheOrderRulesAreGiven()
    {
        var first = new List<string>();
        Run([new HighRecorder(first), new PlainARecorder(first), new PlainCRecorder(first)], [new Order("o1", "x", 1m), new Order("o2", "x", 1m)]);
        var second = new List<string>();
        Run([new PlainCRecorder(second), new PlainARecorder(second), new HighRecorder(second)], [new Order("o2", "x", 1m), new Order("o1", "x", 1m)]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Agenda_ActivationOfAHigherPriorityRuleByADerivedFact_FiresBeforeTheRemainingLowerPriorityActivations()
    {
        var log = new List<string>();
        Run(
            [new LowOnOrderRule(log), new HighOnDiscountRule(log), new MidDiscountRule(log)],
            [new Order("o2", "x", 1m), new Order("o1", "x", 1m)]);

        Assert.Equal(["mid:o1", "high:dyn.mid:o1", "mid:o2", "high:dyn.mid:o2", "low:o1", "low:o2"], log);
    }

    [Fact]
    public void Agenda_PriorityNeverOverridesStrata()
    {
        var log = new List<string>();
        var session = Run(
            [new CountDiscountsRule(log), new LowPriorityDiscountRule(log)],
            [new Order("o1", "x", 1m), new Order("o2", "x", 1m), new Order("o3", "x", 1m)]);

        Assert.Equal(0, session.Strata["strata.z-discount"]);
        Assert.Equal(1, session.Strata["strata.a-count"]);
        Assert.Equal(["discount:o1", "discount:o2", "discount:o3", "count:3"], log);
        Assert.Equal(3, Assert.Single(session.All<OrderCount>()).Count);
    }
}
