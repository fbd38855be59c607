namespace Compensation.Api.Persistence.Entities;

public enum RunStatus
{
    Draft = 1,
    Final = 2,
}

/// <summary>
/// A saved settlement of a term: the plan version and fact files it used (by hash), the hash of its
/// result (the result itself is its <see cref="SettlementOutput"/>), and for a final one the hashes that let anyone reproduce it byte for byte.
/// </summary>
public sealed class SettlementRun
{
    public long Id { get; set; }
    public long TermId { get; set; }
    public long PlanVersionId { get; set; }
    public RunStatus Status { get; set; }

    /// <summary>1, 2, … among the term's final settlements; 0 for drafts.</summary>
    public int FinalVersion { get; set; }

    public long? PreviousFinalId { get; set; }

    /// <summary>The term's newest final run when this draft was made: a draft finalises only if that is still the newest.</summary>
    public long? BasedOnFinalId { get; set; }
    public required string InputSha256 { get; set; }
    public required string OutputSha256 { get; set; }

    /// <summary>The fact file ids used, comma-separated, so the inputs can be fetched again.</summary>
    public required string FactFileIds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }
    public string? FinalisedBy { get; set; }

    /// <summary>Why a settlement with error findings was finalised all the same, as the finaliser gave it; null when it had none.</summary>
    public string? FinaliseOverride { get; set; }

    /// <summary>Set on a term's newest final run; a unique index on (TermId, Latest) lets one finalisation win.</summary>
    public bool? LatestFinal { get; set; }
}
