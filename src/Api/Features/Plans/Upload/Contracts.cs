using FastEndpoints;

namespace Compensation.Api.Features.Plans.Upload;

/// <summary>The policy file as the request body (text/plain or application/yaml), YAML or JSON.</summary>
public sealed class UploadPlanRequest : IPlainTextRequest
{
    public string SchoolId { get; set; } = "";

    /// <summary>The file name errors are reported against, e.g. policy.yaml.</summary>
    [QueryParam]
    public string? FileName { get; set; }

    public string Content { get; set; } = "";
}

public sealed record PlanResponse(string SchoolId, int Version, string FileName, string Sha256, DateTimeOffset UploadedAt, string UploadedBy, string Plan);
