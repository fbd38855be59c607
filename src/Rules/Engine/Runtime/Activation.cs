namespace Compensation.Rules.Engine.Runtime;

/// <summary>A rule ready to fire on one tuple of facts (or one aggregated group).</summary>
internal sealed class Activation(CompiledRule rule, object[] arguments, string[] orderIds)
{
    public CompiledRule Rule { get; } = rule;
    public object[] Arguments { get; } = arguments;

    /// <summary>The ids of the facts the activation is about, compared in order to break ties.</summary>
    public string[] OrderIds { get; } = orderIds;
}

/// <summary>
/// Agenda order: stratum first (aggregations after their inputs), then priority (salience,
/// higher first), then rule id, then the ids of the matched facts: never the order of insertion.
/// </summary>
internal sealed class ActivationOrder : IComparer<Activation>
{
    public static readonly ActivationOrder Instance = new();

    public int Compare(Activation? x, Activation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var a = x!.Rule;
        var b = y!.Rule;
        var c = a.Stratum.CompareTo(b.Stratum);
        if (c != 0)
        {
            return c;
        }

        c = b.Definition.Priority.CompareTo(a.Definition.Priority);
        if (c != 0)
        {
            return c;
        }

        c = a.Ordinal.CompareTo(b.Ordinal);
        if (c != 0)
        {
            return c;
        }

        var ids1 = x.OrderIds;
        var ids2 = y.OrderIds;
        var len = Math.Min(ids1.Length, ids2.Length);
        for (var i = 0; i < len; i++)
        {
            c = string.CompareOrdinal(ids1[i], ids2[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return ids1.Length.CompareTo(ids2.Length);
    }
}
