namespace Compensation.Api.Persistence.Entities;

/// <summary>
/// What a settlement run produced: the settlement as UTF-8 JSON (SettlementJson), written once with its run and
/// never changed. It is kept apart from the run because the database rewrites a whole row when any of its columns
/// changes, and a large school's settlement is tens of megabytes: finalising a run must not copy it.
/// </summary>
public sealed class SettlementOutput
{
    public long RunId { get; set; }

    /// <summary>The bytes whose SHA-256 is the run's OutputSha256.</summary>
    public required byte[] Json { get; set; }
}
