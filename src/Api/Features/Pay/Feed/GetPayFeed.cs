using System.Globalization;
using System.Text.Json;
using Compensation.Api.Hosting;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using Compensation.Rules.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Compensation.Api.Features.Pay.Feed;

public sealed class GetPayFeed : ApiEndpoint<PayFeedRequest, PayFeedResponse>
{
    public override void Configure()
    {
        Get("/pay");
        Roles(Auth.Roles.Admin, Auth.Roles.Hr);
        Description(b => b.WithName("getPayFeed").WithTags("Pay feed").Produces<PayFeedResponse>(200).Produces(304).ProducesProblem(400).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Staff pay from final settlements, for payroll (绩效工资)";
            s.Description = "Each staff member's pay per month and for the term: gross, stipends, each deduction with its reason and clause, net, employee number. Only the newest final settlement of each term. Paged (page, pageSize ≤ 1000), filterable by term, month and updatedSince; answers carry an ETag and If-None-Match gives 304.";
        });
    }

    protected override async Task Handle(PayFeedRequest req, CancellationToken ct)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(req.School))
        {
            errors.Add(new InputError("", 0, "school", "required: the id of the school whose pay lines are asked for"));
        }

        if (req.Month is { } month && month != "term" && !IsMonth(month))
        {
            errors.Add(new InputError("", 0, "month", $"'{month}' is neither a month (yyyy-MM) nor \"term\""));
        }

        if (req.Page < 1)
        {
            errors.Add(new InputError("", 0, "page", "page ≥ 1"));
        }

        if (req.PageSize is < 1 or > 1000)
        {
            errors.Add(new InputError("", 0, "pageSize", "1 ≤ pageSize ≤ 1000"));
        }

        if (errors.Count > 0)
        {
            throw ServiceError.BadInput(ErrorResponses.BadInput, "the query has problems", errors);
        }

        if (req.Term is { } termId)
        {
            // An unknown term is a 404, as on every route that names one, not an empty page.
            await TermAsync(req.School, termId, ct);
        }
        else
        {
            await SchoolAsync(req.School, ct);
        }

        // The newest final settlement of each of the school's terms (of the one term asked for): the lines come from these only.
        var finals = from r in Db.Runs.AsNoTracking()
                     join t in Db.Terms.AsNoTracking() on r.TermId equals t.Id
                     where r.LatestFinal == true && t.SchoolId == req.School
                     select new { r.Id, r.FinalVersion, t.TermId };
        if (req.Term is not null)
        {
            finals = finals.Where(f => f.TermId == req.Term);
        }

        var runs = (await finals.ToListAsync(ct)).ToDictionary(f => f.Id, f => f.FinalVersion);
        var key = string.Join("|",
            req.School, req.Term, req.Month, req.UpdatedSince?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            req.Page.ToString(CultureInfo.InvariantCulture), req.PageSize.ToString(CultureInfo.InvariantCulture),
            string.Join(",", runs.Keys.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))));
        var pages = Resolve<PayFeedPages>();
        if (!pages.TryGet(key, out var page))
        {
            page = await ReadAsync(req, runs, ct);
            pages.Add(key, page);
        }

        HttpContext.Response.Headers.ETag = page.ETag;
        if (NotModified(HttpContext.Request, page.ETag))
        {
            await Send.StatusCodeAsync(304, ct);
            return;
        }

        await SendJsonAsync(page.Json, ct);
    }

    private async Task<PayFeedPages.Page> ReadAsync(PayFeedRequest req, Dictionary<long, int> runs, CancellationToken ct)
    {
        var ids = runs.Keys.ToList();
        var lines = Db.PayLines.AsNoTracking().Where(l => ids.Contains(l.RunId));
        if (req.Month is not null)
        {
            lines = lines.Where(l => l.Month == req.Month);
        }

        if (req.UpdatedSince is { } since)
        {
            lines = lines.Where(l => l.UpdatedAt > since);
        }

        var total = await lines.CountAsync(ct);
        var page = await lines.OrderBy(l => l.TermId).ThenBy(l => l.StaffId).ThenBy(l => l.Month)
            .Skip((req.Page - 1) * req.PageSize).Take(req.PageSize).ToListAsync(ct);
        var etag = "\"" + Hashing.Sha256(string.Join(",", page.Select(l => $"{l.Id}:{l.UpdatedAt.UtcTicks}")) + $"|{total}") + "\"";
        var response = new PayFeedResponse(req.Page, req.PageSize, total, [.. page.Select(l => ToLine(l, runs[l.RunId]))]);
        return new PayFeedPages.Page(JsonSerializer.SerializeToUtf8Bytes(response, PayFeedJson.Options), etag);
    }

    private static bool IsMonth(string text)
    {
        try
        {
            Month.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether If-None-Match names the page's ETag, by weak comparison (RFC 9110 13.1.2): "*", a list, or a tag with or
    /// without W/ all match.
    /// </summary>
    private static bool NotModified(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == "*" || t.Compare(current, useStrongComparison: false));
    }

    private static PayFeedLine ToLine(PayLine l, int finalVersion) => new(
        l.SchoolId, l.TermId, l.StaffId, l.EmployeeNo, l.Name, l.Month,
        Money.FromFen(l.GrossFen), Money.FromFen(l.StipendsFen), Money.FromFen(l.DeductionsFen), Money.FromFen(l.NetFen),
        PayFeedDeduction.Read(l.DeductionsJson), l.UpdatedAt, finalVersion);
}
