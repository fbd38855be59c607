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
}
