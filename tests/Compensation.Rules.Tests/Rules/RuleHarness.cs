using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.RuleSets;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// Runs exactly one rule, on NRules as a settlement does, on given facts; derived facts a rule would normally see
/// are given pre-stamped, as if another rule had derived them.
/// </summary>
internal static class RuleHarness
{
    public static T Given<T>(T fact, string id) where T : DerivedFact
    {
        fact.Stamp(id, new Provenance("given", "", [], new Bilingual("", "")));
        return fact;
    }

    /// <summary>The facts the rule derived from <paramref name="facts"/>.</summary>
    public static IReadOnlyList<DerivedFact> Fire(SettlementRule rule, params IFact[] facts) => FireOn(null, rule, facts);

    /// <summary>As <see cref="Fire(SettlementRule, IFact[])"/>, for a rule that reads the school's calendar.</summary>
    public static IReadOnlyList<DerivedFact> FireOn(ServiceCalendar? calendar, SettlementRule rule, params IFact[] facts)
    {
        var run = RuleSession.Run([rule], facts, calendar);
        return run.All<DerivedFact>().Where(f => f.Provenance.RuleId == rule.Id).ToList();
    }

    public static IReadOnlyList<T> Fire<T>(SettlementRule rule, params IFact[] facts) where T : DerivedFact => Fire(rule, facts).OfType<T>().ToList();
}
