using System.Collections.Concurrent;
using System.Reflection;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Authoring;

/// <summary>
/// Base of every rule: a class with <see cref="RuleAttribute"/>, <see cref="TitleAttribute"/>
/// and <see cref="ClauseAttribute"/>, whose <see cref="Define"/> states the condition and the action.
/// Parameters come in through the constructor from the policy file; a rule never holds state between firings.
/// </summary>
public abstract class Rule
{
    /// <summary>The clause the school's policy file cites for this rule, if any.</summary>
    public string? PolicyClause { get; init; }

    /// <summary>
    /// Set when one rule class runs several times with different parameters (one per line of the
    /// plan's review rules, say): the rule's id becomes "attribute-id/instance".
    /// </summary>
    public string? Instance { get; init; }

    protected abstract void Define(RuleBuilder rule);

    // A rule class's attributes never change: read once per class, not once per settlement.
    private static readonly ConcurrentDictionary<Type, Attributes> AttributesOf = new();

    public RuleDefinition Compile()
    {
        var a = AttributesOf.GetOrAdd(GetType(), static type => new Attributes(
            type.GetCustomAttribute<RuleAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Rule] attribute"),
            type.GetCustomAttribute<TitleAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Title] attribute"),
            type.GetCustomAttribute<ClauseAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Clause] attribute")));
        var builder = new RuleBuilder();
        Define(builder);
        return builder.Build(Instance is null ? a.Meta.Id : a.Meta.Id + "/" + Instance, a.Title, a.RuleSet, PolicyClause ?? a.Clause, a.Meta.Priority);
    }

    private sealed class Attributes(RuleAttribute meta, TitleAttribute title, ClauseAttribute clause)
    {
        public RuleAttribute Meta { get; } = meta;
        public Bilingual Title { get; } = new(title.Zh, title.En);
        public string RuleSet { get; } = meta.RuleSet;
        public string Clause { get; } = clause.Clause;
    }
}
