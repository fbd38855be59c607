using Compensation.Api.Services;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Keys.Get;

public sealed class GetKeyRequest
{
    public long KeyId { get; set; }
}

/// <summary>A key as the service keeps it: never the key itself, which only its creation showed.</summary>
public sealed record KeyResponse(long Id, string Name, string Role, string? SchoolId, DateTimeOffset CreatedAt);

/// <summary>One API key, where the Location of its creation points.</summary>
public sealed class GetKey : ApiEndpoint<GetKeyRequest, KeyResponse>
{
    public override void Configure()
    {
        Get("/keys/{KeyId}");
        Roles(Auth.Roles.Admin);
        Description(b => b.WithName("getKey").WithTags("Keys").Produces<KeyResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "An API key's name, role and school";
            s.Description = "Admin only. The key itself is not kept (only its SHA-256 hash) and is never shown again.";
        });
    }

    protected override async Task Handle(GetKeyRequest req, CancellationToken ct)
    {
        var key = await Db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == req.KeyId, ct) ?? throw ServiceError.NotFound($"key {req.KeyId}");
        await Send.OkAsync(new KeyResponse(key.Id, key.Name, key.Role, key.SchoolId, key.CreatedAt), ct);
    }
}
