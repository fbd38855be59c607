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

/// <summary>A saved settlement run. FinaliseOverride: why it was finalised although it had findings of severity error (null when it had none, or for a draft).</summary>
public sealed record RunResponse(long RunId, string Status, int FinalVersion, int PlanVersion, string InputSha256, string OutputSha256, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinalisedAt, long? PreviousFinalId, string? FinaliseOverride = null);

public sealed class FinaliseRequest
{
    /// <summary>The longest reason kept: a sentence or two for the audit log, not a document.</summary>
    public const int MaxOverrideLength = 1000;

    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }

    /// <summary>
    /// Why the settlement is finalised although it has findings of severity error (kept on the run and in the audit
    /// log). Leave it out when there are none; without it, a settlement with error findings is refused (409 error-findings).
    /// </summary>
    public string? Override { get; set; }
}

public sealed record FinaliseResponse(RunResponse Run, IReadOnlyList<Services.SettlementService.Difference> Families, IReadOnlyList<Services.SettlementService.Difference> Staff);

public sealed record ReproduceResponse(long RunId, string SavedOutputSha256, string ReproducedOutputSha256, bool Identical);
