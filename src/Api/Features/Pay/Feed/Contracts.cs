using FastEndpoints;

namespace Compensation.Api.Features.Pay.Feed;

public sealed class PayFeedRequest
{
    /// <summary>The school (an hr key may only ask for its own).</summary>
    [QueryParam]
    public string School { get; set; } = "";

    /// <summary>Only this term.</summary>
    [QueryParam]
    public string? Term { get; set; }

    /// <summary>yyyy-MM for one month, "term" for term totals; all lines when absent.</summary>
    [QueryParam]
    public string? Month { get; set; }

    /// <summary>Only lines published after this instant (ISO 8601).</summary>
    [QueryParam]
    public DateTimeOffset? UpdatedSince { get; set; }

    [QueryParam]
    public int Page { get; set; } = 1;

    [QueryParam]
    public int PageSize { get; set; } = 100;
}

public sealed record PayFeedResponse(int Page, int PageSize, int Total, IReadOnlyList<PayFeedLine> Lines);

public sealed record PayFeedLine(
    string School, string Term, string StaffId, string EmployeeNo, string Name, string Month,
    Compensation.Rules.Domain.Money Gross, Compensation.Rules.Domain.Money Stipends, Compensation.Rules.Domain.Money Deductions, Compensation.Rules.Domain.Money Net,
    System.Text.Json.JsonElement DeductionLines, DateTimeOffset UpdatedAt, int FinalVersion);
