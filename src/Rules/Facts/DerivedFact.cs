using Compensation.Rules.Domain;

namespace Compensation.Rules.Facts;

/// <summary>
/// A fact a rule inserted. The engine stamps its id (rule id and the key the rule gave) and its
/// provenance when it is inserted; before that both are empty.
/// </summary>
public abstract record DerivedFact : IFact
{
    // The provenance, kept in the fact itself (a settlement derives tens of thousands of facts): the rule and its clause,
    // the sources (ids, or the source facts whose ids they are, or the one source fact) and the sentence (or the recipe
    // that writes it). Sources and sentence are worked out when first read and then kept.
    // The id is the rule's prefix and the key the rule gave: written out when first read (the engine orders and tells
    // ids apart by prefix and key), or given whole.
    private ProvenanceOrigin? _origin;
    private string? _id;
    private string? _key;
    private object? _sources;
    private IFact? _second;
    private object? _explanation;

    protected DerivedFact()
    {
    }

    /// <summary>A copy made with <c>with</c> is a new fact: it starts without id or provenance.</summary>
    protected DerivedFact(DerivedFact original)
    {
        ArgumentNullException.ThrowIfNull(original);
    }

    /// <summary>"rule-id:key" once inserted; empty before.</summary>
    public string Id => _id ?? (_key is null ? "" : _id = string.Concat(_origin!.IdPrefix, _key));

    /// <summary>Whether a rule has inserted the fact (its id and provenance are set).</summary>
    internal bool Inserted => _origin is not null;

    /// <summary>The clause its rule cites, without writing out the rest of the provenance.</summary>
    internal string Clause => _origin?.Clause ?? throw new InvalidOperationException("this fact has not been inserted by a rule");

    /// <summary>The first part of the id (the rule's "rule-id:", or the whole id when it was given whole).</summary>
    internal string IdHead => _key is null ? Id : _origin!.IdPrefix;

    /// <summary>The rest of the id (the key the rule gave), empty when the id was given whole.</summary>
    internal string IdTail => _key ?? "";

    public Provenance Provenance =>
        _origin is { } origin
            ? new Provenance(origin.RuleId, origin.Clause, SourceIds(), Explanation())
            : throw new InvalidOperationException("this fact has not been inserted by a rule");

    public virtual bool Equals(DerivedFact? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || EqualityContract != other.EqualityContract || Id != other.Id)
        {
            return false;
        }

        if (_origin is null || other._origin is null)
        {
            return _origin is null && other._origin is null;
        }

        return _origin.RuleId == other._origin.RuleId && _origin.Clause == other._origin.Clause
            && EqualityComparer<IReadOnlyList<string>>.Default.Equals(SourceIds(), other.SourceIds())
            && Explanation() == other.Explanation();
    }

    public override int GetHashCode() => HashCode.Combine(EqualityContract, Id, _origin?.RuleId);

    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id.Length == 0 ? "(not inserted)" : Id);
        if (_origin is not null)
        {
            builder.Append(", Rule = ").Append(_origin.RuleId);
        }

        return true;
    }

    internal void Stamp(string id, Provenance provenance)
    {
        Stamp(new ProvenanceOrigin(provenance.RuleId, provenance.Clause), "", provenance.SourceIds, null, provenance.Explanation);
        (_id, _key) = (id, null);
    }

    /// <param name="origin">The rule and clause (and the id's prefix).</param>
    /// <param name="key">The key the rule gave: the id is the origin's prefix and the key.</param>
    /// <param name="sources">The source ids (an <see cref="IReadOnlyList{T}"/> of string), the source facts (IFact[]) or the (first) source fact.</param>
    /// <param name="second">With one source fact in <paramref name="sources"/>, the second source fact, if there are two.</param>
    /// <param name="explanation">The sentence (<see cref="Bilingual"/>) or what writes it (Func of <see cref="Bilingual"/>).</param>
    internal void Stamp(ProvenanceOrigin origin, string key, object sources, IFact? second, object explanation)
    {
        if (_origin is not null)
        {
            throw new InvalidOperationException($"fact {Id} is already inserted; rules insert new facts, they never reuse one");
        }

        _key = key;
        _origin = origin;
        _sources = sources;
        _second = second;
        _explanation = explanation;
    }

    // Both are read by several threads at once (the JSON of a large settlement is written in parts): each field is read
    // once into a local, and written whole at the end. Two threads may work the same value out; they get the same one.
    private IReadOnlyList<string> SourceIds()
    {
        var sources = _sources;
        if (sources is IReadOnlyList<string> ids)
        {
            return ids;
        }

        string[] built;
        if (sources is IFact[] facts)
        {
            built = new string[facts.Length];
            for (var i = 0; i < facts.Length; i++)
            {
                built[i] = facts[i].Id;
            }
        }
        else
        {
            built = _second is { } second ? [((IFact)sources!).Id, second.Id] : [((IFact)sources!).Id];
        }

        _sources = built;
        return built;
    }

    private Bilingual Explanation()
    {
        var explanation = _explanation;
        if (explanation is Bilingual b)
        {
            return b;
        }

        var written = ((Func<Bilingual>)explanation!)();
        _explanation = written;
        return written;
    }
}

/// <summary>The rule a derived fact came from and the clause it cites: one per rule and session, shared by its facts.</summary>
internal sealed record ProvenanceOrigin(string RuleId, string Clause)
{
    /// <summary>"rule-id:", the start of the id of every fact the rule inserts.</summary>
    public string IdPrefix { get; } = RuleId + ":";
}
