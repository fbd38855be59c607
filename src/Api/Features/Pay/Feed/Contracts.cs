using System.Text.Json;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;
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
    Money Gross, Money Stipends, Money Deductions, Money Net,
    IReadOnlyList<PayFeedDeduction> DeductionLines, DateTimeOffset UpdatedAt, int FinalVersion);

/// <summary>
/// One deduction of a pay line: its rule and kind, the percentage taken (none for a fixed amount), the amount, the
/// plan's clause, the reason in Chinese and English, and the conduct events behind it. Stored with the pay line as
/// JSON in the API's conventions (camelCase, money with two decimals); read whatever the case of its keys, as
/// earlier versions wrote them (RuleId, ReasonZh, …).
/// </summary>
public sealed record PayFeedDeduction(string RuleId, string Kind, decimal? Percent, Money Amount, string Clause, string ReasonZh, string ReasonEn, IReadOnlyList<string> EventIds)
{
    public static string Store(IEnumerable<DeductionLine> lines) =>
        JsonSerializer.Serialize(lines.Select(d => new PayFeedDeduction(d.RuleId, d.Kind, d.Percent, d.Amount, d.Clause, d.Reason.Zh, d.Reason.En, d.EventIds)), PayFeedJson.Options);

    public static IReadOnlyList<PayFeedDeduction> Read(string stored) => JsonSerializer.Deserialize<List<PayFeedDeduction>>(stored, PayFeedJson.Options) ?? [];
}

/// <summary>The service's JSON conventions (web defaults, as the other endpoints answer, with the settlement's); names are read in any case.</summary>
internal static class PayFeedJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SettlementJson.Apply(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
