using Compensation.Reports.Text;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>提示: what the settlement found that needs a person's attention, most severe first.</summary>
internal static class FindingSheet
{
    public const string Name = "提示";

    public static readonly SheetColumn[] Columns =
    [
        new("级别", 8), new("代码", 24), new("对象", 12), new("说明", 60), new("Message", 60), new("规则", 24), new("方案条款", 16), new("依据", 40),
    ];

    public static void Write(SheetWriter sheet, SettlementResult s)
    {
        foreach (var f in s.Findings)
        {
            sheet.Write(Labels.Severity(f.Severity), f.Code, f.Subject, f.Message.Zh, f.Message.En, f.RuleId, f.Clause, string.Join(", ", f.FactIds));
        }

        if (s.Findings.Count == 0)
        {
            sheet.Write("—", "", "", "本次结算无提示。", "No findings.");
        }
    }
}
