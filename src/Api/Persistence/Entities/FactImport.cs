namespace Compensation.Api.Persistence.Entities;

/// <summary>
/// One accepted change to a term's facts: who, when, which way (CSV files, a workbook, a JSON batch or
/// a correction), the files it made, how to recognise a repeat, and for the ways whose files are made
/// from the request, the request itself and, for a correction, its reason and the old and new values.
/// </summary>
public sealed class FactImport
{
    public long Id { get; set; }
    public long TermId { get; set; }

    /// <summary>csv, workbook, batch or correction (<see cref="Services.TermFactsStore.Kinds"/>).</summary>
    public string Kind { get; set; } = Services.TermFactsStore.Kinds.Csv;
    public string? IdempotencyKey { get; set; }
    public required string BodySha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public required string Summary { get; set; }

    /// <summary>The workbook, batch or correction as sent (CSV files are kept as the fact files themselves).</summary>
    public string? SourceName { get; set; }
    public byte[]? Source { get; set; }

    /// <summary>JSON: a correction's reason and, per fact, the values before and after.</summary>
    public string? Details { get; set; }
}
