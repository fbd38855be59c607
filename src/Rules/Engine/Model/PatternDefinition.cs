namespace Compensation.Rules.Engine.Model;

/// <summary>
/// One pattern of a rule's condition. The first pattern of a rule is its anchor; every
/// further pattern is joined to the anchor by equality of keys: <see cref="AnchorKey"/>
/// computed on the anchor fact and <see cref="OwnKey"/> on this pattern's fact.
/// </summary>
public sealed class PatternDefinition
{
    public PatternDefinition(Type factType, Func<object, bool>? filter, Func<object, object>? anchorKey, Func<object, object>? ownKey)
    {
        FactType = factType;
        Filter = filter;
        AnchorKey = anchorKey;
        OwnKey = ownKey;
    }

    public Type FactType { get; }
    public Func<object, bool>? Filter { get; }
    public Func<object, object>? AnchorKey { get; }
    public Func<object, object>? OwnKey { get; }
}
