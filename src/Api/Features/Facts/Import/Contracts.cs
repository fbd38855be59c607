using Compensation.Api.Services;

namespace Compensation.Api.Features.Facts.Import;

/// <summary>An import that honours the Idempotency-Key header: the same key with the same body changes nothing, with another body it is refused.</summary>
public interface IIdempotentImport;

/// <summary>The form of a CSV import, for the OpenAPI document: one file part per fact file, named as the file (lessons.csv, …).</summary>
public sealed class FactFilesForm : Dictionary<string, IFormFile>;

public sealed class ImportFactsRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>
/// An import's outcome: its id, whether it was a repeat that changed nothing, the fact files it made
/// (one per kind of fact touched) and, for workbooks, batches and corrections, what it did to each kind.
/// </summary>
public sealed record ImportResponse(long ImportId, string Kind, bool Repeated, DateTimeOffset ImportedAt, string ImportedBy, IReadOnlyList<ImportedFile> Files, IReadOnlyList<ImportChange> Changes)
{
    public static ImportResponse From(TermFactsStore.ImportOutcome outcome) => new(
        outcome.Import.Id,
        outcome.Import.Kind,
        outcome.Repeated,
        outcome.Import.ImportedAt,
        outcome.Import.ImportedBy,
        [.. outcome.Files.Select(x => new ImportedFile(x.FileName, x.Rows, x.Sha256))],
        [.. outcome.Changes.Select(c => new ImportChange(c.Facts, c.Added, c.Replaced, c.Removed, c.Unchanged))]);
}

public sealed record ImportedFile(string FileName, int Rows, string Sha256);

/// <summary>What an import did to one kind of fact (facts.json's name for it, e.g. "lessons").</summary>
public sealed record ImportChange(string Facts, int Added, int Replaced, int Removed, int Unchanged);
