namespace Compensation.Api.Persistence.Entities;

/// <summary>
/// What a settlement run produced: the settlement as UTF-8 JSON (SettlementJson), written once with its run and
/// never changed. It is kept apart from the run because the database rewrites a whole row when any of its columns
/// changes, and a large school's settlement is tens of megabytes of JSON: finalising a run must not copy it.
/// </summary>
public sealed class SettlementOutput
{
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public long RunId { get; set; }

    /// <summary>The JSON, encoded as <see cref="ContentEncoding"/> says; the SHA-256 of the JSON itself is the run's OutputSha256.</summary>
    public required byte[] Content { get; set; }

    /// <summary><see cref="Gzip"/> (some twenty times smaller) or <see cref="Identity"/> (moved as it was from an older database).</summary>
    public required string ContentEncoding { get; set; }
}
