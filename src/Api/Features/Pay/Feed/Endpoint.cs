using System.Text.Json;
using Compensation.Api.Auth;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using Compensation.Rules.Domain;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Pay.Feed;

public sealed class Endpoint : ApiEndpoint<PayFeedRequest, PayFeedResponse>
{
    public override void Configure()
    {
        Get("/pay");
        Roles(Auth.Roles.Admin, Auth.Roles.Hr);
        Description(b => b.WithTags("Pay feed").Produces<PayFeedResponse>(200).Produces(304).ProducesProblem(400).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Staff pay from final settlements, for payroll (绩效工资)";
            s.Description = "Each staff member's pay per month and for the term: gross, stipends, each deduction with its reason and clause, net, employee number. Only the newest final settlement of each term. Paged (page, pageSize ≤ 1000), filterable by term, month and updatedSince; answers carry an ETag and If-None-Match gives 304.";
        });
    }

    protected override async Task Handle(PayFeedRequest req, CancellationToken ct)
    {
        if (req.Page < 1 || req.PageSize is < 1 or > 1000)
        {
            throw ServiceError.BadInput("bad-input", "bad paging", [new InputError("", 0, "page", "page ≥ 1 and 1 ≤ pageSize ≤ 1000")]);
        }

        await SchoolAsync(req.School, ct);
        var lines = from l in Db.PayLines.AsNoTracking()
                    join r in Db.Runs.AsNoTracking() on l.RunId equals r.Id
                    where r.LatestFinal == true && l.SchoolId == req.School
                    select new { Line = l, r.FinalVersion };
        if (req.Term is not null)
        {
            lines = lines.Where(x => x.Line.TermId == req.Term);
        }

        if (req.Month is not null)
        {
            lines = lines.Where(x => x.Line.Month == req.Month);
        }

        if (req.UpdatedSince is { } since)
        {
            lines = lines.Where(x => x.Line.UpdatedAt > since);
        }

        var total = await lines.CountAsync(ct);
        var page = await lines.OrderBy(x => x.Line.TermId).ThenBy(x => x.Line.StaffId).ThenBy(x => x.Line.Month)
            .Skip((req.Page - 1) * req.PageSize).Take(req.PageSize).ToListAsync(ct);
        var etag = "\"" + Hashing.Sha256(string.Join(",", page.Select(x => $"{x.Line.Id}:{x.Line.UpdatedAt.UtcTicks}")) + $"|{total}") + "\"";
        HttpContext.Response.Headers.ETag = etag;
        if (HttpContext.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            await Send.StatusCodeAsync(304, ct);
            return;
        }

        await Send.OkAsync(new PayFeedResponse(req.Page, req.PageSize, total, [.. page.Select(x => ToLine(x.Line, x.FinalVersion))]), ct);
    }

    private static PayFeedLine ToLine(PayLine l, int finalVersion) => new(
        l.SchoolId, l.TermId, l.StaffId, l.EmployeeNo, l.Name, l.Month,
        Money.FromFen(l.GrossFen), Money.FromFen(l.StipendsFen), Money.FromFen(l.DeductionsFen), Money.FromFen(l.NetFen),
        JsonDocument.Parse(l.DeductionsJson).RootElement.Clone(), l.UpdatedAt, finalVersion);
}
