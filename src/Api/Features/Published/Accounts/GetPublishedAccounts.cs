using Compensation.Api.Services;

namespace Compensation.Api.Features.Published.Accounts;

public sealed class AccountsRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>
/// What the parents' committee may see: the finalised ledger and counts. No student or staff name,
/// id or hardship status is in it. <c>SubsidyPart</c> is the part of a positive balance that came from
/// subsidies (refunds.surplus.split), <c>SubsidyReturned</c> what of it went back to the funder;
/// Balance = TotalIncome − TotalRefunds − TotalExpenditure − SurplusRefunded − SubsidyReturned.
/// </summary>
public sealed record AccountsResponse(
    string School, string Term, DateOnly Start, DateOnly End, int FinalVersion, DateTimeOffset? FinalisedAt,
    int Students, int StudentsWithWaivers, int Staff, int Lessons, decimal LessonPayPerLesson,
    IReadOnlyList<AccountLine> Income, IReadOnlyList<AccountLine> Refunds, IReadOnlyList<AccountLine> Expenditure,
    decimal TotalIncome, decimal TotalRefunds, decimal TotalExpenditure, decimal SurplusRefunded, decimal CarriedForward, decimal Balance,
    decimal SubsidyPart = 0m, decimal SubsidyReturned = 0m);

public sealed record AccountLine(string Category, string NameZh, string NameEn, decimal Amount);

public sealed class GetPublishedAccounts : ApiEndpoint<AccountsRequest, AccountsResponse>
{
    public override void Configure()
    {
        Get("/published/schools/{SchoolId}/terms/{TermId}");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant, Auth.Roles.Committee);
        Description(b => b.WithName("getPublishedAccounts").WithTags("Published accounts").Produces<AccountsResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The term's published accounts (公示), for the parents' committee";
            s.Description = "From the newest final settlement only: income by source, refunds by kind, spending by category, balance, and counts. Never a name, id or hardship status.";
        });
    }

    protected override async Task Handle(AccountsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var school = await SchoolAsync(req.SchoolId, ct);
        var run = await PublishedAccounts.LatestFinalAsync(Db, term, ct)
            ?? throw new ServiceError(404, "not-published", $"term {req.TermId} has no final settlement yet");
        var (_, result) = await Resolve<Services.SavedResults>().LoadAsync(Db, term, run.Id, ct);
        await Send.OkAsync(PublishedAccounts.From(school, term, run, result).Accounts, ct);
    }
}
