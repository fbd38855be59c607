namespace Compensation.Api.Features.Settlements.Draft;

public sealed class DraftSettlement : ApiEndpoint<TermRequest, RunResponse>
{
    protected override string? AuditAction => "settlements.draft";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("draftSettlement").WithTags("Settlements").Produces<RunResponse>(201).ProducesProblem(400).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Save a draft settlement of the term";
            s.Description = "Settles the current facts under the newest plan (or ?planVersion=N) and saves the result with the hashes of its inputs and output.";
        });
    }

    protected override async Task Handle(TermRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var run = await Settlements.DraftAsync(term, req.PlanVersion, User.Identity?.Name ?? "", ct);
        await SendCreatedAsync(await Runs.ToResponseAsync(Db, run, ct), ct, "schools", req.SchoolId, "terms", req.TermId, "settlements", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
