using ClosedXML.Excel;
using Compensation.Reports.Text;

namespace Compensation.Reports.Excel;

internal enum CellKind
{
    Text,

    /// <summary>Yuan, shown as #,##0.00.</summary>
    Money,
    Integer,

    /// <summary>Lesson units and percentages: as many decimals as they have.</summary>
    Number,
}

/// <summary>A column of a sheet: its Chinese header, its width in characters (set explicitly: AdjustToContents needs GDI+, which Linux lacks) and its kind.</summary>
internal sealed record SheetColumn(string Header, double Width, CellKind Kind = CellKind.Text);

/// <summary>
/// Writes one sheet row by row under a bold, frozen header row. Text is always stored as text
/// (ClosedXML's Value setter would turn "2025-03" into a date); amounts as numbers in yuan with the
/// number format #,##0.00.
/// </summary>
internal sealed class SheetWriter
{
    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xEC, 0xEF, 0xF3);

    public SheetWriter(XLWorkbook workbook, string name, IReadOnlyList<SheetColumn> columns)
    {
        Sheet = workbook.Worksheets.Add(name);
        Columns = columns;
        Values = new FormulaValues(name);
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = Sheet.Cell(1, c + 1);
            cell.SetValue(columns[c].Header);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            cell.Style.Alignment.Horizontal = columns[c].Kind == CellKind.Text ? XLAlignmentHorizontalValues.Left : XLAlignmentHorizontalValues.Right;
            Sheet.Column(c + 1).Width = columns[c].Width;
        }

        Sheet.SheetView.FreezeRows(1);
    }

    public IXLWorksheet Sheet { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    /// <summary>The settlement's figure for each formula of the sheet, stored beside it in the file.</summary>
    public FormulaValues Values { get; }

    /// <summary>The row the next <see cref="Write"/> fills.</summary>
    public int NextRow { get; private set; } = 2;

    /// <summary>Leaves <paramref name="rows"/> rows empty for a <see cref="StreamedSheet"/> to fill, and returns the first of them.</summary>
    public int Skip(int rows)
    {
        var first = NextRow;
        NextRow = checked(NextRow + rows);
        return first;
    }

    /// <summary>Fills the next row; values are strings, decimals or ints, and null leaves a cell empty.</summary>
    public int Write(params object?[] values)
    {
        var row = NextRow++;
        for (var c = 0; c < values.Length; c++)
        {
            Set(row, c + 1, values[c]);
        }

        return row;
    }

    public void Set(int row, int column, object? value)
    {
        var cell = Sheet.Cell(row, column);
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.SetValue(Fit(text));
                break;
            case decimal number:
                cell.SetValue(number);
                break;
            case int number:
                cell.SetValue(number);
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} to a sheet", nameof(value));
        }

        Shape(cell, Columns[column - 1].Kind);
    }

    /// <summary>A formula (without "="), formatted as its column, and its value: the settlement's figure that the formula shows.</summary>
    public void Formula(int row, int column, string formula, decimal value)
    {
        var cell = Sheet.Cell(row, column);
        cell.FormulaA1 = formula;
        Values.Add(Address(row, column), value);
        Shape(cell, Columns[column - 1].Kind);
    }

    /// <summary>A bold row under a line whose numeric columns in <paramref name="sums"/> are =SUM() of the rows above, each with its figure.</summary>
    public int TotalRow(string label, int firstRow, IEnumerable<(int Column, decimal Value)> sums)
    {
        var row = NextRow++;
        Set(row, 1, label);
        foreach (var (c, value) in sums)
        {
            Formula(row, c, firstRow < row ? $"SUM({Address(firstRow, c)}:{Address(row - 1, c)})" : "0", value);
        }

        var range = Sheet.Range(row, 1, row, Columns.Count);
        range.Style.Font.Bold = true;
        range.Style.Border.TopBorder = XLBorderStyleValues.Thin;
        return row;
    }

    /// <summary>
    /// Excel holds at most 32,767 characters in a cell (ClosedXML throws beyond); a longer text, such
    /// as the source list of a large term's staff account, is cut and says how long it was.
    /// </summary>
    internal static string Fit(string text)
    {
        const int limit = 32_767;
        if (text.Length <= limit)
        {
            return text;
        }

        var note = $" …（已截断，全文 {text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} 字符）";
        return text[..(limit - note.Length)] + note;
    }

    public static string Address(int row, int column) => XLHelper.GetColumnLetterFromNumber(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Shape(IXLCell cell, CellKind kind)
    {
        switch (kind)
        {
            case CellKind.Money:
                cell.Style.NumberFormat.Format = Format.ExcelAmount;
                break;
            case CellKind.Integer:
                cell.Style.NumberFormat.Format = "0";
                break;
            case CellKind.Number:
                cell.Style.NumberFormat.Format = "General";
                break;
        }
    }
}
