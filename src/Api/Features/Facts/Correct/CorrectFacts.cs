using System.Text;
using Compensation.Api.Features.Facts.Batch;
using Compensation.Api.Features.Facts.Import;
using Compensation.Api.Services;
using Compensation.Rules;
using Compensation.Rules.Facts.Loading;

namespace Compensation.Api.Features.Facts.Correct;

/// <summary>The body of a correction, for the OpenAPI document (its schema is made from the kinds of fact); the endpoint reads it as text.</summary>
public sealed class FactCorrectionBody;

public sealed class CorrectFacts : ApiEndpoint<FactBatchRequest, ImportResponse>, IIdempotentImport
{
    protected override string? AuditAction => "facts.correct";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/facts/corrections");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("correctFacts").WithTags("Facts").Accepts<FactCorrectionBody>("application/json").Produces<ImportResponse>(201).Produces<ImportResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Correct facts by their ids: replace or remove them, with a reason";
            s.Description = "The body: {\"reason\": \"…\", \"replace\": {\"lessons\": [{…the whole corrected fact…}]}, \"remove\": {\"conduct\": [\"C2\"], \"attendance\": [\"S1 2025-03-10\"]}}. Every id must be one the term has (attendance is named by student id and date). The corrected set is checked whole and saved only without a problem; the import list and the audit log keep the reason and each fact's values before and after. A correction after a final settlement is settled as a new version, whose finalisation gives the differences to pay or refund.";
            s.ExampleRequest = new
            {
                reason = "考核小组复议：C04 有请假条；L0317-2 实际上课 45 分钟",
                replace = new { lessons = new[] { new { lesson_id = "L0317-2", staff_id = "T02", date = "2025-03-17", slot = 2, minutes = 45, group = "托管班" } } },
                remove = new { conduct = new[] { "C04" } },
            };
        });
    }

    protected override async Task Handle(FactBatchRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var name = string.IsNullOrWhiteSpace(req.FileName) ? "correction.json" : Path.GetFileName(req.FileName);
        var bytes = Encoding.UTF8.GetBytes(req.Content);
        var errors = new List<InputError>();
        var correction = FactCorrections.Read(name, bytes, errors) ?? throw new InputException(errors);
        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString();
        var outcome = await FactsStore.CorrectAsync(term, name, bytes, correction, errors, string.IsNullOrWhiteSpace(key) ? null : key, User.Identity?.Name ?? "", ct);
        AuditNote = outcome.Repeated
            ? "nothing changed"
            : $"import {outcome.Import.Id}: {correction.Reason} — {outcome.Import.Summary}; {outcome.Import.Details}";
        // The import is read in the term's list of imports.
        await SendCreatedUnlessRepeatedAsync(ImportResponse.From(outcome), outcome.Repeated, ct, "schools", req.SchoolId, "terms", req.TermId, "imports");
    }
}
