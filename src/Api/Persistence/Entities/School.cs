namespace Compensation.Api.Persistence.Entities;

/// <summary>A school using the service; its code appears in every route.</summary>
public sealed class School
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
