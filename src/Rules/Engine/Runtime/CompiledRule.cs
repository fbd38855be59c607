using System.Runtime.CompilerServices;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// A rule with its place in the session and its join memory. The anchor facts are indexed once
/// per join by the key they offer that join; each joined pattern's facts by their own key, so
/// matching a new fact is a hash look-up, never a scan of the other facts.
/// </summary>
internal sealed class CompiledRule
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledRule(RuleDefinition definition, int ordinal, int stratum)
    {
        Definition = definition;
        Ordinal = ordinal;
        Stratum = stratum;
        Origin = new ProvenanceOrigin(definition.Id, definition.Clause);
        var n = definition.Patterns.Count;
        AnchorIndexes = new Dictionary<object, FactRefs>[n];
        OwnIndexes = new Dictionary<object, FactRefs>[n];
        for (var i = 1; i < n; i++)
        {
            AnchorIndexes[i] = [];
            OwnIndexes[i] = [];
        }

        ScratchTuple = new object[n];
        ScratchIds = new string[n];
        var types = definition.Patterns.Select(p => p.FactType).ToList();
        NeedsRefraction = types.Any(t => types.Count(u => u.IsAssignableFrom(t) || t.IsAssignableFrom(u)) > 1);
    }

    public RuleDefinition Definition { get; }
    public int Ordinal { get; }
    public int Stratum { get; }

    /// <summary>The rule's place in agenda order (stratum, then priority, then id), as one number.</summary>
    public int Rank { get; set; }

    /// <summary>The rule and clause every fact the rule inserts cites.</summary>
    public ProvenanceOrigin Origin { get; }

    public int Firings { get; set; }

    /// <summary>The session's id space of the rule's facts (the part of their ids before the key), set by the session.</summary>
    public IdSpace? IdSpace { get; set; }

    /// <summary>Index i (i ≥ 1): anchor facts by the key they offer join i.</summary>
    public Dictionary<object, FactRefs>[] AnchorIndexes { get; }

    /// <summary>Index i (i ≥ 1): facts of pattern i by their own key.</summary>
    public Dictionary<object, FactRefs>[] OwnIndexes { get; }

    /// <summary>Where matching puts a tuple together (pattern order): the facts and their ids.</summary>
    public object[] ScratchTuple { get; }

    public string[] ScratchIds { get; }

    /// <summary>True when one fact can match two patterns of this rule, so a tuple could be formed twice.</summary>
    public bool NeedsRefraction { get; }

    public HashSet<TupleKey> Fired { get; } = [];

    /// <summary>Clears the join memory and the fired tuples: for a session that has run and is only read from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReleaseMatchMemory()
    {
        foreach (var index in AnchorIndexes.Concat(OwnIndexes))
        {
            index?.Clear();
            index?.TrimExcess();
        }

        Fired.Clear();
        Fired.TrimExcess();
    }

    public HashSet<Type> ProducesCache { get; } = [];
}

/// <summary>The facts under one key of a join index: the first in place (most keys have one fact), the others in a list.</summary>
internal sealed class FactRefs
{
    private FactRef _first;
    private List<FactRef>? _more;

    public int Count { get; private set; }

    public FactRef this[int i] => i == 0 ? _first : _more![i - 1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(FactRef fact)
    {
        if (Count == 0)
        {
            _first = fact;
        }
        else
        {
            (_more ??= []).Add(fact);
        }

        Count++;
    }
}

/// <summary>
/// A fact in the session with the id it was inserted under: an input fact's read once (it may build it on every read);
/// a derived fact's left to the fact, which writes it out when first asked, and read meanwhile in its two parts.
/// </summary>
internal readonly struct FactRef(IFact fact, string? id)
{
    public IFact Fact { get; } = fact;

    public string Id => id ?? Fact.Id;

    /// <summary>The id's first part: the whole id of an input fact, a derived fact's rule prefix.</summary>
    public string Head => id ?? Unsafe.As<DerivedFact>(Fact).IdHead;

    /// <summary>The id's rest: empty for an input fact, a derived fact's key.</summary>
    public string Tail => id is null ? Unsafe.As<DerivedFact>(Fact).IdTail : "";
}

/// <summary>The identity of a fired tuple: the rule and its facts by reference.</summary>
internal readonly struct TupleKey(object[] facts) : IEquatable<TupleKey>
{
    private readonly object[] _facts = facts;

    public bool Equals(TupleKey other)
    {
        if (_facts.Length != other._facts.Length)
        {
            return false;
        }

        for (var i = 0; i < _facts.Length; i++)
        {
            if (!ReferenceEquals(_facts[i], other._facts[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is TupleKey k && Equals(k);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var f in _facts)
        {
            h.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(f));
        }

        return h.ToHashCode();
    }
}
