namespace Compensation.Rules.Engine.Model;

/// <summary>
/// An aggregation: all facts of a type (after a filter), grouped by a key. It is evaluated
/// once every rule that can produce that type has finished (the rule sits in a later stratum),
/// so counts and sums are final when the rule sees them.
/// </summary>
public sealed class AggregateDefinition
{
    public AggregateDefinition(Type factType, Func<object, bool>? filter, Func<object, object> groupKey, Func<int, IFact[]> newTypedArray)
    {
        FactType = factType;
        Filter = filter;
        GroupKey = groupKey;
        NewTypedArray = newTypedArray;
    }

    public Type FactType { get; }
    public Func<object, bool>? Filter { get; }
    public Func<object, object> GroupKey { get; }

    /// <summary>
    /// An array of the fact type of the given length, which the engine fills with a group's facts: the list type the
    /// action expects.
    /// </summary>
    public Func<int, IFact[]> NewTypedArray { get; }

    /// <summary>When set, the key <see cref="GroupKey"/> gives every fact: all facts make one group, and the engine need not ask.</summary>
    internal object? OneGroupKey { get; init; }
}
