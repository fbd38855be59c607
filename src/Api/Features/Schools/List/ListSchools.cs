using Compensation.Api.Auth;
using Compensation.Api.Features.Schools.Create;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Schools.List;

public sealed class ListSchools : ApiEndpoint<EmptyRequest, IReadOnlyList<SchoolResponse>>
{
    public override void Configure()
    {
        Get("/schools");
        Description(b => b.WithName("listSchools").WithTags("Schools").Produces<IReadOnlyList<SchoolResponse>>(200));
        Summary(s =>
        {
            s.Summary = "List the schools the key may see";
            s.Description = "Admin: every school. Other keys: their own school only.";
        });
    }

    protected override async Task Handle(EmptyRequest req, CancellationToken ct)
    {
        var schools = await Db.Schools.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        await Send.OkAsync([.. schools.Where(s => User.CanSee(s.Id)).Select(s => new SchoolResponse(s.Id, s.Name))], ct);
    }
}
