using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

[Rule("keys")]
[Title("按键派生", "Derived by key")]
[Clause("Keys §1")]
internal sealed class KeyedRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Discount(o.Id, o.Amount), o.Customer, [o], Say("keyed")));
}

/// <summary>A second fact with an id already in the session is refused, and facts are read in id order, whatever order the ids come in.</summary>
public sealed class FactIdTests
{
    [Theory]
    [MemberData(nameof(Orders))]
    public void DerivedIds_AreReadInIdOrder_AndARepeatedOneIsRefused(string order)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);

            // The rule's keys are the orders' customers: "a:0001", "b:0002"… (so ids "keys:a:0001"), an input fact in the
            // rule's space among them.
            var keys = Ids(order, random);
            var session = new Session([new KeyedRule().Compile()]);
            session.InsertAll(keys.Select((k, i) => new Order($"o{i:D4}", k, i)));
            session.Insert(new Customer("keys:zz", "input in the rule's space"));
            session.Run();
            Assert.Equal(keys.Select(k => "keys:" + k).Order(StringComparer.Ordinal), session.All<Discount>().Select(d => d.Id));
            Assert.All(session.All<Discount>(), d => Assert.Same(d, session.Find(d.Id)));

            var repeated = new Session([new KeyedRule().Compile()]);
            repeated.InsertAll(keys.Select((k, i) => new Order($"o{i:D4}", k, i)));
            repeated.Insert(new Order("o9999", keys[random.Next(keys.Count)], 0m));
            var ex = Assert.Throws<RuleEngineException>(repeated.Run);
            Assert.Equal("keys", ex.RuleId);

            var clash = new Session([new KeyedRule().Compile()]);
            clash.InsertAll(keys.Select((k, i) => new Order($"o{i:D4}", k, i)));
            clash.Insert(new Customer("keys:" + keys[random.Next(keys.Count)], "input with a derived fact's id"));
            Assert.Throws<RuleEngineException>(clash.Run);
        }
    }

    public static TheoryData<string> Orders => new() { "sorted", "reversed", "shuffled", "runs", "interleaved" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void RepeatedIds_AreRefused_InAnyOrder(string order)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var ids = Ids(order, random);
            var session = new Session([new DiscountRule(0m, 0m).Compile()]);
            var seen = new List<string>();
            foreach (var id in ids)
            {
                session.Insert(random.Next(3) == 0 ? new Customer(id, "c") : new Order(id, "c", 1m));
                seen.Add(id);

                // Now and then an id already inserted comes again: the first, the last, or one in between.
                if (random.Next(4) == 0)
                {
                    var again = seen[random.Next(3) switch { 0 => 0, 1 => seen.Count - 1, _ => random.Next(seen.Count) }];
                    var ex = Assert.Throws<RuleEngineException>(() => session.Insert(new Order(again, "again", 2m)));
                    Assert.Contains($"'{again}'", ex.Message);
                    Assert.Equal(seen.Count, session.FactCount);
                }
            }

            Assert.Equal(ids.Count, session.FactCount);
            Assert.Equal(ids.Order(StringComparer.Ordinal), session.All<IFact>().Select(f => f.Id));
            Assert.Equal(ids.Where(id => session.Find(id) is Order).Order(StringComparer.Ordinal), session.All<Order>().Select(f => f.Id));
        }
    }

    [Fact]
    public void IdsInTwoParts_CompareAsTheWholeIdsDoOrdinally()
    {
        var random = new Random(7);
        string[] alphabet = ["a", "b", "z", ":", "0", "9", "中", "\uD83D\uDE00", "\uFFFF", "\u0000"];
        string[] heads = ["pay.pool:", "pay.pool:L0", "fees.cap:", ""];
        string Make() => string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => alphabet[random.Next(alphabet.Length)]));
        (string Head, string Tail) Split()
        {
            // A rule's prefix and a key, or an id given whole (no tail), or an id cut anywhere.
            var whole = heads[random.Next(heads.Length)] + Make();
            return random.Next(3) switch
            {
                0 => (whole, ""),
                1 => Cut(whole, random.Next(whole.Length + 1)),
                _ => (heads[random.Next(heads.Length)], Make()),
            };
        }

        static (string Head, string Tail) Cut(string id, int at) => (id[..at], id[at..]);

        for (var i = 0; i < 20000; i++)
        {
            var a = Split();
            var b = random.Next(4) == 0 ? (Head: a.Head, Tail: new string(a.Tail)) : Split();
            Assert.Equal(
                Math.Sign(string.CompareOrdinal(a.Head + a.Tail, b.Head + b.Tail)),
                Math.Sign(Compensation.Rules.Engine.Runtime.Ids.Compare(a.Head, a.Tail, b.Head, b.Tail)));
        }
    }

    private static List<string> Ids(string order, Random random)
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"{(i % 3 == 0 ? "a" : "b")}:{i:D4}").Order(StringComparer.Ordinal).ToList();
        switch (order)
        {
            case "reversed":
                ids.Reverse();
                break;
            case "shuffled":
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
                break;
            case "runs":
                // Sorted stretches of random length, the stretches in random order.
                var runs = new List<List<string>>();
                for (var at = 0; at < ids.Count;)
                {
                    var n = Math.Min(ids.Count - at, 1 + random.Next(60));
                    runs.Add(ids.GetRange(at, n));
                    at += n;
                }

                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(runs));
                ids = [.. runs.SelectMany(r => r)];
                break;
            case "interleaved":
                // Every other id from the front, then the rest: two runs whose ranges overlap.
                ids = [.. ids.Where((_, i) => i % 2 == 0), .. ids.Where((_, i) => i % 2 == 1)];
                break;
        }

        return ids;
    }
}
