using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>
/// 说明: every derived line's explanation (rule, clause, sentence in both languages, sources), by id.
/// A large term has tens of thousands of them, so the rows are streamed into the package
/// (<see cref="StreamedSheet"/>) under the header row ClosedXML writes.
/// </summary>
internal static class ExplanationSheet
{
    public const string Name = "说明";

    public static readonly SheetColumn[] Columns =
    [
        new("编号", 44), new("规则", 26), new("规则名称", 20), new("方案条款", 16), new("说明", 70), new("Explanation", 70), new("来源", 50),
    ];

    /// <summary>The header row is ClosedXML's (<paramref name="sheet"/>); the rows, one per explanation in the ordinal order of the ids, are streamed.</summary>
    public static StreamedSheet Write(SheetWriter sheet, SettlementResult s) =>
        new(Name, Columns, sheet.Skip(s.Explanations.Count), s.Explanations.Count, Lines(s));

    private static IEnumerable<object?[]> Lines(SettlementResult s)
    {
        foreach (var e in s.Explanations.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            yield return [e.Id, e.RuleId, e.RuleTitle?.Zh, e.Clause, e.Sentence?.Zh, e.Sentence?.En, string.Join(", ", e.SourceIds)];
        }
    }
}
