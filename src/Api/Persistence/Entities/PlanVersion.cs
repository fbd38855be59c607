namespace Compensation.Api.Persistence.Entities;

/// <summary>One uploaded version of a school's plan (policy file). Versions are never changed or deleted.</summary>
public sealed class PlanVersion
{
    public long Id { get; set; }
    public required string SchoolId { get; set; }
    public int Version { get; set; }
    public required string FileName { get; set; }
    public required string Content { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
