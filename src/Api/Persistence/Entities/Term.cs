namespace Compensation.Api.Persistence.Entities;

/// <summary>A school's term; its facts and settlements hang off it.</summary>
public sealed class Term
{
    public long Id { get; set; }
    public required string SchoolId { get; set; }
    public required string TermId { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// How many times the term's facts have changed. Every change is checked against the facts as they were and
    /// saved only if they still are (this number is unchanged), so two imports at once cannot both be saved.
    /// </summary>
    public int FactsVersion { get; set; }
}
