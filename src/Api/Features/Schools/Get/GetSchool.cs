using Compensation.Api.Features.Schools.Create;

namespace Compensation.Api.Features.Schools.Get;

public sealed class GetSchoolRequest
{
    public string SchoolId { get; set; } = "";
}

/// <summary>One school, where the Location of its creation points.</summary>
public sealed class GetSchool : ApiEndpoint<GetSchoolRequest, SchoolResponse>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}");
        Description(b => b.WithName("getSchool").WithTags("Schools").Produces<SchoolResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "A school";
            s.Description = "Its id and name. A key of another school gets 404, as for a school that does not exist.";
        });
    }

    protected override async Task Handle(GetSchoolRequest req, CancellationToken ct)
    {
        var school = await SchoolAsync(req.SchoolId, ct);
        await Send.OkAsync(new SchoolResponse(school.Id, school.Name), ct);
    }
}
