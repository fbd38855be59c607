namespace Compensation.Api.Features.Terms.Create;

public sealed class CreateTermRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";

    /// <summary>First day of the term, yyyy-MM-dd (the school's local date).</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day of the term, inclusive.</summary>
    public DateOnly End { get; set; }
}

public sealed record TermResponse(string SchoolId, string TermId, DateOnly Start, DateOnly End);
