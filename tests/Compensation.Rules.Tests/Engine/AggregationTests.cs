using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

internal interface IAmount : IFact
{
    string Customer { get; }

    decimal Amount { get; }
}

internal sealed record Sale(string Id, string Customer, decimal Amount) : IAmount;

internal sealed record Surcharge(string Customer, decimal Amount) : DerivedFact, IAmount;

internal abstract record Adjustment : DerivedFact;

internal sealed record Fee(string Customer, decimal Amount) : Adjustment, IAmount;

internal sealed record CustomerTotal(string Customer, int Count, decimal Sum) : DerivedFact;

internal sealed record GrandTotal(int Customers, decimal Sum) : DerivedFact;

internal sealed record SurchargeView(string SaleId, int SurchargesSeen, decimal SurchargeSum) : DerivedFact;

[Rule("agg.a-total", Priority = 100)]
[Title("客户合计", "Customer total")]
[Clause("Agg §1")]
internal sealed class CustomerTotalRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CustomerTotal>()
        .Aggregate<IAmount>()
        .GroupBy(a => a.Customer)
        .Then((ctx, customer, items) =>
        {
            log.Add(customer + "=" + string.Join(",", items.Select(i => i.Id)));
            ctx.Insert(new CustomerTotal(customer, items.Count, items.Sum(i => i.Amount)), customer, items, Say($"{items.Count} amounts"));
        });
}

[Rule("agg.z-surcharge", Priority = -100)]
[Title("附加费", "Surcharge")]
[Clause("Agg §2")]
internal sealed class SurchargeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Surcharge>()
        .Match<Sale>(s => s.Amount >= 100m)
        .Then((ctx, s) => ctx.Insert(new Surcharge(s.Customer, 5m), s.Id, [s], Say("surcharge on a large sale")));
}

[Rule("agg.z-fee", Priority = -100)]
[Title("手续费", "Fee")]
[Clause("Agg §3")]
internal sealed class FeeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Adjustment>()
        .Match<Sale>(s => s.Amount >= 100m)
        .Then((ctx, s) => ctx.Insert(new Fee(s.Customer, 7m), s.Id, [s], Say("fee on a large sale")));
}

[Rule("agg.b-grand")]
[Title("总计", "Grand total")]
[Clause("Agg §4")]
internal sealed class GrandTotalRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<GrandTotal>()
        .Aggregate<CustomerTotal>()
        .ThenAll((ctx, totals) => ctx.Insert(new GrandTotal(totals.Count, totals.Sum(t => t.Sum)), "all", totals, Say("sum of customer totals")));
}

[Rule("agg.big-sales")]
[Title("大额计数", "Large sales")]
[Clause("Agg §5")]
internal sealed class LargeSalesCountRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Aggregate<Sale>(s => s.Amount >= 100m)
        .GroupBy(s => s.Customer)
        .Then((_, customer, sales) => log.Add($"{customer}:{sales.Count}"));
}

[Rule("agg.reads-own")]
[Title("读聚合类型", "Reads its aggregated type")]
[Clause("Agg §6")]
internal sealed class AggregateReadsOwnTypeRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Aggregate<Sale>()
        .GroupBy(s => s.Customer)
        .Then((ctx, customer, sales) => log.Add($"{customer}:{sales.Count}/{ctx.All<Sale>().Count}"));
}

[Rule("reads.a-view", Priority = 50)]
[Title("查看附加费", "Sees surcharges")]
[Clause("Reads §1")]
internal sealed class SurchargeViewRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<SurchargeView>()
        .Reads<Surcharge>()
        .Match<Sale>()
        .Then((ctx, s) =>
        {
            var all = ctx.All<Surcharge>();
            log.Add(s.Id + ":" + string.Join(",", all.Select(x => x.Id)));
            ctx.Insert(new SurchargeView(s.Id, all.Count, all.Sum(x => x.Amount)), s.Id, [s.Id], Say("surcharges seen"));
        });
}

[Rule("reads.undeclared")]
[Title("未声明读取", "Undeclared read")]
[Clause("Reads §2")]
internal sealed class UndeclaredReadRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Reads<Surcharge>()
        .Match<Sale>()
        .Then((ctx, _) => ctx.All<Order>());
}

public class AggregationTests
{
    private static readonly IFact[] Sales =
    [
        new Sale("s1", "zed", 150m),
        new Sale("s2", "amy", 10m),
        new Sale("s3", "zed", 20m),
        new Sale("s4", "amy", 200m),
        new Sale("s5", "bob", 300m),
        new Sale("s6", "amy", 100m),
    ];

    [Fact]
    public void Aggregation_CountsAndSumsPerKey_IncludeFactsDerivedByRulesInAnEarlierStratum()
    {
        var log = new List<string>();
        var session = Run([new CustomerTotalRule(log), new SurchargeRule()], Sales);

        // The aggregate has the higher priority and the smaller id, yet runs after the surcharges exist.
        Assert.Equal(0, session.Strata["agg.z-surcharge"]);
        Assert.Equal(1, session.Strata["agg.a-total"]);

        var totals = session.All<CustomerTotal>().ToDictionary(t => t.Customer);
        Assert.Equal((5, 320m), (totals["amy"].Count, totals["amy"].Sum)); // 10 + 200 + 100 + surcharges on s4, s6
        Assert.Equal((2, 305m), (totals["bob"].Count, totals["bob"].Sum)); // 300 + surcharge on s5
        Assert.Equal((3, 175m), (totals["zed"].Count, totals["zed"].Sum)); // 150 + 20 + surcharge on s1
        Assert.Equal(
            ["agg.z-surcharge:s4", "agg.z-surcharge:s6", "s2", "s4", "s6"],
            totals["amy"].Provenance.SourceIds);
    }

    [Fact]
    public void Aggregation_GroupMembersArriveInIdOrder_AndGroupsFireInTheOrderOfTheirFirstMemberId()
    {
        var log = new List<string>();
        Run([new CustomerTotalRule(log)], Sales);

        // zed's first id is s1, amy's s2, bob's s5: groups fire in that order, not in key order.
        Assert.Equal(["zed=s1,s3", "amy=s2,s4,s6", "bob=s5"], log);
    }

    [Fact]
    public void Aggregation_GroupOrderIsDeterministic_WhateverTheInsertionOrder()
    {
        var first = new List<string>();
        Run([new CustomerTotalRule(first), new SurchargeRule()], Sales);

        for (var seed = 1; seed <= 5; seed++)
        {
            var log = new List<string>();
            Run([new SurchargeRule(), new CustomerTotalRule(log)], Shuffled(Sales, seed));

            Assert.Equal(first, log);
        }
    }

    [Fact]
    public void Aggregation_OfAggregates_RunsInSuccessiveStrata_AndSeesEveryTotal()
    {
        var session = Run([new GrandTotalRule(), new CustomerTotalRule([]), new SurchargeRule()], Sales);

        Assert.Equal(0, session.Strata["agg.z-surcharge"]);
        Assert.Equal(1, session.Strata["agg.a-total"]);
        Assert.Equal(2, session.Strata["agg.b-grand"]);
        var grand = Assert.Single(session.All<GrandTotal>());
        Assert.Equal(3, grand.Customers);
        Assert.Equal(800m, grand.Sum); // 780 of sales + 4 surcharges of 5
        Assert.Equal(["agg.a-total:amy", "agg.a-total:bob", "agg.a-total:zed"], grand.Provenance.SourceIds);
    }

    [Fact]
    public void Aggregation_Filter_LeavesOutFactsThatFailIt_AndGroupsWithNoMemberNeverFire()
    {
        var log = new List<string>();
        var session = Run([new LargeSalesCountRule(log)], [.. Sales, new Sale("s7", "eve", 1m)]);

        Assert.Equal(["zed:1", "amy:2", "bob:1"], log);
        Assert.Equal(3, session.Firings["agg.big-sales"]);
    }

    [Fact]
    public void Aggregation_WithNoFacts_NeverFires()
    {
        var log = new List<string>();
        var session = Run([new CustomerTotalRule(log)], [new Order("o1", "x", 1m)]);

        Assert.Empty(log);
        Assert.Equal(0, session.Firings["agg.a-total"]);
    }

    [Fact]
    public void Aggregation_MayReadItsAggregatedTypeWithoutDeclaringIt()
    {
        var log = new List<string>();
        Run([new AggregateReadsOwnTypeRule(log)], Sales);

        Assert.Equal(["zed:2/6", "amy:3/6", "bob:1/6"], log);
    }

    [Fact]
    public void Aggregation_OverAnInterface_SeesFactsOfARuleThatDeclaresTheirBaseType()
    {
        // FeeRule declares Produces<Adjustment>; the Fee it inserts is an Adjustment and an IAmount. The engine accepts
        // the insert, so the IAmount aggregation must wait for FeeRule and count the fees.
        var log = new List<string>();
        var session = Run([new CustomerTotalRule(log), new FeeRule()], Sales);

        var totals = session.All<CustomerTotal>().ToDictionary(t => t.Customer);
        Assert.Equal(4, session.All<Fee>().Count);
        Assert.Equal((5, 324m), (totals["amy"].Count, totals["amy"].Sum)); // 310 + two fees of 7
        Assert.True(
            session.Strata["agg.a-total"] > session.Strata["agg.z-fee"],
            $"aggregate stratum {session.Strata["agg.a-total"]} should follow the fee rule's {session.Strata["agg.z-fee"]}");
    }

    [Fact]
    public void Reads_ContextAllSeesTheFinalSetOfTheReadType()
    {
        var log = new List<string>();
        var session = Run([new SurchargeViewRule(log), new SurchargeRule()], Shuffled(Sales, 3));

        // The reader has the higher priority and the smaller id, yet runs after every surcharge exists.
        Assert.Equal(1, session.Strata["reads.a-view"]);
        Assert.Equal(0, session.Strata["agg.z-surcharge"]);
        const string all = "agg.z-surcharge:s1,agg.z-surcharge:s4,agg.z-surcharge:s5,agg.z-surcharge:s6";
        Assert.Equal(["s1:" + all, "s2:" + all, "s3:" + all, "s4:" + all, "s5:" + all, "s6:" + all], log);
        Assert.All(session.All<SurchargeView>(), v => Assert.Equal((4, 20m), (v.SurchargesSeen, v.SurchargeSum)));
    }

    [Fact]
    public void Reads_UndeclaredType_ThrowsRuleEngineExceptionNamingTheRuleAndTheType()
    {
        var session = new Session([new UndeclaredReadRule().Compile()]);
        session.Insert(new Sale("s1", "amy", 1m));

        var ex = Assert.Throws<RuleEngineException>(session.Run);
        Assert.Equal("reads.undeclared", ex.RuleId);
        Assert.Contains("reads.undeclared", ex.Message);
        Assert.Contains("Reads<Order>", ex.Message);
    }

    [Fact]
    public void SessionAll_ReturnsFactsOfTheTypeAndItsSubtypesInOrdinalIdOrder()
    {
        var session = Run([new SurchargeRule()], [new Sale("b", "x", 100m), new Sale("B", "x", 1m), new Sale("a", "x", 1m), new Order("o", "x", 1m)]);

        Assert.Equal(["B", "a", "b"], session.All<Sale>().Select(s => s.Id));
        Assert.Equal(["B", "a", "agg.z-surcharge:b", "b"], session.All<IAmount>().Select(s => s.Id));
        Assert.Equal(5, session.All<IFact>().Count);
    }
}
