namespace Compensation.Api.Persistence.Entities;

/// <summary>An API key, stored only as a SHA-256 hash, with its role and (except for admin) its school.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string Role { get; set; }
    public string? SchoolId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
