using Compensation.Api.Features.Plans.Upload;
using Compensation.Api.Services;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Plans.List;

public sealed class ListPlansRequest
{
    public string SchoolId { get; set; } = "";
}

public sealed class ListPlans : ApiEndpoint<ListPlansRequest, IReadOnlyList<PlanResponse>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/plans");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("listPlans").WithTags("Plans").Produces<IReadOnlyList<PlanResponse>>(200).ProducesProblem(404));
        Summary(s => s.Summary = "List the versions of the school's plan");
    }

    protected override async Task Handle(ListPlansRequest req, CancellationToken ct)
    {
        await SchoolAsync(req.SchoolId, ct);
        var policies = Resolve<PlanPolicies>();
        var plans = await Db.Plans.AsNoTracking().Where(p => p.SchoolId == req.SchoolId).OrderBy(p => p.Version).ToListAsync(ct);
        await Send.OkAsync([.. plans.Select(p => Upload.UploadPlan.ToResponse(p, policies.Of(p).Plan))], ct);
    }
}
