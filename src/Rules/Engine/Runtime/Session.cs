using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly Context[] _contexts;
    private readonly SessionOptions _options;

    // Ids are unique: checked per id space (the part of an id before its first ':', so equal ids always share one), where
    // ids mostly come in increasing order and a comparison with the last one suffices. Facts by id are only looked up
    // when someone asks (Find, explanations): that table is built then.
    private readonly Dictionary<string, IdSpace> _idSpaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdSpace>.AlternateLookup<ReadOnlySpan<char>> _idSpaceBySpan;
    private IdSpace? _lastIdSpace;
    private Dictionary<string, IFact>? _byId;
    private object? _byIdLock;
    private int _factCount;

    // The facts by their exact type, in the order the types first appeared.
    private readonly Dictionary<Type, Bucket> _buckets = [];
    private readonly List<Bucket> _bucketList = [];

    // What All<T>, Count<T> and the aggregations ask for: the buckets of a type and its subtypes, and their facts in id order.
    private readonly Dictionary<Type, View> _views = [];
    private readonly Dictionary<Delegate, (int Count, object Lookup)> _indexCache = [];
    private readonly Agenda _agenda;
    private readonly int[] _aggregateStrata;
    private Type? _lastType;
    private Bucket? _lastBucket;
    private bool _ran;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        var rank = 0;
        foreach (var r in _rules.OrderBy(r => r.Stratum).ThenByDescending(r => r.Definition.Priority).ThenBy(r => r.Ordinal))
        {
            r.Rank = rank++;
        }

        _idSpaceBySpan = _idSpaces.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var r in _rules)
        {
            r.IdSpace = IdSpaceOf(r.Origin.IdPrefix);
        }

        _contexts = _rules.Select(r => new Context(this, r)).ToArray();
        _agenda = new Agenda(_rules);
        _aggregateStrata = _rules.Where(r => r.Definition.Aggregate is not null).Select(r => r.Stratum).Distinct().Order().ToArray();
        _options = options ?? new SessionOptions();
    }

    public IReadOnlyList<RuleDefinition> Rules => _rules.Select(r => r.Definition).ToList();

    /// <summary>The stratum each rule runs in (0 first).</summary>
    public IReadOnlyDictionary<string, int> Strata => _rules.ToDictionary(r => r.Definition.Id, r => r.Stratum, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Firings => _rules.ToDictionary(r => r.Definition.Id, r => r.Firings, StringComparer.Ordinal);

    public int FactCount => _factCount;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(IFact fact)
    {
        if (_ran)
        {
            throw new InvalidOperationException("the session has run; start a new one for new facts");
        }

        Add(fact, fact.Id, null, fact.GetType(), null);
    }

    /// <summary>Inserts the facts; a list of facts of one type makes room for them all at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void InsertAll(IEnumerable<IFact> facts)
    {
        if (facts is not IReadOnlyList<IFact> list)
        {
            foreach (var f in facts)
            {
                Insert(f);
            }

            return;
        }

        if (list.Count > 1 && !_ran && list[0] is { } first && ReferenceEquals(first.GetType(), list[^1].GetType()))
        {
            var bucket = BucketOf(first.GetType());
            bucket.Facts.EnsureCapacity(bucket.Facts.Count + list.Count);
        }

        for (var i = 0; i < list.Count; i++)
        {
            Insert(list[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            var pending = _agenda.NextRule()?.Stratum ?? int.MaxValue;
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

    /// <summary>
    /// After <see cref="Run"/>: lets go of what matching needed (the rules' join memory, look-up tables, sorted copies),
    /// for a session that is kept to read its facts. Reading works as before; what it needs is built again when asked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReleaseMatchMemory()
    {
        if (!_ran)
        {
            throw new InvalidOperationException("the session has not run yet");
        }

        foreach (var rule in _rules)
        {
            rule.ReleaseMatchMemory();
        }

        foreach (var context in _contexts)
        {
            context.ReleaseMatchMemory();
        }

        _views.Clear();
        _indexCache.Clear();
    }

    public IFact? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Every fact of type T (or a subtype), ordered by id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<T> All<T>() where T : class, IFact
    {
        var view = ViewOf(typeof(T));
        if (view.Typed is T[] typed && view.TypedCount == view.Count)
        {
            return typed;
        }

        var facts = SortedFacts(view);
        var items = facts.Length == 0 ? [] : new T[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), i) = Unsafe.As<T>(facts[i].Fact);
        }

        view.Typed = items;
        view.TypedCount = items.Length;
        return items;
    }

    /// <summary>How many facts of type T (or a subtype) there are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Count<T>() where T : class, IFact => ViewOf(typeof(T)).Count;

    /// <summary>Every fact of type T (or a subtype) in no particular order: for callers that index or sort them themselves.</summary>
    public IEnumerable<T> Unordered<T>() where T : class, IFact
    {
        foreach (var bucket in _bucketList)
        {
            if (typeof(T).IsAssignableFrom(bucket.Type))
            {
                foreach (var f in bucket.Facts)
                {
                    yield return (T)f.Fact;
                }
            }
        }
    }

    /// <summary>
    /// The facts by id (input and derived), for read-only views that outlive the run (explanations): made on first use,
    /// once, whichever thread asks first.
    /// </summary>
    internal IReadOnlyDictionary<string, IFact> ById => LazyInitializer.EnsureInitialized(ref _byId, ref _byIdLock, BuildById);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<string, IFact> BuildById()
    {
        var byId = new Dictionary<string, IFact>(_factCount, StringComparer.Ordinal);
        foreach (var bucket in _bucketList)
        {
            foreach (var f in bucket.Facts)
            {
                byId.Add(f.Id, f.Fact);
            }
        }

        return byId;
    }

    /// <summary>The id space of an id: the part before its first ':' (the whole of a rule's ids but the key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IdSpace IdSpaceOf(string id)
    {
        // Mostly the space of the id before: its name and a ':' begin this one (a name holds no ':').
        if (_lastIdSpace is { } last && id.Length > last.Name.Length && id[last.Name.Length] == ':' && id.AsSpan(0, last.Name.Length).SequenceEqual(last.Name))
        {
            return last;
        }

        var name = IdSpace.NameOf(id);
        if (_lastIdSpace is { } other && name.SequenceEqual(other.Name))
        {
            return other;
        }

        if (!_idSpaceBySpan.TryGetValue(name, out var space))
        {
            space = new IdSpace(name.ToString());
            _idSpaces[space.Name] = space;
        }

        _lastIdSpace = space;
        return space;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="fact">The fact.</param>
    /// <param name="id">An input fact's id; null for a derived fact.</param>
    /// <param name="key">A derived fact's key: its id is the producer's prefix and the key, written out only when needed.</param>
    /// <param name="type">The fact's type.</param>
    /// <param name="producer">The rule that inserts a derived fact; null for an input fact.</param>
    private void Add(IFact fact, string? id, string? key, Type type, CompiledRule? producer)
    {
        if (producer is null && string.IsNullOrEmpty(id))
        {
            throw new RuleEngineException($"a {type.Name} fact has no id", null);
        }

        var head = id ?? producer!.Origin.IdPrefix;
        var tail = key ?? "";
        var space = producer is null ? IdSpaceOf(head) : producer.IdSpace!;
        var bucket = ReferenceEquals(type, _lastType) ? _lastBucket! : BucketOf(type);

        if (!space.TryAdd(head, tail, bucket.Facts))
        {
            var by = producer is null ? "the input" : $"rule {producer.Definition.Id}";
            throw new RuleEngineException($"{by} inserted a second fact with id '{head + tail}'", producer?.Definition.Id);
        }

        _factCount++;

        // A derived fact's id is written out here only when matching or the table by id needs it.
        var slots = bucket.Slots;
        if (id is null && (slots.Length > 0 || _byId is not null))
        {
            id = fact.Id;
        }

        if (_byId is not null)
        {
            _byId.Add(id!, fact);
        }

        // When the space took the id as greater than the one before and that one is also the bucket's last, the bucket
        // stays in order without comparing the two again.
        bucket.Add(new FactRef(fact, id), space.Before);
        foreach (var (rule, position) in slots)
        {
            Match(rule, position, fact, id!);
        }
    }

    /// <summary>The bucket of facts of exactly this type, made when the first comes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Bucket BucketOf(Type type)
    {
        if (!_buckets.TryGetValue(type, out var bucket))
        {
            bucket = new Bucket(type, SlotsFor(type));
            _buckets[type] = bucket;
            _bucketList.Add(bucket);
            foreach (var (t, view) in _views)
            {
                if (t.IsAssignableFrom(type))
                {
                    view.Buckets = [.. view.Buckets, bucket];
                }
            }
        }

        _lastType = type;
        _lastBucket = bucket;
        return bucket;
    }

    /// <summary>The pattern positions (rule by rule, in pattern order) a fact of this type can match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (CompiledRule Rule, int Position)[] SlotsFor(Type type)
    {
        var slots = new List<(CompiledRule Rule, int Position)>();
        foreach (var r in _rules)
        {
            var patterns = r.Definition.Patterns;
            for (var i = 0; i < patterns.Count; i++)
            {
                if (patterns[i].FactType.IsAssignableFrom(type))
                {
                    slots.Add((r, i));
                }
            }
        }

        return [.. slots];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private View ViewOf(Type type) => _views.TryGetValue(type, out var view) ? view : NewView(type);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private View NewView(Type type)
    {
        var view = new View(_bucketList.Where(b => type.IsAssignableFrom(b.Type)).ToArray());
        _views[type] = view;
        return view;
    }

    /// <summary>
    /// The view's facts in id order, sorted once per count (facts are only ever added). A single bucket whose facts
    /// came in id order is used as it is, without a copy: read it at once, before more facts come.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<FactRef> SortedFacts(View view)
    {
        var count = view.Count;
        Bucket? single = null;
        foreach (var b in view.Buckets)
        {
            if (b.Facts.Count > 0)
            {
                if (single is not null)
                {
                    single = null;
                    break;
                }

                single = b;
            }
        }

        if (single is { InOrder: true })
        {
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(single.Facts);
        }

        if (view.SortedCount == count)
        {
            return view.SortedRefs!;
        }

        var refs = new FactRef[count];
        var i = 0;
        foreach (var bucket in view.Buckets)
        {
            bucket.Facts.CopyTo(refs, i);
            i += bucket.Facts.Count;
        }

        SortById(refs);
        view.SortedRefs = refs;
        view.SortedCount = count;
        return refs;
    }

    /// <summary>Sorts by id (ids are unique): a merge sort that takes the runs of increasing ids the facts mostly come in as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortById(FactRef[] refs)
    {
        var n = refs.Length;
        var from = refs;
        var to = new FactRef[n];
        var runs = new List<int> { 0 };
        for (var i = 1; i < n; i++)
        {
            if (Ids.Compare(refs[i - 1].Head, refs[i - 1].Tail, refs[i].Head, refs[i].Tail) > 0)
            {
                runs.Add(i);
            }
        }

        runs.Add(n);
        while (runs.Count > 2)
        {
            // Each pair of neighbouring runs merged into one, from one array into the other.
            var merged = new List<int>(runs.Count / 2 + 2) { 0 };
            for (var r = 0; r + 1 < runs.Count; r += 2)
            {
                var start = runs[r];
                var middle = runs[r + 1];
                var end = r + 2 < runs.Count ? runs[r + 2] : middle;
                int a = start, b = middle, k = start;
                while (a < middle && b < end)
                {
                    to[k++] = Ids.Compare(from[a].Head, from[a].Tail, from[b].Head, from[b].Tail) <= 0 ? from[a++] : from[b++];
                }

                Array.Copy(from, a, to, k, middle - a);
                k += middle - a;
                Array.Copy(from, b, to, k, end - b);
                merged.Add(end);
            }

            runs = merged;
            (from, to) = (to, from);
        }

        if (!ReferenceEquals(from, refs))
        {
            Array.Copy(from, refs, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Match(CompiledRule rule, int position, IFact fact, string id)
    {
        var patterns = rule.Definition.Patterns;
        var pattern = patterns[position];
        if (pattern.Filter is not null && !pattern.Filter(fact))
        {
            return;
        }

        var n = patterns.Count;
        if (n == 1)
        {
            if (!rule.NeedsRefraction || rule.Fired.Add(new TupleKey([fact])))
            {
                _agenda.Enqueue(new Activation(rule, fact, id));
            }

            return;
        }

        // Tuples are put together in the rule's scratch arrays (matching never re-enters a rule) and copied when whole.
        var self = new FactRef(fact, id);
        var tuple = rule.ScratchTuple;
        var ids = rule.ScratchIds;
        if (position == 0)
        {
            for (var j = 1; j < n; j++)
            {
                AddToIndex(rule.AnchorIndexes[j], patterns[j].AnchorKey!(fact), self);
            }

            tuple[0] = fact;
            ids[0] = id;
            Extend(rule, tuple, ids, 1, -1);
        }
        else
        {
            var key = pattern.OwnKey!(fact);
            AddToIndex(rule.OwnIndexes[position], key, self);
            if (rule.AnchorIndexes[position].TryGetValue(key, out var anchors))
            {
                for (var a = 0; a < anchors.Count; a++)
                {
                    var anchor = anchors[a];
                    tuple[0] = anchor.Fact;
                    ids[0] = anchor.Id;
                    tuple[position] = fact;
                    ids[position] = id;
                    Extend(rule, tuple, ids, 1, position);
                }
            }
        }

        Array.Clear(tuple);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Extend(CompiledRule rule, object[] tuple, string[] ids, int j, int fixedPosition)
    {
        var n = tuple.Length;
        if (j == n)
        {
            var facts = (object[])tuple.Clone();
            if (!rule.NeedsRefraction || rule.Fired.Add(new TupleKey(facts)))
            {
                _agenda.Enqueue(new Activation(rule, facts, (string[])ids.Clone()));
            }

            return;
        }

        if (j == fixedPosition)
        {
            Extend(rule, tuple, ids, j + 1, fixedPosition);
            return;
        }

        var key = rule.Definition.Patterns[j].AnchorKey!(tuple[0]);
        if (!rule.OwnIndexes[j].TryGetValue(key, out var candidates))
        {
            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            tuple[j] = c.Fact;
            ids[j] = c.Id;
            Extend(rule, tuple, ids, j + 1, fixedPosition);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScheduleAggregates(int stratum)
    {
        foreach (var rule in _rules)
        {
            var agg = rule.Definition.Aggregate;
            if (agg is null || rule.Stratum != stratum)
            {
                continue;
            }

            // The facts in id order, so every group is in id order as it is built: first each fact's group and the
            // groups' sizes, then each group's facts and ids in arrays of the right size.
            var facts = SortedFacts(ViewOf(agg.FactType));
            // A fact's group is most often the group of the fact before: that one is tried first, without hashing the key.
            var groupOf = new int[facts.Length];
            var groups = new Dictionary<object, int>();
            var keys = new List<object>();
            var sizes = new List<int>();
            object? lastKey = null;
            var last = -1;
            for (var i = 0; i < facts.Length; i++)
            {
                var f = facts[i].Fact;
                if (agg.Filter is not null && !agg.Filter(f))
                {
                    groupOf[i] = -1;
                    continue;
                }

                var key = agg.OneGroupKey ?? agg.GroupKey(f);
                if (lastKey is null || !(ReferenceEquals(key, lastKey) || key.Equals(lastKey)))
                {
                    if (!groups.TryGetValue(key, out last))
                    {
                        last = keys.Count;
                        groups[key] = last;
                        keys.Add(key);
                        sizes.Add(0);
                    }

                    lastKey = key;
                }

                groupOf[i] = last;
                sizes[last]++;
            }

            // A group's activation is ordered by its facts' ids. The groups share no fact and each is in id order, so
            // two groups' ids differ at the first already: the first id orders the activation as all of them would.
            var members = new IFact[keys.Count][];
            var firstIds = new string[keys.Count];
            for (var g = 0; g < keys.Count; g++)
            {
                members[g] = agg.NewTypedArray(sizes[g]);
                sizes[g] = 0;
            }

            // The arrays are of the fact type, and every fact of the view is one: stored without checking that again.
            for (var i = 0; i < facts.Length; i++)
            {
                var g = groupOf[i];
                if (g >= 0)
                {
                    var at = sizes[g]++;
                    Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(members[g]), at) = facts[i].Fact;
                    if (at == 0)
                    {
                        firstIds[g] = facts[i].Id;
                    }
                }
            }

            for (var g = 0; g < keys.Count; g++)
            {
                var key = keys[g];
                _agenda.Enqueue(new Activation(rule, [key, members[g]], firstIds[g]));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        rule.Definition.Action(_contexts[rule.Ordinal], activation.Arguments);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddToIndex(Dictionary<object, FactRefs> index, object key, FactRef fact)
    {
        if (!index.TryGetValue(key, out var facts))
        {
            facts = new FactRefs();
            index.Add(key, facts);
        }

        facts.Add(fact);
    }

    /// <summary>The facts of one exact type, in insertion order, and whether that is also id order.</summary>
    private sealed class Bucket(Type type, (CompiledRule Rule, int Position)[] slots)
    {
        public Type Type { get; } = type;

        /// <summary>The pattern positions facts of this type can match.</summary>
        public (CompiledRule Rule, int Position)[] Slots { get; } = slots;

        public List<FactRef> Facts { get; } = [];

        /// <summary>True while every fact came with an id greater than the one before (rules firing in agenda order insert so).</summary>
        public bool InOrder { get; private set; } = true;

        /// <param name="fact">The fact.</param>
        /// <param name="lessThan">An id known to be less than the fact's (or null).</param>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(FactRef fact, (string Head, string Tail)? lessThan)
        {
            if (InOrder && Facts.Count > 0)
            {
                var last = Facts[^1];
                var (head, tail) = (last.Head, last.Tail);
                if (!(lessThan is { } known && ReferenceEquals(head, known.Head) && ReferenceEquals(tail, known.Tail))
                    && Ids.Compare(head, tail, fact.Head, fact.Tail) > 0)
                {
                    InOrder = false;
                }
            }

            Facts.Add(fact);
        }
    }

    private sealed class View(Bucket[] buckets)
    {
        public Bucket[] Buckets { get; set; } = buckets;

        public int Count
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get
            {
                var count = 0;
                foreach (var b in Buckets)
                {
                    count += b.Facts.Count;
                }

                return count;
            }
        }

        public FactRef[]? SortedRefs { get; set; }
        public int SortedCount { get; set; } = -1;
        public Array? Typed { get; set; }
        public int TypedCount { get; set; } = -1;
    }

    /// <summary>Facts grouped by a key, each group an array in the order of the facts given (id order).</summary>
    private sealed class Grouped<T> where T : class
    {
        private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);
        private readonly T[][] _groups;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Grouped(ReadOnlySpan<FactRef> facts, Func<T, string> key)
        {
            // Facts of one group mostly come one after another (their ids share the key): the group of the fact before
            // is tried first, without hashing the key.
            var groupOf = new int[facts.Length];
            var sizes = new List<int>();
            string? lastKey = null;
            var group = -1;
            for (var i = 0; i < facts.Length; i++)
            {
                var k = key(Unsafe.As<T>(facts[i].Fact));
                if ((lastKey is null || !string.Equals(k, lastKey, StringComparison.Ordinal)) && !_groupOf.TryGetValue(k, out group))
                {
                    group = sizes.Count;
                    _groupOf[k] = group;
                    sizes.Add(0);
                }

                lastKey = k;
                groupOf[i] = group;
                sizes[group]++;
            }

            _groups = new T[sizes.Count][];
            for (var g = 0; g < _groups.Length; g++)
            {
                _groups[g] = new T[sizes[g]];
                sizes[g] = 0;
            }

            for (var i = 0; i < facts.Length; i++)
            {
                var g = groupOf[i];
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_groups[g]), sizes[g]++) = Unsafe.As<T>(facts[i].Fact);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public IReadOnlyList<T> Of(string key) => _groupOf.TryGetValue(key, out var g) ? _groups[g] : [];
    }

    /// <summary>A grouping a rule used: its key selector, the view it groups, the view's count then, and the grouping.</summary>
    private readonly record struct WhereEntry(Delegate Key, View View, int Count, object Grouped);

    private sealed class Context(Session session, CompiledRule rule) : IRuleContext
    {
        private readonly HashSet<Type> _readable = [];
        private Type? _lastProduced;
        private WhereEntry[] _where = new WhereEntry[4];
        private int _whereCount;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Bilingual explanation) =>
            InsertCore(fact, key, SourcesOf(sources.ToArray()), explanation);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Bilingual explanation) =>
            InsertCore(fact, key, sourceIds, explanation);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, IEnumerable<IFact> sources, Func<Bilingual> explain) =>
            InsertCore(fact, key, SourcesOf(sources.ToArray()), explain);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, IReadOnlyList<string> sourceIds, Func<Bilingual> explain) =>
            InsertCore(fact, key, sourceIds, explain);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Bilingual explanation) =>
            InsertCore(fact, key, sources, explanation);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, Func<Bilingual> explain) =>
            InsertCore(fact, key, sources, explain);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Expect<T>(int count) where T : DerivedFact
        {
            CheckProduces(typeof(T));
            if (typeof(T).IsSealed && count > 0)
            {
                var facts = session.BucketOf(typeof(T)).Facts;
                facts.EnsureCapacity(facts.Count + count);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public IReadOnlyList<T> All<T>() where T : class, IFact
        {
            CheckReads<T>();
            return session.All<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Count<T>() where T : class, IFact
        {
            CheckReads<T>();
            return session.Count<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public IReadOnlyList<T> Where<T>(Func<T, string> key, string value) where T : class, IFact
        {
            // A rule looks facts up by a few key selectors, over and over: the groupings it used are kept here, found by
            // the selector itself, and used while no fact of the type has come since.
            for (var i = 0; i < _whereCount; i++)
            {
                ref var entry = ref _where[i];
                if (ReferenceEquals(entry.Key, key))
                {
                    if (entry.View.Count != entry.Count)
                    {
                        entry = Lookup(key);
                    }

                    return ((Grouped<T>)entry.Grouped).Of(value);
                }
            }

            if (_whereCount == _where.Length)
            {
                Array.Resize(ref _where, _where.Length * 2);
            }

            _where[_whereCount] = Lookup(key);
            return ((Grouped<T>)_where[_whereCount++].Grouped).Of(value);
        }

        /// <summary>Forgets the groupings this rule used (the session keeps its own until it lets go of them).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ReleaseMatchMemory()
        {
            Array.Clear(_where);
            _whereCount = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private WhereEntry Lookup<T>(Func<T, string> key) where T : class, IFact
        {
            CheckReads<T>();
            var view = session.ViewOf(typeof(T));
            var count = view.Count;
            if (!session._indexCache.TryGetValue(key, out var cached) || cached.Count != count)
            {
                cached = (count, new Grouped<T>(SortedFacts(view), key));
                session._indexCache[key] = cached;
            }

            return new WhereEntry(key, view, count, cached.Lookup);
        }

        /// <summary>
        /// The sources as facts, their ids read when the explanation is; a source not inserted yet has no id
        /// to wait for, so then the ids are read now, as they are.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object SourcesOf(IFact[] facts)
        {
            foreach (var f in facts)
            {
                if (!Inserted(f))
                {
                    return facts.Select(s => s.Id).ToArray();
                }
            }

            return facts.Length == 1 ? facts[0] : facts;
        }

        /// <summary>False for a derived fact not inserted yet.</summary>
        private static bool Inserted(IFact fact) => fact is not DerivedFact derived || derived.Inserted;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckReads<T>()
        {
            if (_readable.Contains(typeof(T)))
            {
                return;
            }

            if (!rule.Definition.Reads.Any(r => r.IsAssignableFrom(typeof(T))) && !(rule.Definition.Aggregate?.FactType.IsAssignableFrom(typeof(T)) ?? false))
            {
                throw new RuleEngineException($"rule {rule.Definition.Id} reads {typeof(T).Name} facts without declaring it (Reads<{typeof(T).Name}>)", rule.Definition.Id);
            }

            _readable.Add(typeof(T));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckProduces(Type type)
        {
            if (rule.ProducesCache.Contains(type))
            {
                return;
            }

            if (!rule.Definition.Produces.Any(p => p.IsAssignableFrom(type)))
            {
                throw new RuleEngineException($"rule {rule.Definition.Id} inserted a {type.Name} but does not declare that it produces one", rule.Definition.Id);
            }

            rule.ProducesCache.Add(type);
        }

        /// <summary>One or two source facts are kept in the fact itself, more in an array.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void InsertCore(DerivedFact fact, string key, ReadOnlySpan<IFact> sources, object explanation)
        {
            if (sources.Length is 1 or 2 && Inserted(sources[0]) && Inserted(sources[^1]))
            {
                InsertCore(fact, key, sources[0], sources.Length == 2 ? sources[1] : null, explanation);
            }
            else
            {
                InsertCore(fact, key, SourcesOf(sources.ToArray()), explanation);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void InsertCore(DerivedFact fact, string key, object sources, object explanation) =>
            InsertCore(fact, key, sources, null, explanation);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void InsertCore(DerivedFact fact, string key, object sources, IFact? second, object explanation)
        {
            var type = fact.GetType();
            if (!ReferenceEquals(type, _lastProduced))
            {
                CheckProduces(type);
                _lastProduced = type;
            }

            fact.Stamp(rule.Origin, key, sources, second, explanation);
            session.Add(fact, null, key, type, rule);
        }
    }
}
