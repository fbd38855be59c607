namespace Compensation.Api.Features.Keys.Create;

public sealed class CreateKeyRequest
{
    public string Name { get; set; } = "";

    /// <summary>admin, accountant, committee or hr.</summary>
    public string Role { get; set; } = "";

    /// <summary>The school the key belongs to; required for every role but admin.</summary>
    public string? SchoolId { get; set; }
}

/// <summary>The key itself is shown only here, once; the service keeps only its hash.</summary>
public sealed record CreateKeyResponse(long Id, string Name, string Role, string? SchoolId, string Key);
