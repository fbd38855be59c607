namespace Compensation.Rules.Engine.Model;

/// <summary>
/// A fact a rule inserted. The engine stamps its id (rule id and the key the rule gave) and its
/// provenance when it is inserted; before that both are empty.
/// </summary>
public abstract record DerivedFact : IFact
{
    private Provenance? _provenance;

    protected DerivedFact()
    {
    }

    /// <summary>A copy made with <c>with</c> is a new fact: it starts without id or provenance.</summary>
    protected DerivedFact(DerivedFact original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Id = "";
    }

    public string Id { get; private set; } = "";

    public Provenance Provenance => _provenance ?? throw new InvalidOperationException("this fact has not been inserted by a rule");

    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id.Length == 0 ? "(not inserted)" : Id);
        if (_provenance is not null)
        {
            builder.Append(", Rule = ").Append(_provenance.RuleId);
        }

        return true;
    }

    internal void Stamp(string id, Provenance provenance)
    {
        if (_provenance is not null)
        {
            throw new InvalidOperationException($"fact {Id} is already inserted; rules insert new facts, they never reuse one");
        }

        Id = id;
        _provenance = provenance;
    }
}
