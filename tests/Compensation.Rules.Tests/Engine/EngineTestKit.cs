using System.Globalization;
using System.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;

namespace Compensation.Rules.Tests.Engine;

// Small facts shared by the engine tests. Input facts carry their own id; derived facts get theirs from the engine.
internal sealed record Order(string Id, string Customer, decimal Amount) : IFact;

internal sealed record Payment(string Id, string OrderId, decimal Amount) : IFact;

internal sealed record Shipment(string Id, string OrderId, string Carrier) : IFact;

internal sealed record Customer(string Id, string Name) : IFact;

internal sealed record Discount(string OrderId, decimal Amount) : DerivedFact;

/// <summary>What a one-rule run left behind: the session (for strata and firing counts) and the facts the rule inserted.</summary>
internal sealed record OneRuleRun(Session Session, string RuleId, IReadOnlyList<DerivedFact> Inserted)
{
    public int Firings => Session.Firings[RuleId];
}

internal static class EngineTestKit
{
    public static Bilingual Say(string en) => new("中:" + en, en);

    /// <summary>Compiles exactly one rule, inserts the facts, runs, and returns what the rule inserted.</summary>
    public static OneRuleRun RunOne(Rule rule, params IFact[] facts)
    {
        var definition = rule.Compile();
        var session = new Session([definition]);
        session.InsertAll(facts);
        session.Run();
        var inserted = session.All<DerivedFact>().Where(f => f.Provenance.RuleId == definition.Id).ToList();
        return new OneRuleRun(session, definition.Id, inserted);
    }

    /// <summary>Compiles the rules, inserts the facts in the order given, runs, and returns the session.</summary>
    public static Session Run(IEnumerable<Rule> rules, IEnumerable<IFact> facts, SessionOptions? options = null)
    {
        var session = new Session(rules.Select(r => r.Compile()), options);
        session.InsertAll(facts);
        session.Run();
        return session;
    }

    public static IReadOnlyList<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>Every derived fact of a session, one line each: id, type, values, provenance (rule, clause, sources, explanation).</summary>
    public static string Serialize(Session session)
    {
        var text = new StringBuilder();
        foreach (var fact in session.All<DerivedFact>())
        {
            var p = fact.Provenance;
            text.Append(fact.Id).Append(" | ")
                .Append(fact.GetType().Name).Append(" | ")
                .Append(Values(fact)).Append(" | ")
                .Append(p.RuleId).Append(" | ")
                .Append(p.Clause).Append(" | ")
                .Append(string.Join(",", p.SourceIds)).Append(" | ")
                .Append(p.Explanation.Zh).Append(" / ").Append(p.Explanation.En)
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The values of a derived record, without the engine's Id and Provenance (printed separately).</summary>
    private static string Values(DerivedFact fact)
    {
        var props = fact.GetType()
            .GetProperties()
            .Where(p => p.DeclaringType != typeof(DerivedFact) && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return string.Join(", ", props.Select(p => p.Name + "=" + Convert.ToString(p.GetValue(fact), CultureInfo.InvariantCulture)));
    }
}
