using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>The term being settled: its first and last day (inclusive, the school's local dates).</summary>
public sealed record TermInfo(string TermId, string School, DateOnly Start, DateOnly End) : IFact
{
    public string Id => "term:" + TermId;
}
