namespace Compensation.Api.Persistence.Entities;

/// <summary>An append-only record of who did what, when, with the request id; refused requests included.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public required string Outcome { get; set; }
    public required string RequestId { get; set; }
}
