using System.Text;
using Compensation.Api.Features.Facts.Import;
using Compensation.Api.Services;
using FastEndpoints;

namespace Compensation.Api.Features.Facts.Batch;

/// <summary>The batch as the request body: facts.json's lists without the term.</summary>
public sealed class FactBatchRequest : IPlainTextRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";

    /// <summary>The name problems are reported against (default batch.json).</summary>
    [QueryParam]
    public string? FileName { get; set; }

    public string Content { get; set; } = "";
}

/// <summary>The body of a batch, for the OpenAPI document (its schema is made from the kinds of fact); the endpoint reads it as text.</summary>
public sealed class FactBatchBody;

public sealed class AddFactBatch : ApiEndpoint<FactBatchRequest, ImportResponse>, IIdempotentImport
{
    protected override string? AuditAction => "facts.batch";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/facts/batch");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("addFactBatch").WithTags("Facts").Accepts<FactBatchBody>("application/json").Produces<ImportResponse>(201).Produces<ImportResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Add a batch of facts (JSON) to the term";
            s.Description = "The body is an object of lists named as in facts.json (docs/facts-format.md), without the term, e.g. {\"attendance\": [{\"student_id\": \"S1\", \"date\": \"2025-03-10\", \"status\": \"absent\"}]}. The facts are added to those the term has; the whole resulting set is checked and saved only if it has no problem (400 lists each with its JSON path and line). A fact whose id the term already has with the same values changes nothing (a batch sent twice answers 200 with repeated = true); with other values it is refused — change facts with a correction. The same Idempotency-Key with another body is refused (409).";
            s.ExampleRequest = new
            {
                attendance = new[] { new { student_id = "S02", date = "2025-04-09", status = "absent" } },
                lessons = new[] { new { lesson_id = "L0411-4", staff_id = "T03", date = "2025-04-11", slot = 4, minutes = 40, group = "托管班" } },
            };
        });
    }

    protected override async Task Handle(FactBatchRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var name = string.IsNullOrWhiteSpace(req.FileName) ? "batch.json" : Path.GetFileName(req.FileName);
        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString();
        var outcome = await FactsStore.ImportBatchAsync(term, name, Encoding.UTF8.GetBytes(req.Content), string.IsNullOrWhiteSpace(key) ? null : key, User.Identity?.Name ?? "", ct);
        // The import is read in the term's list of imports.
        await SendCreatedUnlessRepeatedAsync(ImportResponse.From(outcome), outcome.Repeated, ct, "schools", req.SchoolId, "terms", req.TermId, "imports");
    }
}
