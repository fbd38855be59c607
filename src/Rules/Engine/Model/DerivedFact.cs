namespace Compensation.Rules.Engine.Model;

/// <summary>
/// A fact a rule inserted. The engine stamps its id (rule id and the key the rule gave) and its
/// provenance when it is inserted; before that both are empty.
/// </summary>
public abstract record DerivedFact : IFact
{
    private Provenance? _provenance;

    public string Id { get; private set; } = "";

    public Provenance Provenance => _provenance ?? throw new InvalidOperationException("this fact has not been inserted by a rule");

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
