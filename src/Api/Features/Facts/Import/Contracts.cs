namespace Compensation.Api.Features.Facts.Import;

public sealed class ImportFactsRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

public sealed record ImportResponse(long ImportId, bool Repeated, DateTimeOffset ImportedAt, string ImportedBy, IReadOnlyList<ImportedFile> Files);

public sealed record ImportedFile(string FileName, int Rows, string Sha256);
