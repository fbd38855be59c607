namespace Compensation.Api.Features.Settlements;

public sealed class TermRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";

    /// <summary>The plan version to settle under; the newest when absent.</summary>
    [FastEndpoints.QueryParam]
    public int? PlanVersion { get; set; }
}

public sealed class RunRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }
}

public sealed record RunResponse(long RunId, string Status, int FinalVersion, int PlanVersion, string InputSha256, string OutputSha256, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinalisedAt, long? PreviousFinalId);

public sealed record FinaliseResponse(RunResponse Run, IReadOnlyList<Services.SettlementService.Difference> Families, IReadOnlyList<Services.SettlementService.Difference> Staff);

public sealed record ReproduceResponse(long RunId, string SavedOutputSha256, string ReproducedOutputSha256, bool Identical);
