namespace Compensation.Api.Features.Settlements.Finalise;

public sealed class Endpoint : ApiEndpoint<RunRequest, FinaliseResponse>
{
    protected override string? AuditAction => "settlements.finalise";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/finalise");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("finaliseSettlement").WithTags("Settlements").Produces<FinaliseResponse>(200).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Finalise a draft";
            s.Description = "Settles the draft's saved inputs again and checks the bytes are identical, then makes it the term's next final version (immutable) and publishes its pay lines to the HR feed. The answer lists, per family and staff member, what changes against the previous final version (多退少补). Of two finalisations of one term at the same time exactly one wins; the other gets 409.";
        });
    }

    protected override async Task Handle(RunRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var outcome = await Settlements.FinaliseAsync(term, req.RunId, User.Identity?.Name ?? "", ct);
        await Send.OkAsync(new FinaliseResponse(await Runs.ToResponseAsync(Db, outcome.Run, ct), outcome.Families, outcome.Staff), ct);
    }
}
