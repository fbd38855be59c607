using System.Collections.Concurrent;
using System.Reflection;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Compensation.Rules.RuleSets;

/// <summary>
/// Base of every settlement rule: an NRules rule with <see cref="NameAttribute"/> (its stable id),
/// <see cref="PriorityAttribute"/> (its <see cref="Stage"/>), <see cref="TitleAttribute"/> and <see cref="ClauseAttribute"/>,
/// whose <c>Define</c> states the condition (<c>When</c>) and the action (<c>Then</c>). Parameters come in through the
/// constructor from the policy; a rule never holds state between firings.
/// </summary>
public abstract class SettlementRule : Rule
{
    /// <summary>
    /// The clause the school's own policy file cites for this rule, if any. A rule cites nothing else: the
    /// <see cref="ClauseAttribute"/> names where the rule comes from for the docs and tests, often another school's plan.
    /// </summary>
    public string? PolicyClause { get; init; }

    /// <summary>
    /// Set when one rule class runs several times with different parameters (one per line of the plan's review
    /// rules, say): the rule's id becomes "name/instance".
    /// </summary>
    public string? Instance { get; init; }

    private static readonly ConcurrentDictionary<Type, RuleInfo> InfoOf = new();

    private ProvenanceOrigin? _origin;

    public RuleInfo Info => InfoOf.GetOrAdd(GetType(), RuleInfo.Read);

    /// <summary>The rule's id: its name, and its instance when the class runs more than once.</summary>
    public string Id => Instance is null ? Info.Name : Info.Name + "/" + Instance;

    /// <summary>The rule and the clause its facts cite: one per rule, shared by its facts.</summary>
    internal ProvenanceOrigin Origin => _origin ??= new ProvenanceOrigin(Id, PolicyClause ?? "");

    /// <summary>What the rule's action works with: inserting derived facts with their provenance.</summary>
    protected RuleContext Context(NRules.RuleModel.IContext ctx) => new(ctx, this);
}

/// <summary>A rule's name, stage, title and rule set, read once per class from its attributes.</summary>
public sealed record RuleInfo(string Name, int Stage, Bilingual Title, string RuleSet)
{
    public static RuleInfo Read(Type type)
    {
        var nrules = new NRules.Fluent.RuleMetadata(type);
        var name = type.IsDefined(typeof(NameAttribute), inherit: false) ? nrules.Name : throw new InvalidOperationException($"{type.Name} has no [Name] attribute");
        var stage = nrules.Priority ?? throw new InvalidOperationException($"{type.Name} has no [Priority] attribute (its stage)");
        var title = type.GetCustomAttribute<TitleAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Title] attribute");

        // A rule must name its origin with [Clause] (the docs and tests read it), but a settlement never cites it.
        return type.IsDefined(typeof(ClauseAttribute), inherit: false)
            ? new RuleInfo(name, stage, new Bilingual(title.Zh, title.En), name.Split('.')[0])
            : throw new InvalidOperationException($"{type.Name} has no [Clause] attribute");
    }
}

/// <summary>The rule's title in Chinese and English, as shown in explanations.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TitleAttribute(string zh, string en) : Attribute
{
    public string Zh { get; } = zh;
    public string En { get; } = en;
}

/// <summary>
/// The plan clause the rule comes from, e.g. "002 §1 一(一)", for the docs and tests. A settlement cites only the
/// clause the school's own policy gives (<see cref="SettlementRule.PolicyClause"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ClauseAttribute(string clause) : Attribute
{
    public string Clause { get; } = clause;
}

/// <summary>
/// Inserts a rule's derived facts: each gets the id "rule-id:key" and its provenance (the rule, the clause, the
/// facts it came from and the sentence). The facts wait in <see cref="DerivedFacts"/> and go into the session together
/// when their stage is over, so what groups or collects them is updated once per stage, not once per fact.
/// </summary>
public readonly struct RuleContext(NRules.RuleModel.IContext ctx, SettlementRule rule)
{
    private readonly DerivedFacts _derived = (DerivedFacts)ctx.Resolve(typeof(DerivedFacts));

    public void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Bilingual explanation) =>
        InsertCore(fact, key, sources.ToArray(), explanation);

    public void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Bilingual explanation) =>
        InsertCore(fact, key, sourceIds, explanation);

    /// <summary>
    /// As <see cref="Insert(DerivedFact,string,IEnumerable{IFact},Bilingual)"/>, with the sentence written only when
    /// someone reads the explanation. <paramref name="explain"/> must write the same words whenever it is called:
    /// capture values, not variables a loop goes on changing.
    /// </summary>
    public void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Func<Bilingual> explain) =>
        InsertCore(fact, key, sources.ToArray(), explain);

    public void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Func<Bilingual> explain) =>
        InsertCore(fact, key, sourceIds, explain);

    public void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Bilingual explanation) =>
        InsertCore(fact, key, sources.ToArray(), explanation);

    public void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Func<Bilingual> explain) =>
        InsertCore(fact, key, sources.ToArray(), explain);

    private void InsertCore(DerivedFact fact, string key, object sources, object explanation)
    {
        fact.Stamp(rule.Origin, key, sources, null, explanation);
        _derived.Add(fact);
    }
}

/// <summary>A rule fired again after the facts it matched changed: the rules' stages do not order producers before consumers.</summary>
public sealed class RuleOrderException(string ruleId) : RuleSetException(
    $"rule {ruleId} fired again after the facts it matched changed, and would derive its facts twice: a rule in the same or a later stage produces what it matches, or it feeds its own aggregation")
{
    public string RuleId { get; } = ruleId;
}

/// <summary>The rule set cannot settle: a rule fires without end or out of order. Names the rule.</summary>
public class RuleSetException(string message) : Exception(message);

/// <summary>
/// The facts the rules of one stage derived, inserted into the session together before a rule of a lower stage fires
/// (rules of one stage never read each other's facts; <see cref="Stage"/>).
/// </summary>
public sealed class DerivedFacts
{
    private readonly List<object> _facts = [];

    /// <summary>The stage of the rules that derived the waiting facts.</summary>
    public int Stage { get; private set; }

    public int Count => _facts.Count;

    internal void Add(DerivedFact fact) => _facts.Add(fact);

    /// <summary>Notes the stage of the rule about to fire: its facts wait with those of its stage.</summary>
    internal void Firing(int stage) => Stage = _facts.Count == 0 ? stage : Math.Min(Stage, stage);

    /// <summary>Takes the waiting facts out.</summary>
    internal object[] Take()
    {
        var facts = _facts.ToArray();
        _facts.Clear();
        return facts;
    }
}
