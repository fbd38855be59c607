using Compensation.Reports.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>家庭: one row per student's family with every step from fee to balance, and =SUM() totals.</summary>
internal static class FamilySheet
{
    public const string Name = "家庭";

    /// <summary>The 1-based columns that hold amounts, summed in the total row.</summary>
    public static readonly int[] MoneyColumns = [7, 8, 9, 10, 11, 12, 13, 14, 15];

    public static readonly SheetColumn[] Columns =
    [
        new("学号", 10), new("姓名", 10), new("班级", 11), new("每周天数", 9, CellKind.Integer), new("服务日", 8, CellKind.Integer), new("出勤日", 8, CellKind.Integer),
        new("应收", 12, CellKind.Money), new("超限核减", 11, CellKind.Money), new("财政补贴", 11, CellKind.Money), new("减免", 11, CellKind.Money),
        new("应缴", 12, CellKind.Money), new("退费", 11, CellKind.Money), new("结算应缴", 12, CellKind.Money), new("已缴", 12, CellKind.Money),
        new("余额（正：应补缴，负：应退还）", 16, CellKind.Money), new("减免类别", 14), new("退费明细", 44),
    ];

    /// <summary>
    /// The first family and the total row through ClosedXML; the other families, thousands in a large school, are
    /// streamed in between (<see cref="StreamedSheet"/>) with the styles of the first one's cells.
    /// </summary>
    public static StreamedSheet Write(SheetWriter sheet, SettlementResult s, SchoolPolicy p)
    {
        var first = sheet.NextRow;
        if (s.Families.Count > 0)
        {
            sheet.Write(Row(p, s.Families[0]));
        }

        var rest = Math.Max(0, s.Families.Count - 1);
        var streamed = new StreamedSheet(Name, Columns, sheet.Skip(rest), rest, s.Families.Skip(1).Select(f => Row(p, f)), styleRow: first);
        sheet.TotalRow($"合计（{Format.Count(s.Families.Count)} 人）", first, MoneyColumns.Select(c => (c, Total(s, c))));
        return streamed;
    }

    /// <summary>The families' figures of an amount column, added up.</summary>
    private static decimal Total(SettlementResult s, int column) => Money.Sum(s.Families.Select(f => column switch
    {
        7 => f.Charged,
        8 => f.CapReduction,
        9 => f.Subsidy,
        10 => f.Waived,
        11 => f.Payable,
        12 => f.Refunded,
        13 => f.Net,
        14 => f.Paid,
        15 => f.Balance,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not an amount column of 家庭"),
    })).Yuan;

    private static object?[] Row(SchoolPolicy p, FamilyLine f) =>
    [
        f.StudentId, f.Name, f.ClassName, f.DaysPerWeek, f.ServiceDays, f.DaysAttended,
        f.Charged.Yuan, f.CapReduction.Yuan, f.Subsidy.Yuan, f.Waived.Yuan, f.Payable.Yuan, f.Refunded.Yuan, f.Net.Yuan, f.Paid.Yuan, f.Balance.Yuan,
        Category(p, f), string.Join("；", f.Refunds.Select(Refund)),
    ];

    private static string Category(SchoolPolicy p, FamilyLine f) =>
        f.HardshipCategory is null ? "" : p.Waivers.Categories.TryGetValue(f.HardshipCategory, out var c) ? c.NameZh : f.HardshipCategory;

    private static string Refund(RefundLine r)
    {
        var span = r is { From: { } from, To: { } to } ? $" {Format.IsoDate(from)}—{Format.IsoDate(to)} {Format.Count(r.Days)} 天" : "";
        return $"{Labels.Refund(r.Kind)}{span} {Format.Amount(r.Amount)}";
    }
}
