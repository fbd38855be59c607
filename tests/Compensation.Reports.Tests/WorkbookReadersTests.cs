using System.Globalization;
using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>
/// The accountant's workbook as programs that do not calculate read it (openpyxl, as pandas and file previews
/// do): every formula carries its value, the settlement's figure, and that value is what the formula gives.
/// </summary>
public sealed class WorkbookReadersTests
{
    /// <summary>
    /// Lists every formula cell as "sheet\taddress\tformula\tstored value\tvalue worked out from the stored values of the
    /// cells it names" (SUM over a range, or sums and differences of cells), reading the file twice, as openpyxl must:
    /// once for the formulas and once for the values stored beside them.
    /// </summary>
    private const string ReadTotals = """
        import re, sys
        from decimal import Decimal
        import openpyxl
        path = sys.argv[1]
        formulas = openpyxl.load_workbook(path, data_only=False)
        values = openpyxl.load_workbook(path, data_only=True)
        def number(sheet, address):
            v = values[sheet][address].value
            return Decimal(0) if v is None else Decimal(repr(v))
        def work_out(sheet, formula):
            m = re.fullmatch(r"SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula)
            if m:
                return sum((number(sheet, f"{m.group(1)}{r}") for r in range(int(m.group(2)), int(m.group(4)) + 1)), Decimal(0))
            total, sign = Decimal(0), 1
            for token in re.findall(r"[A-Z]+\d+|\d+(?:\.\d+)?|[-+]", formula):
                if token in "+-":
                    sign = -1 if token == "-" else 1
                else:
                    total += sign * (number(sheet, token) if token[0].isalpha() else Decimal(token))
            return total
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        stored = values[ws.title][cell.coordinate].value
                        print("\t".join([ws.title, cell.coordinate, str(cell.value)[1:], "" if stored is None else repr(stored), str(work_out(ws.title, str(cell.value)[1:]))]))
        """;

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryFormula_HasItsValue_AsOpenpyxlReadsIt(string name)
    {
        var s = Samples.Get(name);
        var formulas = Read(s);

        // 收支 has three section totals and two balances; 家庭 nine amount totals; 教职工 eight; 扣除 one.
        Assert.Equal(5 + 9 + 8 + 1, formulas.Count);
        foreach (var f in formulas)
        {
            Assert.True(f.Stored is not null, $"{f.Sheet}!{f.Address} ={f.Formula} has no stored value");
            Assert.True(f.Stored == f.WorkedOut, $"{f.Sheet}!{f.Address} ={f.Formula} stores {f.Stored}, its cells give {f.WorkedOut}");
        }

        var ledger = s.Settlement.Ledger;
        var ledgerValues = formulas.Where(f => f.Sheet == "收支").Select(f => f.Stored).ToList();
        Assert.Equal([ledger.TotalIncome.Yuan, ledger.TotalRefunds.Yuan, ledger.TotalExpenditure.Yuan, ledger.BalanceBeforeSurplus.Yuan, ledger.Balance.Yuan], ledgerValues);
        var net = formulas.Single(f => f.Sheet == "教职工" && f.Address.StartsWith('N'));
        Assert.Equal(s.Settlement.Staff.Sum(st => st.Net.Yuan), net.Stored);
        var payable = formulas.Single(f => f.Sheet == "家庭" && f.Address.StartsWith('K'));
        Assert.Equal(s.Settlement.Families.Sum(f => f.Payable.Yuan), payable.Stored);
    }

    [Fact]
    public void Yongqiao_TotalsReadAsTheSamplesHandWorkedFigures()
    {
        var formulas = Read(Samples.Get(Samples.Yongqiao));
        decimal? Stored(string sheet, char column) => formulas.Single(f => f.Sheet == sheet && f.Address[0] == column && f.Formula.StartsWith("SUM", StringComparison.Ordinal)).Stored;

        // rules-samples/yongqiao-002-s1/README.md, 收支: income 1785.00; refunds 105.00; expenditure
        // 1000 + 600 − 232.50 + 50 + 30 = 1447.50; balance 1785.00 − 105.00 − 1447.50 = 232.50, nothing refunded.
        Assert.Equal([1785.00m, 105.00m, 1447.50m, 232.50m, 232.50m], formulas.Where(f => f.Sheet == "收支").Select(f => f.Stored));

        // 家庭: Σ payable 350 + 350 + 210 + 0 + 175 + 350 + 350 = 1785.00; Σ refunds 105.00; Σ balance −105.00.
        Assert.Equal(1785.00m, Stored("家庭", 'K'));
        Assert.Equal(105.00m, Stored("家庭", 'L'));
        Assert.Equal(-105.00m, Stored("家庭", 'O'));

        // 教职工: 40 lessons; lesson pay 1000.00; stipends 600.00; gross 1600.00; deductions 232.50; net 1367.50.
        Assert.Equal(40m, Stored("教职工", 'F'));
        Assert.Equal(1000.00m, Stored("教职工", 'H'));
        Assert.Equal(600.00m, Stored("教职工", 'I'));
        Assert.Equal(1600.00m, Stored("教职工", 'L'));
        Assert.Equal(232.50m, Stored("教职工", 'M'));
        Assert.Equal(1367.50m, Stored("教职工", 'N'));
    }

    private sealed record FormulaCell(string Sheet, string Address, string Formula, decimal? Stored, decimal WorkedOut);

    private static List<FormulaCell> Read(Sample s)
    {
        using var scratch = new Tools.Scratch();
        var file = scratch.File("workbook.xlsx");
        File.WriteAllBytes(file, AccountantWorkbook.Build(s.Settlement, s.Policy));
        var output = Tools.Succeed(Tools.Python, "-c", ReadTotals, file).Output;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(f => new FormulaCell(f[0], f[1], f[2], f[3].Length == 0 ? null : Round(f[3]), Round(f[4])))
            .ToList();
    }

    /// <summary>openpyxl reads numbers as floats: to the fen, as they were written.</summary>
    private static decimal Round(string number) =>
        decimal.Round(decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero);
}
