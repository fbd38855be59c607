using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Plans.Upload;

public sealed class UploadPlan : ApiEndpoint<UploadPlanRequest, PlanResponse>
{
    protected override string? AuditAction => "plans.upload";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/plans");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("uploadPlan").WithTags("Plans").Accepts<string>("text/plain", "application/yaml").Produces<PlanResponse>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Upload a new version of the school's plan";
            s.Description = "The body is the policy file (docs/policy-format.md). It is validated completely; a file with problems is refused with each problem's line and field, and nothing is saved. Versions are kept; a settlement records the version it used. The same file twice makes no new version.";
        });
    }

    protected override async Task Handle(UploadPlanRequest req, CancellationToken ct)
    {
        await SchoolAsync(req.SchoolId, ct);
        var fileName = string.IsNullOrWhiteSpace(req.FileName) ? "policy.yaml" : Path.GetFileName(req.FileName);
        var policy = PolicyLoader.LoadText(req.Content, fileName, PolicyReadings.Current);
        var sha = Hashing.Sha256(req.Content);
        var readings = PolicyReadings.Current.ToJson();
        var latest = await Db.Plans.AsNoTracking().Where(p => p.SchoolId == req.SchoolId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

        // The same text read the same way is the same plan; the same text stored under earlier readings is not.
        if (latest is not null && latest.Sha256 == sha && latest.Readings == readings)
        {
            await Send.ResponseAsync(ToResponse(latest, policy.Plan), 200, ct);
            return;
        }

        var row = new PlanVersion
        {
            SchoolId = req.SchoolId,
            Version = (latest?.Version ?? 0) + 1,
            FileName = fileName,
            Content = req.Content,
            Sha256 = sha,
            UploadedAt = Clock.GetUtcNow(),
            UploadedBy = User.Identity?.Name ?? "",
            Readings = readings,
        };
        Db.Plans.Add(row);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (school, version) index: another version was saved since this one was numbered.
            throw new ServiceError(409, "plan-version-conflict", $"another plan version of school {req.SchoolId} was saved at the same time as this one; nothing was saved: send it again");
        }

        // A version is read in the list of the school's versions.
        await SendCreatedAsync(ToResponse(row, policy.Plan), ct, "schools", req.SchoolId, "plans");
    }

    internal static PlanResponse ToResponse(PlanVersion p, string plan) => new(p.SchoolId, p.Version, p.FileName, p.Sha256, p.UploadedAt, p.UploadedBy, plan);
}
