using System.Text.RegularExpressions;
using Compensation.Api.Auth;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Schools.Create;

public sealed partial class CreateSchool : ApiEndpoint<CreateSchoolRequest, SchoolResponse>
{
    protected override string? AuditAction => "schools.create";

    public override void Configure()
    {
        Post("/schools");
        Roles(Auth.Roles.Admin);
        Description(b => b.WithName("createSchool").WithTags("Schools").Produces<SchoolResponse>(201).ProducesProblem(400).ProducesProblem(409));
        Summary(s =>
        {
            s.Summary = "Create a school";
            s.Description = "Admin only. The id is a short code (letters, digits, dashes) used in every route.";
            s.ExampleRequest = new CreateSchoolRequest { Id = "yongqiao-1", Name = "埇桥区示例小学" };
        });
    }

    protected override async Task Handle(CreateSchoolRequest req, CancellationToken ct)
    {
        var errors = new List<InputError>();
        if (!IdPattern().IsMatch(req.Id))
        {
            errors.Add(new InputError("", 0, "id", "expected 1–64 lower-case letters, digits or dashes"));
        }

        if (string.IsNullOrWhiteSpace(req.Name))
        {
            errors.Add(new InputError("", 0, "name", "required"));
        }

        if (errors.Count > 0)
        {
            throw ServiceError.BadInput("bad-input", "the school cannot be created", errors);
        }

        if (await Db.Schools.AnyAsync(s => s.Id == req.Id, ct))
        {
            throw new ServiceError(409, "school-exists", $"school {req.Id} exists already");
        }

        Db.Schools.Add(new School { Id = req.Id, Name = req.Name.Trim(), CreatedAt = Clock.GetUtcNow() });
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another request created the same one between the check above and this insert: the unique key refused it.
            if (await Db.Schools.AsNoTracking().AnyAsync(s => s.Id == req.Id, CancellationToken.None))
            {
                throw new ServiceError(409, "school-exists", $"school {req.Id} exists already");
            }

            throw;
        }

        await SendCreatedAsync(new SchoolResponse(req.Id, req.Name.Trim()), ct, "schools", req.Id);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
