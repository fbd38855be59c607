using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts;
using Compensation.Rules.Engine.Runtime;

namespace Compensation.Rules.Tests.Rules;

/// <summary>Runs exactly one rule on given facts; derived facts a rule would normally see are given pre-stamped.</summary>
internal static class RuleHarness
{
    public static T Given<T>(T fact, string id) where T : DerivedFact
    {
        fact.Stamp(id, new Provenance("given", "", [], new Bilingual("", "")));
        return fact;
    }

    public static IReadOnlyList<DerivedFact> Fire(Rule rule, params IFact[] facts)
    {
        var definition = rule.Compile();
        var session = new Session([definition]);
        session.InsertAll(facts);
        session.Run();
        return session.All<DerivedFact>().Where(f => f.Provenance.RuleId == definition.Id).ToList();
    }

    public static IReadOnlyList<T> Fire<T>(Rule rule, params IFact[] facts) where T : DerivedFact => Fire(rule, facts).OfType<T>().ToList();
}
