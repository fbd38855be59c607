namespace Compensation.Api.Features.Results;

public sealed class ResultRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }
}
