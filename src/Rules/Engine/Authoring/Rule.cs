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
    /// <summary>
    /// The clause the school's own policy file cites for this rule, if any. A rule cites nothing else: the
    /// <see cref="ClauseAttribute"/> names where the rule comes from for the docs and tests, often another school's plan.
    /// </summary>
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
        var a = AttributesOf.GetOrAdd(GetType(), Attributes.Read);
        var builder = new RuleBuilder();
        Define(builder);
        return builder.Build(Instance is null ? a.Meta.Id : a.Meta.Id + "/" + Instance, a.Title, a.RuleSet, PolicyClause ?? "", a.Meta.Priority);
    }

    private sealed class Attributes(RuleAttribute meta, TitleAttribute title)
    {
        public RuleAttribute Meta { get; } = meta;
        public Bilingual Title { get; } = new(title.Zh, title.En);
        public string RuleSet { get; } = meta.RuleSet;

        // A rule must name its origin with [Clause] (the docs and tests read it), but a settlement never cites it.
        public static Attributes Read(Type type)
        {
            var meta = type.GetCustomAttribute<RuleAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Rule] attribute");
            var title = type.GetCustomAttribute<TitleAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Title] attribute");
            return type.IsDefined(typeof(ClauseAttribute), inherit: false)
                ? new Attributes(meta, title)
                : throw new InvalidOperationException($"{type.Name} has no [Clause] attribute");
        }
    }
}
