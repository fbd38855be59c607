using Compensation.Api.Services;
using Compensation.Rules;

namespace Compensation.Api.Features.Settlements.Finalise;

public sealed class FinaliseSettlement : ApiEndpoint<FinaliseRequest, FinaliseResponse>
{
    protected override string? AuditAction => "settlements.finalise";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/finalise");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        // The body is optional: a settlement without error findings is finalised by a POST with no body and no
        // Content-Type, which routing sends only to a route that also takes "*/*"; Handle refuses other types itself.
        Description(b => b.Accepts<FinaliseRequest>(isOptional: true, "application/json", "*/*").WithName("finaliseSettlement").WithTags("Settlements").Produces<FinaliseResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Finalise a draft";
            s.Description = "Settles the draft's saved inputs again and checks the bytes are identical, then makes it the term's next final version (immutable) and publishes its pay lines to the HR feed. The answer lists, per family and staff member, what changes against the previous final version (多退少补). Of two finalisations of one term at the same time exactly one wins; the other gets 409. A settlement with findings of severity error is refused (409 error-findings, each finding listed) unless the body gives the reason it is finalised all the same, {\"override\": \"…\"}, which is kept on the run and in the audit log; without error findings no body is needed.";
            s.ExampleRequest = new FinaliseRequest { Override = "考核小组已复核：T03 的扣除比例经校务会确认" };
        });
    }

    protected override async Task Handle(FinaliseRequest req, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(HttpContext.Request.ContentType) && !HttpContext.Request.HasJsonContentType())
        {
            throw new ServiceError(415, "unsupported-media-type", $"the route does not take a body of type '{HttpContext.Request.ContentType}'; see its request body in the OpenAPI document");
        }

        var reason = req.Override?.Trim();
        if (reason is not null && (reason.Length == 0 || reason.Length > FinaliseRequest.MaxOverrideLength))
        {
            throw ServiceError.BadInput("bad-input", "the override reason is empty or too long; nothing was changed",
                [new InputError("", 0, "override", $"the reason the settlement is finalised despite its error findings: 1 to {FinaliseRequest.MaxOverrideLength} characters")]);
        }

        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var outcome = await Settlements.FinaliseAsync(term, req.RunId, User.Identity?.Name ?? "", reason, ct);
        if (outcome.Run.FinaliseOverride is { } used)
        {
            AuditNote = "finalised despite error findings: " + used;
        }

        await Send.OkAsync(new FinaliseResponse(await Runs.ToResponseAsync(Db, outcome.Run, ct), outcome.Families, outcome.Staff), ct);
    }
}
