using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// Orders rules into strata so that an aggregation (or a declared read) of a fact type runs only
/// after every rule that can produce that type has finished. Plain pattern rules may chain
/// within a stratum; a cycle that passes through an aggregation cannot be ordered and is an error.
/// </summary>
internal static class Stratifier
{
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
                    if (rules[producer].Produces.Any(p => p.IsAssignableFrom(type) || type.IsAssignableFrom(p)))
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

        var looping = edges.Where(e => e.Weight > 0 && strata[e.To] > n).Select(e => rules[e.To].Id).Distinct().Order(StringComparer.Ordinal);
        throw new RuleEngineException("these rules aggregate facts that they themselves (directly or through other rules) produce, so no order can make the totals final: " + string.Join(", ", looping));
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
