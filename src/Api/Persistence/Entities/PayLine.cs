namespace Compensation.Api.Persistence.Entities;

/// <summary>A staff member's pay for a month (or the term, Month = "term") from a final settlement: the HR feed. Amounts in fen.</summary>
public sealed class PayLine
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string SchoolId { get; set; }
    public required string TermId { get; set; }
    public required string StaffId { get; set; }
    public required string EmployeeNo { get; set; }
    public required string Name { get; set; }
    public required string Month { get; set; }
    public long GrossFen { get; set; }
    public long StipendsFen { get; set; }
    public long DeductionsFen { get; set; }
    public long NetFen { get; set; }
    public required string DeductionsJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
