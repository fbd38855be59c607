namespace Compensation.Api.Features.Schools.Create;

public sealed class CreateSchoolRequest
{
    /// <summary>A short code used in every route, e.g. "yongqiao-1".</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
}

public sealed record SchoolResponse(string Id, string Name);
