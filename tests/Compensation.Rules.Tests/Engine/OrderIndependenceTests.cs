using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

internal sealed record Settled(string OrderId, string PaymentId, string Customer, decimal Amount) : DerivedFact;

internal sealed record BigSettlement(string SettledId, decimal Amount) : DerivedFact;

internal sealed record CustomerSettled(string Customer, int Count, decimal Sum) : DerivedFact;

internal sealed record Statement(string Customer, string Name, decimal Sum) : DerivedFact;

internal sealed record Ranked(string Customer, int Rank, int Of) : DerivedFact;

internal sealed record SameDayPair(string First, string Second, decimal Combined) : DerivedFact;

/// <summary>A small rule set that uses every engine feature: joins, chaining, self-joins, aggregation and reads.</summary>
internal static class Shop
{
    public static Rule[] Rules(List<string> log) =>
    [
        new SettleRule(log), new BigSettlementRule(log), new CustomerSettledRule(log),
        new StatementRule(log), new RankRule(log), new PairRule(log),
    ];
}

[Rule("shop.settle")]
[Title("结算", "Settle")]
[Clause("Shop §1")]
internal sealed class SettleRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Settled>()
        .Match<Order>()
        .Join<Payment, string>(o => o.Id, p => p.OrderId)
        .Then((ctx, o, p) =>
        {
            log.Add($"settle {o.Id} {p.Id}");
            var amount = Math.Min(o.Amount, p.Amount);
            ctx.Insert(new Settled(o.Id, p.Id, o.Customer, amount), $"{o.Id}/{p.Id}", [o, p], Say($"min({o.Amount}, {p.Amount}) = {amount}"));
        });
}

[Rule("shop.big", Priority = 3)]
[Title("大额", "Big settlement")]
[Clause("Shop §2")]
internal sealed class BigSettlementRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<BigSettlement>()
        .Match<Settled>(s => s.Amount >= 50m)
        .Then((ctx, s) =>
        {
            log.Add($"big {s.Id}");
            ctx.Insert(new BigSettlement(s.Id, s.Amount), $"{s.OrderId}/{s.PaymentId}", [s], Say($"{s.Amount} ≥ 50"));
        });
}

[Rule("shop.customer")]
[Title("客户结算合计", "Customer settled total")]
[Clause("Shop §3")]
internal sealed class CustomerSettledRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<CustomerSettled>()
        .Aggregate<Settled>()
        .GroupBy(s => s.Customer)
        .Then((ctx, customer, items) =>
        {
            log.Add($"customer {customer} {items.Count}");
            var sum = items.Sum(i => i.Amount);
            ctx.Insert(new CustomerSettled(customer, items.Count, sum), customer, items, Say($"{items.Count} settlements, {sum}"));
        });
}

[Rule("shop.statement")]
[Title("对账单", "Statement")]
[Clause("Shop §4")]
internal sealed class StatementRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Statement>()
        .Match<Customer>()
        .Join<CustomerSettled, string>(c => c.Id, t => t.Customer)
        .Then((ctx, c, t) =>
        {
            log.Add($"statement {c.Id}");
            ctx.Insert(new Statement(c.Id, c.Name, t.Sum), c.Id, [c, t], Say($"{c.Name}: {t.Sum}"));
        });
}

[Rule("shop.rank")]
[Title("排名", "Rank")]
[Clause("Shop §5")]
internal sealed class RankRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Ranked>()
        .Reads<CustomerSettled>()
        .Match<Statement>()
        .Then((ctx, s) =>
        {
            log.Add($"rank {s.Customer}");
            var all = ctx.All<CustomerSettled>();
            var ordered = all.OrderByDescending(t => t.Sum).ThenBy(t => t.Customer, StringComparer.Ordinal).ToList();
            var rank = ordered.FindIndex(t => t.Customer == s.Customer) + 1;
            ctx.Insert(new Ranked(s.Customer, rank, all.Count), s.Customer, [s.Id, .. all.Select(t => t.Id)], Say($"rank {rank} of {all.Count}"));
        });
}

[Rule("shop.pair", Priority = -1)]
[Title("同客户大单对", "Pairs of large orders of one customer")]
[Clause("Shop §6")]
internal sealed class PairRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<SameDayPair>()
        .Match<Order>(o => o.Amount >= 80m)
        .Join<Order, string>(a => a.Customer, b => b.Customer, b => b.Amount >= 80m)
        .Then((ctx, a, b) =>
        {
            log.Add($"pair {a.Id} {b.Id}");
            if (string.CompareOrdinal(a.Id, b.Id) < 0)
            {
                ctx.Insert(new SameDayPair(a.Id, b.Id, a.Amount + b.Amount), $"{a.Id}+{b.Id}", [a, b], Say("two large orders"));
            }
        });
}

public class OrderIndependenceTests
{
    /// <summary>200 facts from a fixed seed: 12 customers, 110 orders, 78 payments (some for orders that do not exist).</summary>
    private static List<IFact> RandomFacts()
    {
        var random = new Random(20_240_901);
        var facts = new List<IFact>();
        for (var c = 0; c < 12; c++)
        {
            facts.Add(new Customer($"c{c:D2}", $"Customer {c}"));
        }

        // Customers c12…c14 order but are not in the customer list.
        for (var o = 0; o < 110; o++)
        {
            var amount = random.Next(1, 20_000) / 100m;
            facts.Add(new Order($"o{o:D3}", $"c{random.Next(15):D2}", amount));
        }

        for (var p = 0; p < 78; p++)
        {
            var amount = random.Next(1, 20_000) / 100m;
            facts.Add(new Payment($"p{p:D3}", $"o{random.Next(120):D3}", amount));
        }

        return facts;
    }

    private static (string Facts, string Firings, string Log) RunShop(IEnumerable<IFact> facts)
    {
        var log = new List<string>();
        var session = Run(Shop.Rules(log), facts);
        var firings = string.Join(",", session.Firings.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        return (Serialize(session), firings, string.Join("\n", log));
    }

    [Fact]
    public void SameFactsInFiveShuffledOrders_DeriveIdenticalFacts()
    {
        var facts = RandomFacts();
        Assert.Equal(200, facts.Count);
        var reference = RunShop(facts);

        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = Shuffled(facts, seed);
            Assert.NotEqual(facts.Select(f => f.Id), shuffled.Select(f => f.Id));

            var result = RunShop(shuffled);

            Assert.Equal(reference.Facts, result.Facts);
            Assert.Equal(reference.Firings, result.Firings);
        }
    }

    [Fact]
    public void SameFactsInFiveShuffledOrders_FireRulesInTheSameSequence()
    {
        var facts = RandomFacts();
        var reference = RunShop(facts);

        for (var seed = 11; seed <= 15; seed++)
        {
            Assert.Equal(reference.Log, RunShop(Shuffled(facts, seed)).Log);
        }
    }

    [Fact]
    public void OrderIndependenceScenario_ExercisesEveryKindOfRule()
    {
        // Guards the two tests above against passing vacuously.
        var log = new List<string>();
        var session = Run(Shop.Rules(log), RandomFacts());

        Assert.All(session.Firings, f => Assert.True(f.Value > 0, $"{f.Key} never fired"));
        Assert.NotEmpty(session.All<BigSettlement>());
        Assert.NotEmpty(session.All<SameDayPair>());
        Assert.Equal(session.All<Statement>().Count, session.All<Ranked>().Count);
        Assert.Equal(0, session.Strata["shop.settle"]);
        Assert.Equal(1, session.Strata["shop.customer"]);
        Assert.Equal(1, session.Strata["shop.statement"]);
        Assert.Equal(2, session.Strata["shop.rank"]);
        var settledCustomers = session.All<CustomerSettled>().Count;
        Assert.All(session.All<Ranked>(), r => Assert.InRange(r.Rank, 1, settledCustomers));
        Assert.Equal(session.All<Ranked>().Count, session.All<Ranked>().Select(r => r.Rank).Distinct().Count());
    }
}
