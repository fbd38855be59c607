using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>
/// 教职工: one row per staff member and month, plus a 全学期 row for what belongs to the term
/// (external pay, awards, term-scope deductions), so the rows of a person add up to the term's
/// gross, deductions and net; =SUM() totals at the foot.
/// </summary>
internal static class StaffSheet
{
    public const string Name = "教职工";
    public const string TermRow = "全学期";

    public const int GrossColumn = 12;
    public const int DeductionColumn = 13;
    public const int NetColumn = 14;

    public static readonly SheetColumn[] Columns =
    [
        new("人员编号", 10), new("姓名", 10), new("工号", 10), new("岗位", 10), new("月份", 10), new("课时（节）", 10, CellKind.Integer),
        new("课时单位", 10, CellKind.Number), new("课时费", 12, CellKind.Money), new("补助", 11, CellKind.Money), new("外聘劳务", 11, CellKind.Money),
        new("奖励", 10, CellKind.Money), new("应发", 12, CellKind.Money), new("扣除", 11, CellKind.Money), new("实发", 12, CellKind.Money),
    ];

    public static void Write(SheetWriter sheet, SettlementResult s)
    {
        var first = sheet.NextRow;
        foreach (var st in s.Staff)
        {
            var role = Labels.Role(st.Role, st.External);
            foreach (var m in st.Months)
            {
                sheet.Write(st.StaffId, st.Name, st.EmployeeNo, role, m.Month.ToString(), m.Lessons, m.LessonUnits,
                    m.LessonPay.Yuan, m.StipendTotal.Yuan, 0m, 0m, m.Gross.Yuan, m.DeductionTotal.Yuan, m.Net.Yuan);
            }

            var termDeduction = st.Deductions - Money.Sum(st.Months.Select(m => m.DeductionTotal));
            var termGross = st.ExternalPay + st.Awards;
            if (st.Months.Count == 0 || !termGross.IsZero || !termDeduction.IsZero)
            {
                sheet.Write(st.StaffId, st.Name, st.EmployeeNo, role, TermRow, 0, 0m, 0m, 0m,
                    st.ExternalPay.Yuan, st.Awards.Yuan, termGross.Yuan, termDeduction.Yuan, (termGross - termDeduction).Yuan);
            }
        }

        decimal Total(Func<StaffLine, Money> figure) => Money.Sum(s.Staff.Select(figure)).Yuan;
        sheet.TotalRow($"合计（{Format.Count(s.Staff.Count)} 人）", first,
        [
            (6, s.Staff.Sum(st => (decimal)st.Lessons)), (8, Total(st => st.LessonPay)), (9, Total(st => st.Stipends)), (10, Total(st => st.ExternalPay)),
            (11, Total(st => st.Awards)), (GrossColumn, Total(st => st.Gross)), (DeductionColumn, Total(st => st.Deductions)), (NetColumn, Total(st => st.Net)),
        ]);
    }
}
