using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Facts.Imports;

public sealed class ListImportsRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>
/// One import: which way (csv, workbook, batch, correction), who, when, what it did; for a correction
/// its reason, and for a correction or a workbook each replaced or removed fact's values before and after.
/// </summary>
public sealed record ImportListItem(
    long ImportId, string Kind, DateTimeOffset ImportedAt, string ImportedBy, string Files, string? IdempotencyKey, string? SourceName,
    string? Reason, IReadOnlyList<FactCorrectionEntry> Corrections);

/// <summary>One corrected fact: its kind (facts.json's name), id, replaced or removed, and its values before and after.</summary>
public sealed record FactCorrectionEntry(string Facts, string Id, string Action, IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?>? After);

public sealed class ListImports : ApiEndpoint<ListImportsRequest, IReadOnlyList<ImportListItem>>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/imports");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("listImports").WithTags("Facts").Produces<IReadOnlyList<ImportListItem>>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "List the term's imports and corrections: who changed which facts, when, and why";
            s.Description = "Oldest first. Files says what each import did and which fact files it made; a correction also carries its reason, and a correction or a workbook every replaced or removed fact's values before and after.";
        });
    }

    protected override async Task Handle(ListImportsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var rows = await Db.Imports.AsNoTracking().Where(i => i.TermId == term.Id).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Kind, i.ImportedAt, i.ImportedBy, i.Summary, i.IdempotencyKey, i.SourceName, i.Details })
            .ToListAsync(ct);
        await Send.OkAsync([.. rows.Select(i =>
        {
            var details = i.Details is null ? null : JsonSerializer.Deserialize<Details>(i.Details, Json);
            return new ImportListItem(i.Id, i.Kind, i.ImportedAt, i.ImportedBy, i.Summary, i.IdempotencyKey, i.SourceName, details?.Reason, details?.Changes ?? []);
        })], ct);
    }

    private sealed record Details(string? Reason, IReadOnlyList<FactCorrectionEntry>? Changes);
}
