namespace Compensation.Rules.Engine.Model;

/// <summary>
/// An aggregation: all facts of a type (after a filter), grouped by a key. It is evaluated
/// once every rule that can produce that type has finished (the rule sits in a later stratum),
/// so counts and sums are final when the rule sees them.
/// </summary>
public sealed class AggregateDefinition
{
    public AggregateDefinition(Type factType, Func<object, bool>? filter, Func<object, object> groupKey, Func<List<IFact>, object> toTypedList)
    {
        FactType = factType;
        Filter = filter;
        GroupKey = groupKey;
        ToTypedList = toTypedList;
    }

    public Type FactType { get; }
    public Func<object, bool>? Filter { get; }
    public Func<object, object> GroupKey { get; }

    /// <summary>Turns the group's facts into the list type the action expects.</summary>
    public Func<List<IFact>, object> ToTypedList { get; }

    /// <summary>
    /// When set, the engine's shortcut for <see cref="ToTypedList"/>: an array of the fact type of the given length,
    /// which the engine fills (an array is the list type the authoring layer's actions expect).
    /// </summary>
    internal Func<int, IFact[]>? NewTypedArray { get; init; }

    /// <summary>When set, the key <see cref="GroupKey"/> gives every fact: all facts make one group, and the engine need not ask.</summary>
    internal object? OneGroupKey { get; init; }
}
