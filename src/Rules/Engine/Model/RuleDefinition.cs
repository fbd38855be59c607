using Compensation.Rules.Domain;

namespace Compensation.Rules.Engine.Model;

/// <summary>The compiled form of a rule: metadata, condition and action. Built by the authoring layer, run by the runtime.</summary>
public sealed class RuleDefinition
{
    public RuleDefinition(
        string id,
        Bilingual title,
        string ruleSet,
        string clause,
        int priority,
        IReadOnlyList<PatternDefinition> patterns,
        AggregateDefinition? aggregate,
        IReadOnlyList<Type> reads,
        IReadOnlyList<Type> produces,
        Action<IRuleContext, IReadOnlyList<object>> action)
    {
        if (patterns.Count == 0 && aggregate is null)
        {
            throw new ArgumentException($"rule {id} has no condition", nameof(patterns));
        }

        if (patterns.Count > 0 && aggregate is not null)
        {
            throw new ArgumentException($"rule {id} mixes patterns and an aggregate", nameof(aggregate));
        }

        Id = id;
        Title = title;
        RuleSet = ruleSet;
        Clause = clause;
        Priority = priority;
        Patterns = patterns;
        Aggregate = aggregate;
        Reads = reads;
        Produces = produces;
        Action = action;
    }

    public string Id { get; }
    public Bilingual Title { get; }
    public string RuleSet { get; }
    public string Clause { get; }
    public int Priority { get; }
    public IReadOnlyList<PatternDefinition> Patterns { get; }
    public AggregateDefinition? Aggregate { get; }

    /// <summary>Types the action looks up in working memory; like an aggregate, they must be final first.</summary>
    public IReadOnlyList<Type> Reads { get; }

    public IReadOnlyList<Type> Produces { get; }

    /// <summary>For patterns: the matched facts in pattern order. For an aggregate: the group key, then the group's facts as a list.</summary>
    public Action<IRuleContext, IReadOnlyList<object>> Action { get; }
}
