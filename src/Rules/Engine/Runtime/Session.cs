using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// A forward-chaining run of a rule set over facts. Insert the input facts, call <see cref="Run"/>,
/// then read the derived facts. Facts are never changed or retracted; rules only add. The result
/// depends on the facts and the rules, not on the order the facts were inserted in.
/// </summary>
public sealed class Session
{
    private readonly CompiledRule[] _rules;
    private readonly SessionOptions _options;
    private readonly Dictionary<string, IFact> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<IFact>> _byType = [];
    private readonly Dictionary<Type, (CompiledRule Rule, int Position)[]> _slots = [];
    private readonly Dictionary<Type, (int Count, object List)> _allCache = [];
    private readonly Dictionary<Delegate, (int Count, object Lookup)> _indexCache = [];
    private readonly PriorityQueue<Activation, Activation> _agenda = new(ActivationOrder.Instance);
    private readonly int[] _aggregateStrata;
    private bool _ran;

    public Session(IEnumerable<RuleDefinition> rules, SessionOptions? options = null)
    {
        var ordered = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleEngineException($"rule id {duplicate.Key} is used twice", duplicate.Key);
        }

        var strata = Stratifier.Assign(ordered);
        _rules = ordered.Select((r, i) => new CompiledRule(r, i, strata[i])).ToArray();
        _aggregateStrata = _rules.Where(r => r.Definition.Aggregate is not null).Select(r => r.Stratum).Distinct().Order().ToArray();
        _options = options ?? new SessionOptions();
    }

    public IReadOnlyList<RuleDefinition> Rules => _rules.Select(r => r.Definition).ToList();

    /// <summary>The stratum each rule runs in (0 first).</summary>
    public IReadOnlyDictionary<string, int> Strata => _rules.ToDictionary(r => r.Definition.Id, r => r.Stratum, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Firings => _rules.ToDictionary(r => r.Definition.Id, r => r.Firings, StringComparer.Ordinal);

    public int FactCount => _byId.Count;

    public void Insert(IFact fact)
    {
        if (_ran)
        {
            throw new InvalidOperationException("the session has run; start a new one for new facts");
        }

        Add(fact, null);
    }

    public void InsertAll(IEnumerable<IFact> facts)
    {
        foreach (var f in facts)
        {
            Insert(f);
        }
    }

    public void Run()
    {
        if (_ran)
        {
            throw new InvalidOperationException("a session runs once");
        }

        _ran = true;
        var current = -1;
        var nextAggregate = 0;
        while (true)
        {
            var pending = _agenda.Count > 0 ? _agenda.Peek().Rule.Stratum : int.MaxValue;
            var aggregateStratum = nextAggregate < _aggregateStrata.Length ? _aggregateStrata[nextAggregate] : int.MaxValue;
            if (aggregateStratum <= pending && aggregateStratum != int.MaxValue)
            {
                current = aggregateStratum;
                nextAggregate++;
                ScheduleAggregates(current);
                continue;
            }

            if (pending == int.MaxValue)
            {
                break;
            }

            var activation = _agenda.Dequeue();
            if (activation.Rule.Stratum < current)
            {
                throw new RuleEngineException($"rule {activation.Rule.Definition.Id} was activated after its stratum had finished; a rule produced a type it did not declare", activation.Rule.Definition.Id);
            }

            current = activation.Rule.Stratum;
            Fire(activation);
        }
    }

    public IFact? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every fact of type T (or a subtype), ordered by id.</summary>
    public IReadOnlyList<T> All<T>() where T : class, IFact
    {
        var count = 0;
        foreach (var (type, list) in _byType)
        {
            if (typeof(T).IsAssignableFrom(type))
            {
                count += list.Count;
            }
        }

        if (_allCache.TryGetValue(typeof(T), out var cached) && cached.Count == count)
        {
            return (IReadOnlyList<T>)cached.List;
        }

        var items = new T[count];
        var keys = new string[count];
        var i = 0;
        foreach (var (type, list) in _byType)
        {
            if (typeof(T).IsAssignableFrom(type))
            {
                foreach (var f in list)
                {
                    items[i] = (T)f;
                    keys[i] = f.Id;
                    i++;
                }
            }
        }

        Array.Sort(keys, items, StringComparer.Ordinal);
        _allCache[typeof(T)] = (count, items);
        return items;
    }

    /// <summary>Every fact of type T (or a subtype) in no particular order: for callers that index or sort them themselves.</summary>
    public IEnumerable<T> Unordered<T>() where T : class, IFact
    {
        foreach (var (type, list) in _byType)
        {
            if (typeof(T).IsAssignableFrom(type))
            {
                foreach (var f in list)
                {
                    yield return (T)f;
                }
            }
        }
    }

    private void Add(IFact fact, CompiledRule? producer)
    {
        if (string.IsNullOrEmpty(fact.Id))
        {
            throw new RuleEngineException($"a {fact.GetType().Name} fact has no id", producer?.Definition.Id);
        }

        if (!_byId.TryAdd(fact.Id, fact))
        {
            var by = producer is null ? "the input" : $"rule {producer.Definition.Id}";
            throw new RuleEngineException($"{by} inserted a second fact with id '{fact.Id}'", producer?.Definition.Id);
        }

        var type = fact.GetType();
        if (!_byType.TryGetValue(type, out var list))
        {
            list = [];
            _byType[type] = list;
        }

        list.Add(fact);
        foreach (var (rule, position) in SlotsFor(type))
        {
            Match(rule, position, fact);
        }
    }

    private (CompiledRule Rule, int Position)[] SlotsFor(Type type)
    {
        if (!_slots.TryGetValue(type, out var slots))
        {
            slots = _rules
                .SelectMany(r => r.Definition.Patterns.Select((p, i) => (Rule: r, Position: i, Pattern: p)))
                .Where(s => s.Pattern.FactType.IsAssignableFrom(type))
                .Select(s => (s.Rule, s.Position))
                .ToArray();
            _slots[type] = slots;
        }

        return slots;
    }

    private void Match(CompiledRule rule, int position, IFact fact)
    {
        var patterns = rule.Definition.Patterns;
        var pattern = patterns[position];
        if (pattern.Filter is not null && !pattern.Filter(fact))
        {
            return;
        }

        var n = patterns.Count;
        if (position == 0)
        {
            for (var j = 1; j < n; j++)
            {
                AddToIndex(rule.AnchorIndexes[j], patterns[j].AnchorKey!(fact), fact);
            }

            var tuple = new IFact[n];
            tuple[0] = fact;
            Extend(rule, tuple, 1, -1);
        }
        else
        {
            var key = pattern.OwnKey!(fact);
            AddToIndex(rule.OwnIndexes[position], key, fact);
            if (rule.AnchorIndexes[position].TryGetValue(key, out var anchors))
            {
                foreach (var anchor in anchors)
                {
                    var tuple = new IFact[n];
                    tuple[0] = anchor;
                    tuple[position] = fact;
                    Extend(rule, tuple, 1, position);
                }
            }
        }
    }

    private void Extend(CompiledRule rule, IFact[] tuple, int j, int fixedPosition)
    {
        var n = tuple.Length;
        if (j == n)
        {
            Activate(rule, (IFact[])tuple.Clone());
            return;
        }

        if (j == fixedPosition)
        {
            Extend(rule, tuple, j + 1, fixedPosition);
            return;
        }

        var key = rule.Definition.Patterns[j].AnchorKey!(tuple[0]);
        if (!rule.OwnIndexes[j].TryGetValue(key, out var candidates))
        {
            return;
        }

        foreach (var c in candidates)
        {
            tuple[j] = c;
            Extend(rule, tuple, j + 1, fixedPosition);
        }
    }

    private void Activate(CompiledRule rule, IFact[] tuple)
    {
        if (rule.NeedsRefraction && !rule.Fired.Add(new TupleKey(tuple)))
        {
            return;
        }

        var ids = new string[tuple.Length];
        for (var i = 0; i < tuple.Length; i++)
        {
            ids[i] = tuple[i].Id;
        }

        var activation = new Activation(rule, tuple, ids);
        _agenda.Enqueue(activation, activation);
    }

    private void ScheduleAggregates(int stratum)
    {
        foreach (var rule in _rules)
        {
            var agg = rule.Definition.Aggregate;
            if (agg is null || rule.Stratum != stratum)
            {
                continue;
            }

            var groups = new Dictionary<object, List<IFact>>();
            var keys = new List<object>();
            foreach (var (type, list) in _byType)
            {
                if (!agg.FactType.IsAssignableFrom(type))
                {
                    continue;
                }

                foreach (var f in list)
                {
                    if (agg.Filter is not null && !agg.Filter(f))
                    {
                        continue;
                    }

                    var key = agg.GroupKey(f);
                    if (!groups.TryGetValue(key, out var members))
                    {
                        members = [];
                        groups[key] = members;
                        keys.Add(key);
                    }

                    members.Add(f);
                }
            }

            foreach (var key in keys)
            {
                var members = groups[key].ToArray();
                var ids = new string[members.Length];
                for (var i = 0; i < members.Length; i++)
                {
                    ids[i] = members[i].Id;
                }

                Array.Sort(ids, members, StringComparer.Ordinal);
                var activation = new Activation(rule, [key, agg.ToTypedList([.. members])], ids);
                _agenda.Enqueue(activation, activation);
            }
        }
    }

    private void Fire(Activation activation)
    {
        var rule = activation.Rule;
        if (rule.Firings >= _options.MaxFiringsPerRule)
        {
            throw new RuleEngineException(
                $"rule {rule.Definition.Id} reached its limit of {_options.MaxFiringsPerRule} firings; the rule set does not come to rest (a rule keeps producing facts that match itself or each other)",
                rule.Definition.Id);
        }

        rule.Firings++;
        rule.Definition.Action(new Context(this, rule), activation.Arguments);
    }

    private static void AddToIndex(Dictionary<object, List<IFact>> index, object key, IFact fact)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(fact);
    }

    private sealed class Context(Session session, CompiledRule rule) : IRuleContext
    {
        public void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Bilingual explanation) =>
            Insert(fact, key, sources.Select(s => s.Id).ToArray(), explanation);

        public void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Bilingual explanation)
        {
            var type = fact.GetType();
            if (!rule.ProducesCache.Contains(type))
            {
                if (!rule.Definition.Produces.Any(p => p.IsAssignableFrom(type)))
                {
                    throw new RuleEngineException($"rule {rule.Definition.Id} inserted a {type.Name} but does not declare that it produces one", rule.Definition.Id);
                }

                rule.ProducesCache.Add(type);
            }

            var def = rule.Definition;
            fact.Stamp(def.Id + ":" + key, new Provenance(def.Id, def.Clause, sourceIds, explanation));
            session.Add(fact, rule);
        }

        public IReadOnlyList<T> All<T>() where T : class, IFact
        {
            if (!rule.Definition.Reads.Any(r => r.IsAssignableFrom(typeof(T))) && !(rule.Definition.Aggregate?.FactType.IsAssignableFrom(typeof(T)) ?? false))
            {
                throw new RuleEngineException($"rule {rule.Definition.Id} reads {typeof(T).Name} facts without declaring it (Reads<{typeof(T).Name}>)", rule.Definition.Id);
            }

            return session.All<T>();
        }

        public IReadOnlyList<T> Where<T>(Func<T, string> key, string value) where T : class, IFact
        {
            var all = All<T>();
            if (!session._indexCache.TryGetValue(key, out var cached) || cached.Count != all.Count)
            {
                var built = new Dictionary<string, List<T>>(StringComparer.Ordinal);
                foreach (var f in all)
                {
                    var k = key(f);
                    if (!built.TryGetValue(k, out var list))
                    {
                        list = [];
                        built[k] = list;
                    }

                    list.Add(f);
                }

                cached = (all.Count, built);
                session._indexCache[key] = cached;
            }

            var lookup = (Dictionary<string, List<T>>)cached.Lookup;
            return lookup.TryGetValue(value, out var found) ? found : [];
        }
    }
}
