using System.Runtime.CompilerServices;
namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// A rule ready to fire on one tuple of facts (or one aggregated group). A rule of one pattern fires on one fact, the
/// usual case: the activation then holds the fact and its id itself and is the action's argument list.
/// </summary>
internal sealed class Activation : IReadOnlyList<object>
{
    private readonly object[]? _arguments;
    private readonly object? _fact;
    private readonly string[]? _orderIds;
    private readonly string? _orderId;

    /// <summary>An activation on one fact.</summary>
    public Activation(CompiledRule rule, object fact, string id)
    {
        Rule = rule;
        _fact = fact;
        _orderId = id;
    }

    /// <summary>An activation on several facts (or a group's key and facts), ordered by the ids of its facts.</summary>
    public Activation(CompiledRule rule, object[] arguments, string[] orderIds)
    {
        Rule = rule;
        _arguments = arguments;
        _orderIds = orderIds;
    }

    /// <summary>An activation on several facts (or a group's key and facts), ordered by one id.</summary>
    public Activation(CompiledRule rule, object[] arguments, string orderId)
    {
        Rule = rule;
        _arguments = arguments;
        _orderId = orderId;
    }

    public CompiledRule Rule { get; }

    /// <summary>What the action gets: the matched facts in pattern order, or a group's key and facts.</summary>
    public IReadOnlyList<object> Arguments => _arguments ?? (IReadOnlyList<object>)this;

    /// <summary>How many ids order the activation (the ids of the facts it is about, compared in order to break ties).</summary>
    public int OrderIdCount => _orderIds?.Length ?? 1;

    int IReadOnlyCollection<object>.Count => 1;

    object IReadOnlyList<object>.this[int index] => index == 0 ? _fact! : throw new ArgumentOutOfRangeException(nameof(index));

    public string OrderId(int i) => _orderIds is null ? _orderId! : _orderIds[i];

    IEnumerator<object> IEnumerable<object>.GetEnumerator()
    {
        yield return _fact!;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<object>)this).GetEnumerator();
}

/// <summary>
/// Agenda order: stratum first (aggregations after their inputs), then priority (salience,
/// higher first), then rule id (the three as the rule's <see cref="CompiledRule.Rank"/>), then
/// the ids of the matched facts: never the order of insertion.
/// </summary>
internal sealed class ActivationOrder : IComparer<Activation>
{
    public static readonly ActivationOrder Instance = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Compare(Activation? x, Activation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var c = x!.Rule.Rank.CompareTo(y!.Rule.Rank);
        if (c != 0)
        {
            return c;
        }

        var n1 = x.OrderIdCount;
        var n2 = y.OrderIdCount;
        var len = Math.Min(n1, n2);
        for (var i = 0; i < len; i++)
        {
            c = Ids.Compare(x.OrderId(i), y.OrderId(i));
            if (c != 0)
            {
                return c;
            }
        }

        return n1.CompareTo(n2);
    }
}

/// <summary>
/// The activations waiting to fire, taken in <see cref="ActivationOrder"/>: the pending rule of the lowest rank, and
/// of its activations the one with the least ids. Each rule keeps the activations that arrive in id order (the usual
/// case: rules fire in id order and insert in id order) in a plain queue, and only the others in a heap.
/// </summary>
internal sealed class Agenda
{
    private readonly RulePending[] _byRank;
    private int _lowest;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Agenda(IReadOnlyList<CompiledRule> rules)
    {
        _byRank = new RulePending[rules.Count];
        foreach (var r in rules)
        {
            _byRank[r.Rank] = new RulePending(r);
        }

        _lowest = _byRank.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Enqueue(Activation activation)
    {
        var rank = activation.Rule.Rank;
        _byRank[rank].Add(activation);
        if (rank < _lowest)
        {
            _lowest = rank;
        }
    }

    /// <summary>The rule whose activation fires next, or null when none is waiting.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledRule? NextRule()
    {
        while (_lowest < _byRank.Length && _byRank[_lowest].IsEmpty)
        {
            _lowest++;
        }

        return _lowest < _byRank.Length ? _byRank[_lowest].Rule : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Activation Dequeue()
    {
        if (NextRule() is null)
        {
            throw new InvalidOperationException("the agenda is empty");
        }

        return _byRank[_lowest].Take();
    }

    private sealed class RulePending(CompiledRule rule)
    {
        private readonly List<Activation> _queue = [];
        private PriorityQueue<Activation, Activation>? _heap;
        private int _head;

        public CompiledRule Rule { get; } = rule;

        public bool IsEmpty => _head == _queue.Count && (_heap is null || _heap.Count == 0);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(Activation a)
        {
            if (_head == _queue.Count && _head > 0)
            {
                _queue.Clear();
                _head = 0;
            }

            if (_queue.Count == _head || ActivationOrder.Instance.Compare(_queue[^1], a) < 0)
            {
                _queue.Add(a);
                return;
            }

            _heap ??= new PriorityQueue<Activation, Activation>(ActivationOrder.Instance);
            _heap.Enqueue(a, a);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Activation Take()
        {
            var fromQueue = _head < _queue.Count;
            if (_heap is { Count: > 0 } heap && (!fromQueue || ActivationOrder.Instance.Compare(heap.Peek(), _queue[_head]) < 0))
            {
                return heap.Dequeue();
            }

            var a = _queue[_head];
            _queue[_head] = null!;
            _head++;
            return a;
        }
    }
}
