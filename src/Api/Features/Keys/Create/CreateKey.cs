using Compensation.Api.Auth;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Keys.Create;

public sealed class CreateKey : ApiEndpoint<CreateKeyRequest, CreateKeyResponse>
{
    protected override string? AuditAction => "keys.create";

    public override void Configure()
    {
        Post("/keys");
        Roles(Auth.Roles.Admin);
        Description(b => b.WithName("createKey").WithTags("Keys").Produces<CreateKeyResponse>(201).ProducesProblem(400));
        Summary(s =>
        {
            s.Summary = "Create an API key";
            s.Description = "Admin only. The key is returned once and stored as a SHA-256 hash. Send it in the X-Api-Key header.";
            s.ExampleRequest = new CreateKeyRequest { Name = "会计 张", Role = "accountant", SchoolId = "yongqiao-1" };
        });
    }

    protected override async Task Handle(CreateKeyRequest req, CancellationToken ct)
    {
        var errors = new List<InputError>();
        if (!Auth.Roles.All.Contains(req.Role))
        {
            errors.Add(new InputError("", 0, "role", "expected one of " + string.Join(", ", Auth.Roles.All)));
        }

        if (string.IsNullOrWhiteSpace(req.Name))
        {
            errors.Add(new InputError("", 0, "name", "required"));
        }

        if (req.Role != Auth.Roles.Admin && (req.SchoolId is null || !await Db.Schools.AnyAsync(s => s.Id == req.SchoolId, ct)))
        {
            errors.Add(new InputError("", 0, "schoolId", "required for this role, and must be an existing school"));
        }

        if (errors.Count > 0)
        {
            throw ServiceError.BadInput("bad-input", "the key cannot be created", errors);
        }

        var key = ApiKeys.NewKey();
        var row = new ApiKey { Name = req.Name.Trim(), Hash = ApiKeys.Hash(key), Role = req.Role, SchoolId = req.Role == Auth.Roles.Admin ? null : req.SchoolId, CreatedAt = Clock.GetUtcNow() };
        Db.ApiKeys.Add(row);
        await Db.SaveChangesAsync(ct);
        await SendCreatedAsync(new CreateKeyResponse(row.Id, row.Name, row.Role, row.SchoolId, key), ct, "keys", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
