namespace Compensation.Rules.Engine.Authoring;

/// <summary>A rule's stable id ("ruleset.name"), its rule set and its priority (salience: higher fires first within a stratum).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleAttribute : Attribute
{
    public RuleAttribute(string id) => Id = id;

    public string Id { get; }

    public int Priority { get; init; }

    /// <summary>The rule set is the part of the id before the first dot.</summary>
    public string RuleSet => Id.Split('.')[0];
}
