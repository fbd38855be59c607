using Compensation.Api.Features.Facts.Import;
using Compensation.Api.Services;
using Compensation.Rules;

namespace Compensation.Api.Features.Facts.ImportWorkbook;

/// <summary>The form of a workbook import, for the OpenAPI document: the one .xlsx file.</summary>
public sealed class WorkbookForm
{
    public required IFormFile File { get; init; }
}

public sealed class ImportFactsWorkbook : ApiEndpoint<ImportFactsRequest, ImportResponse>, IIdempotentImport
{
    protected override string? AuditAction => "facts.import-workbook";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/facts/workbook");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        AllowFileUploads();
        Description(b => b.WithName("importFactsWorkbook").WithTags("Facts").Accepts<WorkbookForm>("multipart/form-data").Produces<ImportResponse>(201).Produces<ImportResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Import the term's facts from one Excel workbook (the template)";
            s.Description = "Multipart form data with one .xlsx file, filled from GET …/facts/template.xlsx. Each fact sheet in the workbook replaces the term's facts of its kind (an empty sheet empties it); a sheet left out keeps its kind as it is; 说明 is not read. Headers may be the template's (\"学生编号 student_id\"), the Chinese label or the column name. The whole resulting set is checked and saved only if it has no problem (400 lists every problem with the sheet, row and column). Changes tells, by fact id, what the import did to each kind it changed: facts added, replaced (the same id with other values; their values before and after are listed with the import in GET …/imports) and removed, and how many stayed the same. The same workbook again, or the same Idempotency-Key with the same body, changes nothing and answers 200 with repeated = true and no changes; the key with another body is refused (409).";
            s.ExampleRequest = new Dictionary<string, string> { ["file"] = "facts-2025-spring.xlsx (the filled template)" };
        });
    }

    protected override async Task Handle(ImportFactsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        if (Files.Count != 1)
        {
            throw ServiceError.BadInput("one-workbook", "send exactly one workbook", [new InputError("", 0, "files", $"expected one .xlsx file, got {Files.Count} files")]);
        }

        var file = Files[0];
        var name = Path.GetFileName(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName);
        if (!name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw ServiceError.BadInput("not-a-workbook", "send an Excel workbook (.xlsx)", [new InputError(name, 0, "", "expected an .xlsx workbook; CSV files go to POST …/facts, JSON batches to …/facts/batch")]);
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString();
        var outcome = await FactsStore.ImportWorkbookAsync(term, name, ms.ToArray(), string.IsNullOrWhiteSpace(key) ? null : key, User.Identity?.Name ?? "", ct);
        // The import is read in the term's list of imports.
        await SendCreatedUnlessRepeatedAsync(ImportResponse.From(outcome), outcome.Repeated, ct, "schools", req.SchoolId, "terms", req.TermId, "imports");
    }
}
