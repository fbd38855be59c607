using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Excel;

/// <summary>
/// 收支: the fund's income, refunds and spending line by line, each section closed by a =SUM()
/// total, and the balance as formulas over those totals, so the accountant sees the arithmetic.
/// </summary>
internal static class LedgerSheet
{
    public const string Name = "收支";
    public const int AmountColumn = 4;

    public static readonly SheetColumn[] Columns =
    [
        new("部分", 10), new("项目", 26), new("Item", 24), new("金额（元）", 16, CellKind.Money), new("类别代码", 16), new("依据", 30),
    ];

    public static void Write(SheetWriter sheet, Ledger ledger)
    {
        var income = Section(sheet, "收入", "收入合计", ledger.Income, ledger.TotalIncome);
        var refunds = Section(sheet, "退费", "退费合计", ledger.Refunds, ledger.TotalRefunds);
        var spending = Section(sheet, "支出", "支出合计", ledger.Expenditure, ledger.TotalExpenditure);

        var before = sheet.Write("结余", "清退前结余", "Balance before surplus refund", null, "balance-before-surplus");
        sheet.Formula(before, AmountColumn, $"{Ref(income)}-{Ref(refunds)}-{Ref(spending)}", ledger.BalanceBeforeSurplus.Yuan);
        var surplus = sheet.Write("结余", "结余清退", "Surplus refunded", ledger.SurplusRefunded.Yuan, "surplus-refunded");
        var returned = sheet.Write("结余", "财政补贴部分退还拨款单位", "Subsidy part returned to the funder", ledger.SubsidyReturned.Yuan, "subsidy-returned");
        sheet.Write("结余", "其中：结转下学期", "of which carried forward", ledger.CarriedForward.Yuan, "carried-forward");
        sheet.Write("结余", "其中：财政补贴结余（留存经费）", "of which the subsidy part, kept", (ledger.SubsidyPart - ledger.SubsidyReturned).Yuan, "subsidy-part-kept");
        var balance = sheet.Write("结余", "期末结余", "Balance", null, "balance");
        sheet.Formula(balance, AmountColumn, $"{Ref(before)}-{Ref(surplus)}-{Ref(returned)}", ledger.Balance.Yuan);
        sheet.Sheet.Row(balance).Style.Font.Bold = true;
        sheet.Write("核对", "实收现金（家庭缴费与补贴）", "Cash received", ledger.CashReceived.Yuan, "cash-received");
    }

    private static int Section(SheetWriter sheet, string part, string total, IReadOnlyList<LedgerLine> lines, Money sum)
    {
        var first = sheet.NextRow;
        foreach (var line in lines)
        {
            sheet.Write(part, line.Name.Zh, line.Name.En, line.Amount.Yuan, line.Category, line.FactId);
        }

        var row = sheet.TotalRow(total, first, [(AmountColumn, sum.Yuan)]);
        sheet.Set(row, 1, part);
        sheet.Set(row, 2, total);
        return row;
    }

    private static string Ref(int row) => SheetWriter.Address(row, AmountColumn);
}
