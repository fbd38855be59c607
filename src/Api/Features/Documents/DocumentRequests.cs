namespace Compensation.Api.Features.Documents;

public sealed class RunDocumentRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }
}

public sealed class StaffDocumentRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }
    public string StaffId { get; set; } = "";
}

public sealed class FamilyDocumentRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }
    public string StudentId { get; set; } = "";
}

public sealed class PublishedNoticeRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}
