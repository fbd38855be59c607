using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using static Compensation.Rules.Tests.Engine.EngineTestKit;

namespace Compensation.Rules.Tests.Engine;

[Rule("sale.discount", Priority = 7)]
[Title("大额订单折扣", "Large order discount")]
[Clause("Plan 1 §2")]
internal sealed class DiscountRule(decimal threshold, decimal rate) : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>(o => o.Amount >= threshold)
        .Then((ctx, o) => ctx.Insert(
            new Discount(o.Id, o.Amount * rate),
            o.Id,
            [o],
            new Bilingual($"{o.Amount} × {rate}（折扣）", $"{o.Amount} × {rate}")));
}

[Rule("sale.by-ids")]
[Title("按编号引用", "Cites ids")]
[Clause("Plan 1 §3")]
internal sealed class CitesIdsRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) => ctx.Insert(new Discount(o.Id, 1m), "k-" + o.Id, ["z-source", o.Id, "a-source"], Say("cites ids")));
}

[Rule("sale.reuse")]
[Title("重复插入", "Reuses a fact")]
[Clause("Plan 1 §4")]
internal sealed class ReusesFactRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Order>()
        .Then((ctx, o) =>
        {
            var d = new Discount(o.Id, 1m);
            ctx.Insert(d, "first", [o], Say("first"));
            ctx.Insert(d, "second", [o], Say("second"));
        });
}

[Title("无编号", "No id")]
[Clause("Plan 1 §5")]
internal sealed class NoRuleAttributeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>().Then((_, _) => { });
}

[Rule("sale.no-title")]
[Clause("Plan 1 §5")]
internal sealed class NoTitleAttributeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>().Then((_, _) => { });
}

[Rule("sale.no-clause")]
[Title("无条款", "No clause")]
internal sealed class NoClauseAttributeRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>().Then((_, _) => { });
}

[Rule("sale.no-action")]
[Title("无动作", "No action")]
[Clause("Plan 1 §6")]
internal sealed class NoActionRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule.Match<Order>();
}

[Rule("sale.bump")]
[Title("放大", "Bump small discounts")]
[Clause("Plan 1 §8")]
internal sealed class BumpSmallDiscountRule : Rule
{
    protected override void Define(RuleBuilder rule) => rule
        .Produces<Discount>()
        .Match<Discount>(d => d.Amount < 10m)
        .Then((ctx, d) => ctx.Insert(d with { Amount = d.Amount * 10m }, "bumped-" + d.OrderId, [d], Say("ten times")));
}

public class SingleRuleTests
{
    [Fact]
    public void OneRuleHarness_RuleFiresOnTheGivenFact_AndInsertsTheExpectedDerivedFact()
    {
        var run = RunOne(new DiscountRule(100m, 0.1m) { PolicyClause = "Plan 1 §2" }, new Order("o1", "alice", 200m));

        Assert.Equal(1, run.Firings);
        var discount = Assert.IsType<Discount>(Assert.Single(run.Inserted));
        Assert.Equal("o1", discount.OrderId);
        Assert.Equal(20.0m, discount.Amount);
        Assert.Equal("sale.discount:o1", discount.Id);
        Assert.Equal("sale.discount", discount.Provenance.RuleId);
        Assert.Equal("Plan 1 §2", discount.Provenance.Clause);
        Assert.Equal(["o1"], discount.Provenance.SourceIds);
        Assert.Equal(new Bilingual("200 × 0.1（折扣）", "200 × 0.1"), discount.Provenance.Explanation);
    }

    [Fact]
    public void OneRuleHarness_DerivedFactCanBeFoundByItsId()
    {
        var run = RunOne(new DiscountRule(100m, 0.1m), new Order("o1", "alice", 200m));

        Assert.Same(Assert.Single(run.Inserted), run.Session.Find("sale.discount:o1"));
        Assert.Equal(2, run.Session.FactCount);
    }

    [Fact]
    public void OneRuleHarness_FactRejectedByTheFilter_DoesNotFireTheRule()
    {
        var run = RunOne(new DiscountRule(100m, 0.1m), new Order("o1", "alice", 99.99m), new Order("o2", "bob", 100m));

        Assert.Equal(1, run.Firings);
        Assert.Equal(["sale.discount:o2"], run.Inserted.Select(f => f.Id));
    }

    [Fact]
    public void OneRuleHarness_NoMatchingFact_FiresNothingAndInsertsNothing()
    {
        var run = RunOne(new DiscountRule(100m, 0.1m), new Customer("c1", "Alice"));

        Assert.Equal(0, run.Firings);
        Assert.Empty(run.Inserted);
    }

    [Fact]
    public void InsertWithSourceIds_KeepsTheIdsExactlyAsGiven()
    {
        var run = RunOne(new CitesIdsRule(), new Order("o1", "alice", 5m));

        var fact = Assert.Single(run.Inserted);
        Assert.Equal("sale.by-ids:k-o1", fact.Id);
        Assert.Equal(["z-source", "o1", "a-source"], fact.Provenance.SourceIds);
    }

    [Fact]
    public void PolicyClause_OverridesTheClauseAttributeInProvenance()
    {
        var rule = new DiscountRule(0m, 0.5m) { PolicyClause = "School plan 2024 art. 9" };

        var run = RunOne(rule, new Order("o1", "alice", 10m));

        Assert.Equal("School plan 2024 art. 9", Assert.Single(run.Inserted).Provenance.Clause);
        Assert.Equal("School plan 2024 art. 9", rule.Compile().Clause);
    }

    [Fact]
    public void Compile_CarriesIdTitleRuleSetAndPriorityFromTheAttributes_AndCitesNoClauseThePolicyDoesNotGive()
    {
        var definition = new DiscountRule(0m, 0m).Compile();

        Assert.Equal("sale.discount", definition.Id);
        Assert.Equal(new Bilingual("大额订单折扣", "Large order discount"), definition.Title);
        Assert.Equal("sale", definition.RuleSet);
        // [Clause("Plan 1 §2")] is where the rule comes from, not a clause of the plan being settled.
        Assert.Equal("", definition.Clause);
        Assert.Equal(7, definition.Priority);
        Assert.Equal([typeof(Discount)], definition.Produces);
        Assert.Equal(typeof(Order), Assert.Single(definition.Patterns).FactType);
        Assert.Null(definition.Aggregate);
    }

    [Fact]
    public void Compile_WithoutRuleAttribute_FailsNamingTheClassAndTheAttribute()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NoRuleAttributeRule().Compile());
        Assert.Equal("NoRuleAttributeRule has no [Rule] attribute", ex.Message);
    }

    [Fact]
    public void Compile_WithoutTitleAttribute_FailsNamingTheClassAndTheAttribute()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NoTitleAttributeRule().Compile());
        Assert.Equal("NoTitleAttributeRule has no [Title] attribute", ex.Message);
    }

    [Fact]
    public void Compile_WithoutClauseAttribute_FailsNamingTheClassAndTheAttribute()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NoClauseAttributeRule().Compile());
        Assert.Equal("NoClauseAttributeRule has no [Clause] attribute", ex.Message);
    }

    [Fact]
    public void Compile_WithoutClauseAttribute_FailsEvenWhenAPolicyClauseIsGiven()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NoClauseAttributeRule { PolicyClause = "policy" }.Compile());
        Assert.Contains("[Clause]", ex.Message);
    }

    [Fact]
    public void Compile_WithoutThen_FailsNamingTheRule()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NoActionRule().Compile());
        Assert.Equal("rule sale.no-action has no action (Then)", ex.Message);
    }

    [Fact]
    public void RuleDefinition_WithNeitherPatternsNorAggregate_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RuleDefinition(
            "sale.empty", Say("empty"), "sale", "Plan 1 §7", 0, [], null, [], [], (_, _) => { }));
        Assert.Contains("sale.empty has no condition", ex.Message);
    }

    [Fact]
    public void DerivedFact_BeforeInsertion_HasAnEmptyIdAndNoProvenance()
    {
        var fact = new Discount("o1", 1m);

        Assert.Equal("", fact.Id);
        Assert.Throws<InvalidOperationException>(() => fact.Provenance);
    }

    [Fact]
    public void DerivedFact_BeforeInsertion_CanBePrinted()
    {
        // A record's ToString prints every public property; it should not throw for a fact that is not yet inserted
        // (xunit failure messages, debugger displays and logs all call it).
        var text = new Discount("o1", 1m).ToString();

        Assert.Contains("o1", text);
    }

    [Fact]
    public void InsertingTheSameDerivedFactInstanceTwice_IsRejected()
    {
        var session = new Session([new ReusesFactRule().Compile()]);
        session.Insert(new Order("o1", "alice", 1m));

        var ex = Assert.Throws<InvalidOperationException>(session.Run);
        Assert.Contains("sale.reuse:first", ex.Message);
    }

    [Fact]
    public void DerivedFact_CopiedWithWith_IsANewUninsertedFactThatARuleCanInsert()
    {
        // "before [insertion] both are empty": a `with` copy of an inserted fact is a new, uninserted fact.
        var session = Run([new DiscountRule(0m, 0.01m), new BumpSmallDiscountRule()], [new Order("o1", "alice", 100m)]);

        var bumped = Assert.IsType<Discount>(session.Find("sale.bump:bumped-o1"));
        Assert.Equal(10m, bumped.Amount);
        Assert.Equal("sale.bump", bumped.Provenance.RuleId);
        Assert.Equal(["sale.discount:o1"], bumped.Provenance.SourceIds);
    }

    [Fact]
    public void InputFactWithoutId_IsRejected()
    {
        var session = new Session([new DiscountRule(0m, 0m).Compile()]);

        var ex = Assert.Throws<RuleEngineException>(() => session.Insert(new Order("", "alice", 1m)));
        Assert.Contains("Order", ex.Message);
    }

    [Fact]
    public void Session_RunsOnce_AndAcceptsNoFactsAfterRunning()
    {
        var session = new Session([new DiscountRule(0m, 0m).Compile()]);
        session.Insert(new Order("o1", "alice", 1m));
        session.Run();

        Assert.Throws<InvalidOperationException>(session.Run);
        Assert.Throws<InvalidOperationException>(() => session.Insert(new Order("o2", "bob", 1m)));
    }
}
