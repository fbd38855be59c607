using System.Text.RegularExpressions;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Terms.Create;

public sealed partial class CreateTerm : ApiEndpoint<CreateTermRequest, TermResponse>
{
    protected override string? AuditAction => "terms.create";

    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("createTerm").WithTags("Terms").Produces<TermResponse>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Create a term";
            s.Description = "The term's first and last day. Its service calendar (holidays, make-up days) is imported as calendar.csv with the facts.";
            s.ExampleRequest = new CreateTermRequest { SchoolId = "yongqiao-1", TermId = "2025-spring", Start = new DateOnly(2025, 3, 17), End = new DateOnly(2025, 4, 11) };
        });
    }

    protected override async Task Handle(CreateTermRequest req, CancellationToken ct)
    {
        await SchoolAsync(req.SchoolId, ct);
        var errors = new List<InputError>();
        if (!IdPattern().IsMatch(req.TermId))
        {
            errors.Add(new InputError("", 0, "termId", "expected 1–64 letters, digits or dashes"));
        }

        if (req.End < req.Start || req.Start == default)
        {
            errors.Add(new InputError("", 0, "end", "the term must have a start and end on or after it"));
        }

        if (errors.Count > 0)
        {
            throw ServiceError.BadInput("bad-input", "the term cannot be created", errors);
        }

        if (await Db.Terms.AnyAsync(t => t.SchoolId == req.SchoolId && t.TermId == req.TermId, ct))
        {
            throw new ServiceError(409, "term-exists", $"term {req.TermId} exists already");
        }

        Db.Terms.Add(new Term { SchoolId = req.SchoolId, TermId = req.TermId, Start = req.Start, End = req.End, CreatedAt = Clock.GetUtcNow() });
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another request created the same one between the check above and this insert: the unique key refused it.
            if (await Db.Terms.AsNoTracking().AnyAsync(t => t.SchoolId == req.SchoolId && t.TermId == req.TermId, CancellationToken.None))
            {
                throw new ServiceError(409, "term-exists", $"term {req.TermId} exists already");
            }

            throw;
        }

        await SendCreatedAsync(new TermResponse(req.SchoolId, req.TermId, req.Start, req.End), ct, "schools", req.SchoolId, "terms", req.TermId);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
