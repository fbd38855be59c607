using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

internal sealed record PaidLine(string OrderId, string PaymentId, decimal Amount) : DerivedFact;

internal sealed record Membership(string Id, string Customer) : IFact;

internal sealed record Tag(string Customer, string OrderId) : DerivedFact;

[Rule("join.paid")]
[Title("已付订单", "Paid order")]
[Clause("Join §1")]
internal sealed class PaidOrderRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<PaidLine>()
        .Match<Order>()
        .Join<Payment, string>(o => o.Id, p => p.OrderId)
        .Then((ctx, o, p) =>
        {
            log.Add($"{o.Id}+{p.Id}");
            ctx.Insert(new PaidLine(o.Id, p.Id, p.Amount), $"{o.Id}/{p.Id}", [o, p], Say($"{o.Id} paid by {p.Id}"));
        });
}

[Rule("join.filtered")]
[Title("过滤连接", "Filtered join")]
[Clause("Join §2")]
internal sealed class FilteredJoinRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>(o => o.Customer != "mallory")
        .Join<Payment, string>(o => o.Id, p => p.OrderId, p => p.Amount >= 10m)
        .Then((_, o, p) => log.Add($"{o.Id}+{p.Id}"));
}

[Rule("join.shipped")]
[Title("已付已发", "Paid and shipped")]
[Clause("Join §3")]
internal sealed class PaidAndShippedRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Join<Payment, string>(o => o.Id, p => p.OrderId)
        .Join<Shipment, string>(o => o.Id, s => s.OrderId)
        .Then((_, o, p, s) => log.Add($"{o.Id}+{p.Id}+{s.Id}"));
}

[Rule("join.customer-paid")]
[Title("客户付款", "Customer paid")]
[Clause("Join §4")]
internal sealed class CustomerPaidRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Join<Customer, string>(o => o.Customer, c => c.Id)
        .Join<Payment, string>(o => o.Id, p => p.OrderId)
        .Then((_, o, c, p) => log.Add($"{o.Id}+{c.Id}+{p.Id}"));
}

[Rule("join.same-customer")]
[Title("同客户订单对", "Orders of one customer")]
[Clause("Join §5")]
internal sealed class SameCustomerPairRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Join<Order, string>(a => a.Customer, b => b.Customer)
        .Then((_, a, b) => log.Add($"{a.Id}+{b.Id}"));
}

[Rule("join.tag")]
[Title("标记", "Tag")]
[Clause("Join §6")]
internal sealed class TagRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Tag>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Tag(o.Customer, o.Id), o.Id, [o], Say("tag")));
}

[Rule("join.tag-pair")]
[Title("标记对", "Tag pair")]
[Clause("Join §7")]
internal sealed class TagPairRule(List<string> log) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Tag>()
        .Join<Tag, string>(a => a.Customer, b => b.Customer)
        .Then((_, a, b) => log.Add($"{a.OrderId}+{b.OrderId}"));
}

[Rule("join.member")]
[Title("会员订单", "Member order")]
[Clause("Join §8")]
internal sealed class MemberOrderRule(HashSet<string> pairs) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Match<Order>()
        .Join<Membership, string>(o => o.Customer, m => m.Customer)
        .Then((_, o, m) => pairs.Add(o.Id + "+" + m.Id));
}

public class JoinTests
{
    private static readonly IFact[] Orders =
    [
        new Order("o1", "alice", 10m),
        new Order("o2", "bob", 20m),
        new Order("o3", "carol", 30m),
        new Order("o4", "dave", 40m),
    ];

    private static readonly IFact[] Payments =
    [
        new Payment("p1", "o1", 5m),
        new Payment("p2", "o1", 5m),
        new Payment("p3", "o2", 20m),
        new Payment("p4", "o9", 99m),
        new Payment("p5", "o4", 40m),
    ];

    private static readonly IFact[] Shipments =
    [
        new Shipment("s1", "o1", "ups"),
        new Shipment("s2", "o1", "dhl"),
        new Shipment("s3", "o3", "ups"),
        new Shipment("s4", "o4", "ems"),
        new Shipment("s5", "o8", "ems"),
    ];

    private static readonly IFact[] Customers =
    [
        new Customer("alice", "Alice"),
        new Customer("bob", "Bob"),
        new Customer("dave", "Dave"),
        new Customer("erin", "Erin"),
    ];

    private static List<string> RunPaid(IEnumerable<IFact> facts)
    {
        var log = new List<string>();
        Run([new PaidOrderRule(log)], facts);
        return log;
    }

    [Fact]
    public void JoinOnKey_FiresOncePerMatchingPair()
    {
        var log = RunPaid([.. Orders, .. Payments]);

        Assert.Equal(["o1+p1", "o1+p2", "o2+p3", "o4+p5"], log);
    }

    [Fact]
    public void JoinOnKey_NeverFiresForNonMatchingKeys()
    {
        var log = RunPaid([.. Orders, .. Payments, new Payment("p6", "O1", 1m), new Payment("p7", "o1 ", 1m)]);

        Assert.DoesNotContain(log, l => l.StartsWith("o3+", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("p4", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("p6", StringComparison.Ordinal) || l.Contains("p7", StringComparison.Ordinal));
        Assert.Empty(RunPaid(Orders));
        Assert.Empty(RunPaid(Payments));
    }

    [Fact]
    public void JoinOnKey_DerivedFactCitesBothMatchedFactsInPatternOrder()
    {
        var session = Run([new PaidOrderRule([])], [.. Orders, .. Payments]);

        var line = Assert.IsType<PaidLine>(session.Find("join.paid:o1/p2"));
        Assert.Equal(["o1", "p2"], line.Provenance.SourceIds);
        Assert.Equal(4, session.All<PaidLine>().Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void JoinOnKey_FiresTheSamePairs_WhetherTheAnchorOrTheJoinedFactIsInsertedFirst(bool anchorsFirst)
    {
        IFact[] facts = anchorsFirst ? [.. Orders, .. Payments] : [.. Payments, .. Orders];

        var log = RunPaid(facts);

        Assert.Equal(["o1+p1", "o1+p2", "o2+p3", "o4+p5"], log);
    }

    [Fact]
    public void JoinOnKey_FiresTheSamePairs_WhenAnchorsAndJoinedFactsAreInterleaved()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var log = RunPaid(Shuffled([.. Orders, .. Payments], seed));

            Assert.Equal(["o1+p1", "o1+p2", "o2+p3", "o4+p5"], log);
        }
    }

    [Fact]
    public void JoinFilters_OnlyFactsPassingTheirPatternFilterTakePart()
    {
        var log = new List<string>();
        Run(
            [new FilteredJoinRule(log)],
            [
                new Order("o1", "alice", 1m),
                new Order("o2", "mallory", 1m),
                new Payment("p1", "o1", 9.99m),
                new Payment("p2", "o1", 10m),
                new Payment("p3", "o2", 50m),
            ]);

        Assert.Equal(["o1+p2"], log);
    }

    [Fact]
    public void ThreePatternJoin_FiresOncePerMatchingTriple()
    {
        var log = new List<string>();
        Run([new PaidAndShippedRule(log)], [.. Orders, .. Payments, .. Shipments]);

        // o1: 2 payments × 2 shipments; o2: no shipment; o3: no payment; o4: 1 × 1; p4 and s5 cite missing orders.
        Assert.Equal(["o1+p1+s1", "o1+p1+s2", "o1+p2+s1", "o1+p2+s2", "o4+p5+s4"], log);
    }

    [Fact]
    public void ThreePatternJoin_OnDifferentKeys_FiresOncePerMatchingTriple()
    {
        var log = new List<string>();
        Run([new CustomerPaidRule(log)], [.. Orders, .. Customers, .. Payments]);

        // carol (o3) is no customer; erin has no order; o4 (dave) has one payment.
        Assert.Equal(["o1+alice+p1", "o1+alice+p2", "o2+bob+p3", "o4+dave+p5"], log);
    }

    public static TheoryData<int[]> GroupOrders => new()
    {
        new[] { 0, 1, 2 },
        new[] { 0, 2, 1 },
        new[] { 1, 0, 2 },
        new[] { 1, 2, 0 },
        new[] { 2, 0, 1 },
        new[] { 2, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(GroupOrders))]
    public void ThreePatternJoin_FiresTheSameTriples_InEveryInsertionOrderOfTheThreeTypes(int[] order)
    {
        IFact[][] groups = [Orders, Payments, Shipments];
        var log = new List<string>();

        Run([new PaidAndShippedRule(log)], order.SelectMany(i => groups[i]));

        Assert.Equal(["o1+p1+s1", "o1+p1+s2", "o1+p2+s1", "o1+p2+s2", "o4+p5+s4"], log);
    }

    [Fact]
    public void ThreePatternJoin_FiresTheSameTriples_WhenTheThreeTypesAreInterleaved()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var log = new List<string>();
            Run([new PaidAndShippedRule(log)], Shuffled([.. Orders, .. Payments, .. Shipments], seed));

            Assert.Equal(["o1+p1+s1", "o1+p1+s2", "o1+p2+s1", "o1+p2+s2", "o4+p5+s4"], log);
        }
    }

    [Fact]
    public void Refraction_SameTypeInBothPatterns_EachTupleFiresExactlyOnce()
    {
        IFact[] facts =
        [
            new Order("a1", "alice", 1m),
            new Order("a2", "alice", 2m),
            new Order("a3", "alice", 3m),
            new Order("b1", "bob", 4m),
        ];

        for (var seed = 0; seed < 5; seed++)
        {
            var log = new List<string>();
            var session = Run([new SameCustomerPairRule(log)], seed == 0 ? facts : Shuffled(facts, seed));

            // Every ordered pair of one customer's orders (a fact pairs with itself too), each exactly once.
            Assert.Equal(
                ["a1+a1", "a1+a2", "a1+a3", "a2+a1", "a2+a2", "a2+a3", "a3+a1", "a3+a2", "a3+a3", "b1+b1"],
                log);
            Assert.Equal(10, session.Firings["join.same-customer"]);
        }
    }

    [Fact]
    public void Refraction_SameTypeInBothPatterns_FactsDerivedDuringTheRun_EachTupleFiresExactlyOnce()
    {
        var log = new List<string>();
        Run(
            [new TagRule(), new TagPairRule(log)],
            [new Order("a1", "alice", 1m), new Order("a2", "alice", 2m), new Order("b1", "bob", 3m)]);

        Assert.Equal(log.Distinct().Count(), log.Count);
        Assert.Equal(["a1+a1", "a1+a2", "a2+a1", "a2+a2", "b1+b1"], log.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void JoinOfTwentyThousandAnchorsWithTwentyThousandFacts_FiresExactlyOncePerMatchingPair()
    {
        const int n = 20_000;
        var facts = new List<IFact>(2 * n);
        for (var i = 0; i < n; i++)
        {
            // Anchors: two orders for each of customers c0…c9999. Joined: one membership for each of c0…c19999,
            // so half the memberships match two orders each and half match none: 20,000 pairs in all.
            facts.Add(new Order($"o{i:D5}", $"c{i % (n / 2)}", 1m));
            facts.Add(new Membership($"m{i:D5}", $"c{i}"));
        }

        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var session = Run([new MemberOrderRule(pairs)], facts);

        Assert.Equal(n, session.Firings["join.member"]);
        Assert.Equal(n, pairs.Count);
        Assert.Contains("o00000+m00000", pairs);
        Assert.Contains("o10000+m00000", pairs);
        Assert.Contains("o19999+m09999", pairs);
        Assert.DoesNotContain(pairs, p => string.CompareOrdinal(p[(p.IndexOf('+') + 2)..], "10000") >= 0);
    }
}
