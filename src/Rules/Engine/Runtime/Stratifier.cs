using System.Runtime.CompilerServices;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// Orders rules into strata so that an aggregation (or a declared read) of a fact type runs only
/// after every rule that can produce that type has finished. Plain pattern rules may chain
/// within a stratum; a cycle that passes through an aggregation cannot be ordered and is an error.
/// </summary>
internal static class Stratifier
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Assign(IReadOnlyList<RuleDefinition> rules)
    {
        var n = rules.Count;
        var strata = new int[n];
        var edges = new List<(int From, int To, int Weight)>();
        for (var consumer = 0; consumer < n; consumer++)
        {
            foreach (var (type, weight) in Consumes(rules[consumer]))
            {
                for (var producer = 0; producer < n; producer++)
                {
                    if (rules[producer].Produces.Any(p => Overlap(p, type)))
                    {
                        edges.Add((producer, consumer, weight));
                    }
                }
            }
        }

        for (var pass = 0; pass <= n; pass++)
        {
            var changed = false;
            foreach (var (from, to, weight) in edges)
            {
                if (strata[from] + weight > strata[to])
                {
                    strata[to] = strata[from] + weight;
                    changed = true;
                }
            }

            if (!changed)
            {
                return strata;
            }
        }

        var looping = RulesOnAggregateCycles(n, edges).Select(i => rules[i].Id).Order(StringComparer.Ordinal).ToList();
        throw new RuleEngineException(
            "these rules aggregate facts that they themselves (directly or through other rules) produce, so no order can make the totals final: " + string.Join(", ", looping),
            looping.FirstOrDefault());
    }

    /// <summary>
    /// A produced type can match a consumed one when either is assignable to the other, or when one is
    /// an interface the other (not sealed) type's subtypes may implement.
    /// </summary>
    private static bool Overlap(Type produced, Type consumed) =>
        produced.IsAssignableFrom(consumed) || consumed.IsAssignableFrom(produced)
        || (consumed.IsInterface && !produced.IsSealed) || (produced.IsInterface && !consumed.IsSealed);

    /// <summary>Every rule on a cycle that contains an aggregation edge: the rules between its two ends.</summary>
    private static SortedSet<int> RulesOnAggregateCycles(int n, List<(int From, int To, int Weight)> edges)
    {
        var reach = new bool[n, n];
        for (var i = 0; i < n; i++)
        {
            reach[i, i] = true;
        }

        foreach (var (from, to, _) in edges)
        {
            reach[from, to] = true;
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (!reach[i, k])
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    reach[i, j] |= reach[k, j];
                }
            }
        }

        var result = new SortedSet<int>();
        foreach (var (from, to, weight) in edges)
        {
            if (weight == 0 || !reach[to, from])
            {
                continue;
            }

            for (var x = 0; x < n; x++)
            {
                if (reach[to, x] && reach[x, from])
                {
                    result.Add(x);
                }
            }
        }

        return result;
    }

    private static IEnumerable<(Type Type, int Weight)> Consumes(RuleDefinition rule)
    {
        foreach (var p in rule.Patterns)
        {
            yield return (p.FactType, 0);
        }

        if (rule.Aggregate is not null)
        {
            yield return (rule.Aggregate.FactType, 1);
        }

        foreach (var r in rule.Reads)
        {
            yield return (r, 1);
        }
    }
}
