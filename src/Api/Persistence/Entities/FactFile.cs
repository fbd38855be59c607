namespace Compensation.Api.Persistence.Entities;

/// <summary>
/// A fact file (e.g. lessons.csv) as imported. The newest file of each name is the term's current
/// one; older ones stay, so every settlement can be reproduced from what it used.
/// </summary>
public sealed class FactFile
{
    public long Id { get; set; }
    public long TermId { get; set; }
    public long ImportId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string Sha256 { get; set; }
    public int Rows { get; set; }
    public bool Current { get; set; }
}
