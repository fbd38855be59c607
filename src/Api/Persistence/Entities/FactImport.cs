namespace Compensation.Api.Persistence.Entities;

/// <summary>One accepted import of fact files into a term: who, when, which files, and how to recognise a repeat.</summary>
public sealed class FactImport
{
    public long Id { get; set; }
    public long TermId { get; set; }
    public string? IdempotencyKey { get; set; }
    public required string BodySha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public required string Summary { get; set; }
}
