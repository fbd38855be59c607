using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>说明: every derived line's explanation (rule, clause, sentence in both languages, sources), by id.</summary>
internal static class ExplanationSheet
{
    public const string Name = "说明";

    public static readonly SheetColumn[] Columns =
    [
        new("编号", 44), new("规则", 26), new("规则名称", 20), new("方案条款", 16), new("说明", 70), new("Explanation", 70), new("来源", 50),
    ];

    public static void Write(SheetWriter sheet, SettlementResult s)
    {
        foreach (var e in s.Explanations.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            sheet.Write(e.Id, e.RuleId ?? "", e.RuleTitle?.Zh ?? "", e.Clause ?? "", e.Sentence?.Zh ?? "", e.Sentence?.En ?? "", string.Join(", ", e.SourceIds));
        }
    }
}
