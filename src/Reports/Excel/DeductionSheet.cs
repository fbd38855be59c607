using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>扣除: every deduction line with its rule, event ids, plan clause and reason in both languages.</summary>
internal static class DeductionSheet
{
    public const string Name = "扣除";
    public const int AmountColumn = 7;

    public static readonly SheetColumn[] Columns =
    [
        new("人员编号", 10), new("姓名", 10), new("月份", 10), new("规则", 12), new("类别", 16), new("比例（%）", 9, CellKind.Number),
        new("金额", 11, CellKind.Money), new("事件", 22), new("方案条款", 16), new("说明", 60), new("Reason", 60), new("依据", 40),
    ];

    public static void Write(SheetWriter sheet, SettlementResult s)
    {
        var first = sheet.NextRow;
        var total = Money.Zero;
        foreach (var st in s.Staff)
        {
            var lines = st.Months.SelectMany(m => m.Deductions.Select(d => (Month: m.Month.ToString(), Line: d)))
                .Concat(st.TermDeductions.Select(d => (Month: StaffSheet.TermRow, Line: d)));
            foreach (var (month, d) in lines)
            {
                sheet.Write(st.StaffId, st.Name, month, d.RuleId, Labels.Conduct(d.Kind), d.Percent, d.Amount.Yuan,
                    string.Join(", ", d.EventIds), d.Clause, d.Reason.Zh, d.Reason.En, d.FactId);
                total += d.Amount;
            }
        }

        sheet.TotalRow("合计（扣除明细，未按当月基数封顶）", first, [(AmountColumn, total.Yuan)]);
    }
}
