namespace Compensation.Api.Persistence.Entities;

/// <summary>One uploaded version of a school's plan (policy file). Versions are never changed or deleted; <see cref="Services.PlanPolicies"/> reads one as a policy.</summary>
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

    /// <summary>
    /// How the plan reads where its text is silent (<see cref="Compensation.Rules.Policy.PolicyReadings"/> as JSON),
    /// fixed when it was uploaded: versions stored before the plans' readings were stated keep the earlier ones.
    /// </summary>
    public required string Readings { get; set; }
}
