using Compensation.Api.Services;

namespace Compensation.Api.Features.Facts.Import;

public sealed class ImportFacts : ApiEndpoint<ImportFactsRequest, ImportResponse>, IIdempotentImport
{
    protected override string? AuditAction => "facts.import";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/facts");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        AllowFileUploads();
        Description(b => b.WithName("importFacts").WithTags("Facts").Accepts<FactFilesForm>("multipart/form-data").Produces<ImportResponse>(201).Produces<ImportResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Import fact files (CSV) into a term";
            s.Description = "Multipart form data, one part per file, named like the files of docs/facts-format.md (enrolments.csv, lessons.csv, …). The files sent replace the term's files of the same name; the whole new set is checked and saved only if it has no problem at all (400 lists every problem with file, row and column). Sending the same files again, or the same Idempotency-Key header with the same body, changes nothing and answers 200 with repeated = true; the same key with another body is refused (409).";
            s.ExampleRequest = new Dictionary<string, string>
            {
                ["staff.csv"] = "staff_id,name,employee_no,role,external,agreement_amount\nT01,王老师,E001,teacher,false,\nT02,李老师,E002,teacher,false,\n",
                ["lessons.csv"] = "lesson_id,staff_id,date,slot,minutes,group\nL0317-1,T01,2025-03-17,1,40,托管班\nL0317-2,T02,2025-03-17,2,40,托管班\n",
                ["attendance.csv"] = "student_id,date,status\nS06,2025-03-31,leave\nS06,2025-04-01,leave\n",
            };
        });
    }

    protected override async Task Handle(ImportFactsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in Files)
        {
            var name = Path.GetFileName(string.IsNullOrEmpty(f.FileName) ? f.Name : f.FileName);
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            files[name] = ms.ToArray();
        }

        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString();
        var outcome = await FactsStore.ImportAsync(term, files, string.IsNullOrWhiteSpace(key) ? null : key, User.Identity?.Name ?? "", ct);
        // The import is read in the term's list of imports.
        await SendCreatedUnlessRepeatedAsync(ImportResponse.From(outcome), outcome.Repeated, ct, "schools", req.SchoolId, "terms", req.TermId, "imports");
    }
}
