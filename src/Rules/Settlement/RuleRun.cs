using Compensation.Rules.Facts;
using Compensation.Rules.RuleSets;

namespace Compensation.Rules.Settlement;

/// <summary>The facts of a settlement once its rules have run: the input facts and every derived fact, by id and by kind.</summary>
public sealed class RuleRun
{
    private readonly Dictionary<Type, List<IFact>> _byType = [];
    private readonly Dictionary<Type, Array> _ordered = [];

    internal RuleRun(IReadOnlyList<SettlementRule> rules, IEnumerable<IFact> facts, IReadOnlyDictionary<string, int> firings)
    {
        Rules = rules;
        Firings = firings;
        var byId = new Dictionary<string, IFact>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            byId.Add(fact.Id, fact);
            var type = fact.GetType();
            if (!_byType.TryGetValue(type, out var list))
            {
                list = [];
                _byType[type] = list;
            }

            list.Add(fact);
        }

        ById = byId;
    }

    /// <summary>The rules that ran, in the catalogue's order.</summary>
    public IReadOnlyList<SettlementRule> Rules { get; }

    /// <summary>How many times each rule fired, by rule id.</summary>
    public IReadOnlyDictionary<string, int> Firings { get; }

    public IReadOnlyDictionary<string, IFact> ById { get; }

    public int FactCount => ById.Count;

    public IFact? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>All facts of <typeparamref name="T"/> (and of the kinds derived from it), in id order.</summary>
    public IReadOnlyList<T> All<T>() where T : class, IFact
    {
        lock (_ordered)
        {
            if (_ordered.TryGetValue(typeof(T), out var known))
            {
                return (T[])known;
            }

            var facts = _byType.Where(p => typeof(T).IsAssignableFrom(p.Key)).SelectMany(p => p.Value).Cast<T>().ToArray();
            Array.Sort(facts, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
            _ordered[typeof(T)] = facts;
            return facts;
        }
    }

    /// <summary>How many facts of <typeparamref name="T"/> there are.</summary>
    public int Count<T>() where T : class, IFact => _byType.Where(p => typeof(T).IsAssignableFrom(p.Key)).Sum(p => p.Value.Count);

    /// <summary>The facts of <typeparamref name="T"/> in no particular order.</summary>
    public IEnumerable<T> Unordered<T>() where T : class, IFact =>
        _byType.Where(p => typeof(T).IsAssignableFrom(p.Key)).SelectMany(p => p.Value).Cast<T>();
}
