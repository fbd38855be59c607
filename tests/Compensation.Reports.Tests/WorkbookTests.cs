using ClosedXML.Excel;
using Compensation.Reports.Tests.Support;
using Compensation.Rules.Domain;

namespace Compensation.Reports.Tests;

/// <summary>The accountant's workbook read back with ClosedXML: sheets, headers, frozen rows, formats and totals as formulas.</summary>
public sealed class WorkbookTests
{
    private static XLWorkbook Open(Sample s) => new(new MemoryStream(AccountantWorkbook.Build(s.Settlement, s.Policy)));

    private static decimal Value(IXLCell cell) => decimal.Round(Convert.ToDecimal(cell.Value, System.Globalization.CultureInfo.InvariantCulture), 2);

    private static IXLRow RowWhere(IXLWorksheet sheet, int column, string text) =>
        sheet.RowsUsed().Single(r => r.Cell(column).GetString() == text);

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void SheetsHeadersFrozenRowsAndWidths(string name)
    {
        using var wb = Open(Samples.Get(name));
        Assert.Equal(["收支", "家庭", "教职工", "扣除", "提示", "说明"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal(["部分", "项目", "Item", "金额（元）", "类别代码", "依据"], Headers(wb.Worksheet("收支")));
        Assert.Equal(["学号", "姓名", "班级", "每周天数", "服务日", "出勤日", "应收", "超限核减", "财政补贴", "减免", "应缴", "退费", "结算应缴", "已缴"],
            Headers(wb.Worksheet("家庭")).Take(14));
        Assert.Equal(["人员编号", "姓名", "工号", "岗位", "月份", "课时（节）", "课时单位", "课时费", "补助", "外聘劳务", "奖励", "应发", "扣除", "实发"], Headers(wb.Worksheet("教职工")));
        Assert.Equal(["人员编号", "姓名", "月份", "规则", "类别", "比例（%）", "金额", "事件", "方案条款", "说明", "Reason", "依据"], Headers(wb.Worksheet("扣除")));
        Assert.Equal(["级别", "代码", "对象", "说明", "Message", "规则", "方案条款", "依据"], Headers(wb.Worksheet("提示")));
        Assert.Equal(["编号", "规则", "规则名称", "方案条款", "说明", "Explanation", "来源"], Headers(wb.Worksheet("说明")));
        foreach (var sheet in wb.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.Row(1).Cell(1).Style.Font.Bold, sheet.Name);
            Assert.All(sheet.ColumnsUsed(), c => Assert.True(c.Width >= 8, $"{sheet.Name} column {c.ColumnNumber()} width {c.Width}"));
        }

        Assert.Equal(16, wb.Worksheet("收支").Column(4).Width);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void LedgerTotals_AreSumFormulasOverTheirLines_AndEqualTheSettlement(string name)
    {
        var s = Samples.Get(name);
        using var wb = Open(s);
        var sheet = wb.Worksheet("收支");
        var ledger = s.Settlement.Ledger;
        CheckSection(sheet, "收入", "收入合计", ledger.Income.Select(l => l.Amount), ledger.TotalIncome);
        CheckSection(sheet, "退费", "退费合计", ledger.Refunds.Select(l => l.Amount), ledger.TotalRefunds);
        CheckSection(sheet, "支出", "支出合计", ledger.Expenditure.Select(l => l.Amount), ledger.TotalExpenditure);

        var before = RowWhere(sheet, 2, "清退前结余").Cell(4);
        var total = (string label) => RowWhere(sheet, 2, label).Cell(4).Address.ToString();
        Assert.Equal($"{total("收入合计")}-{total("退费合计")}-{total("支出合计")}", before.FormulaA1);
        Assert.Equal(ledger.BalanceBeforeSurplus.Yuan, Value(before));
        Assert.Equal(ledger.SurplusRefunded.Yuan, Value(RowWhere(sheet, 2, "结余清退").Cell(4)));
        var balance = RowWhere(sheet, 2, "期末结余").Cell(4);
        Assert.True(balance.HasFormula);
        Assert.Equal(ledger.Balance.Yuan, Value(balance));
        Assert.Equal("#,##0.00", balance.Style.NumberFormat.Format);
    }

    /// <summary>The lines of a section are written as numbers, and its total is =SUM() over exactly their rows.</summary>
    private static void CheckSection(IXLWorksheet sheet, string part, string label, IEnumerable<Money> expected, Money total)
    {
        var lines = sheet.RowsUsed().Where(r => r.Cell(1).GetString() == part && r.Cell(2).GetString() != label).ToList();
        Assert.Equal(expected.Select(m => m.Yuan), lines.Select(r => Value(r.Cell(4))));
        var cell = RowWhere(sheet, 2, label).Cell(4);
        Assert.Equal($"SUM(D{lines[0].RowNumber()}:D{lines[^1].RowNumber()})", cell.FormulaA1);
        Assert.Equal(total.Yuan, Value(cell));
        Assert.Equal(total.Yuan, lines.Sum(r => Value(r.Cell(4))));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void FamilyTotals_AreSumFormulas_EqualToTheSettlement(string name)
    {
        var s = Samples.Get(name);
        using var wb = Open(s);
        var sheet = wb.Worksheet("家庭");
        var families = s.Settlement.Families;
        var last = families.Count + 1;
        var totalRow = sheet.Row(last + 1);
        Assert.StartsWith("合计", totalRow.Cell(1).GetString());
        var expected = new (int Column, decimal Total)[]
        {
            (7, families.Sum(f => f.Charged.Yuan)), (8, families.Sum(f => f.CapReduction.Yuan)), (9, families.Sum(f => f.Subsidy.Yuan)),
            (10, families.Sum(f => f.Waived.Yuan)), (11, families.Sum(f => f.Payable.Yuan)), (12, families.Sum(f => f.Refunded.Yuan)),
            (13, families.Sum(f => f.Net.Yuan)), (14, families.Sum(f => f.Paid.Yuan)), (15, families.Sum(f => f.Balance.Yuan)),
        };
        foreach (var (column, total) in expected)
        {
            var letter = XLHelper.GetColumnLetterFromNumber(column);
            Assert.Equal($"SUM({letter}2:{letter}{last})", totalRow.Cell(column).FormulaA1);
            Assert.Equal(total, Value(totalRow.Cell(column)));
            Assert.Equal("#,##0.00", totalRow.Cell(column).Style.NumberFormat.Format);
        }

        for (var i = 0; i < families.Count; i++)
        {
            var row = sheet.Row(i + 2);
            Assert.Equal(families[i].StudentId, row.Cell(1).GetString());
            Assert.Equal(families[i].Balance.Yuan, Value(row.Cell(15)));
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void StaffRowsAddUpToEachPersonsTerm_AndTheTotalsToTheSettlement(string name)
    {
        var s = Samples.Get(name);
        using var wb = Open(s);
        var sheet = wb.Worksheet("教职工");
        var rows = sheet.RowsUsed().Skip(1).ToList();
        var totalRow = rows[^1];
        Assert.StartsWith("合计", totalRow.Cell(1).GetString());
        foreach (var staff in s.Settlement.Staff)
        {
            var own = rows.Where(r => r.Cell(1).GetString() == staff.StaffId).ToList();
            Assert.Equal(staff.Gross.Yuan, own.Sum(r => Value(r.Cell(12))));
            Assert.Equal(staff.Deductions.Yuan, own.Sum(r => Value(r.Cell(13))));
            Assert.Equal(staff.Net.Yuan, own.Sum(r => Value(r.Cell(14))));
            Assert.Equal(staff.Lessons, own.Sum(r => (int)Value(r.Cell(6))));
        }

        Assert.Equal($"SUM(N2:N{totalRow.RowNumber() - 1})", totalRow.Cell(14).FormulaA1);
        Assert.Equal(s.Settlement.Staff.Sum(x => x.Net.Yuan), Value(totalRow.Cell(14)));
        Assert.Equal(s.Settlement.Staff.Sum(x => x.Gross.Yuan), Value(totalRow.Cell(12)));
        Assert.Equal(s.Settlement.Staff.Sum(x => x.Deductions.Yuan), Value(totalRow.Cell(13)));
        Assert.Equal(s.Settlement.Staff.Sum(x => x.LessonPay.Yuan), Value(totalRow.Cell(8)));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void DeductionsFindingsAndExplanations(string name)
    {
        var s = Samples.Get(name);
        using var wb = Open(s);

        var deductions = s.Settlement.Staff.SelectMany(x => x.Months.SelectMany(m => m.Deductions).Concat(x.TermDeductions)).ToList();
        var sheet = wb.Worksheet("扣除");
        var totalRow = sheet.Row(deductions.Count + 2);
        Assert.Equal(deductions.Count == 0 ? "0" : $"SUM(G2:G{deductions.Count + 1})", totalRow.Cell(7).FormulaA1);
        Assert.Equal(deductions.Sum(d => d.Amount.Yuan), Value(totalRow.Cell(7)));
        for (var i = 0; i < deductions.Count; i++)
        {
            Assert.Equal(deductions[i].Clause, sheet.Row(i + 2).Cell(9).GetString());
            Assert.Equal(deductions[i].Reason.Zh, sheet.Row(i + 2).Cell(10).GetString());
        }

        var findings = wb.Worksheet("提示");
        Assert.Equal(Math.Max(1, s.Settlement.Findings.Count), findings.RowsUsed().Count() - 1);
        foreach (var (f, i) in s.Settlement.Findings.Select((f, i) => (f, i)))
        {
            Assert.Equal(f.Code, findings.Row(i + 2).Cell(2).GetString());
            Assert.Equal(f.Message.Zh, findings.Row(i + 2).Cell(4).GetString());
        }

        var explanations = wb.Worksheet("说明");
        var ids = s.Settlement.Explanations.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Count, explanations.RowsUsed().Count() - 1);
        Assert.Equal(ids, explanations.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
        var first = s.Settlement.Explanations[ids[0]];
        Assert.Equal(first.Sentence?.Zh ?? "", explanations.Row(2).Cell(5).GetString());
        Assert.Equal(string.Join(", ", first.SourceIds), explanations.Row(2).Cell(7).GetString());
    }

    [Fact]
    public void TheDocumentDates_AreTheTermsEnd_NotTheClock()
    {
        var s = Samples.Get(Samples.Yongqiao);
        using var wb = Open(s);
        Assert.Equal(new DateTime(2025, 4, 11), wb.Properties.Created.Date);
        Assert.Equal(new DateTime(2025, 4, 11), wb.Properties.Modified.Date);
    }

    [Fact]
    public void MonthsAndCodes_StayText()
    {
        var s = Samples.Get(Samples.Yongqiao);
        using var wb = Open(s);
        var month = wb.Worksheet("教职工").Row(2).Cell(5);
        Assert.Equal(XLDataType.Text, month.DataType);
        Assert.Matches(@"^\d{4}-\d{2}$", month.GetString());
    }

    [Fact]
    public void AGeneratedTermOf300Families_HoldsItsTotals_AndFitsExcelsCellLimit()
    {
        var settlement = GeneratedTerm.Settlement;
        using var wb = new XLWorkbook(new MemoryStream(AccountantWorkbook.Build(settlement, GeneratedTerm.Policy)));
        var families = wb.Worksheet("家庭");
        Assert.Equal(settlement.Families.Sum(f => f.Balance.Yuan), Value(families.Row(302).Cell(15)));
        var staff = wb.Worksheet("教职工");
        Assert.Equal(settlement.Staff.Sum(s => s.Net.Yuan), Value(staff.RowsUsed().Last().Cell(14)));
        var ledger = wb.Worksheet("收支");
        Assert.Equal(settlement.Ledger.Balance.Yuan, Value(RowWhere(ledger, 2, "期末结余").Cell(4)));
        var longest = wb.Worksheet("说明").CellsUsed().Max(c => c.GetString().Length);
        Assert.True(longest <= 32_767, $"{longest} characters in a cell");
    }

    private static List<string> Headers(IXLWorksheet sheet) => sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
}
