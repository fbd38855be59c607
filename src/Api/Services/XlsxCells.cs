using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Compensation.Api.Services;

/// <summary>
/// Reads the cells of an .xlsx workbook as text, streaming each sheet (SAX) so that a workbook of
/// hundreds of thousands of rows is read in seconds and in little memory. A cell becomes the text a
/// CSV cell would hold: text as written, a number in invariant form (15 significant digits, as
/// Excel shows it), a date-formatted number as yyyy-MM-dd, a boolean as true/false (also LibreOffice's
/// TRUE()/FALSE() formulas saved as numbers), a formula by its saved result. A cell that cannot be such text (an error value, a date with a time of day)
/// carries a problem instead.
/// </summary>
public static class XlsxCells
{
    public sealed record Cell(int Column, string Text, string? Problem);

    public sealed record Row(int Number, IReadOnlyList<Cell> Cells);

    public sealed record Sheet(string Name, IReadOnlyList<Row> Rows);

    /// <summary>A sheet that cannot be read to its end: broken XML, a cell past the last column, or more than the limits allow.</summary>
    public sealed class SheetException(string sheet, int row, string message) : Exception(message)
    {
        public string Sheet { get; } = sheet;

        public int Row { get; } = row;
    }

    /// <summary>The most rows one sheet may have: the benchmark term's 313,925 attendance rows fit, a workbook that unpacks to millions does not.</summary>
    public const int MaxRowsPerSheet = 500_000;

    /// <summary>The most rows of all sheets of one workbook together.</summary>
    public const int MaxRowsPerWorkbook = 1_000_000;

    /// <summary>The most bytes the sheets of one workbook may unpack to (256 MiB): a 64 MiB upload of packed XML cannot become gigabytes.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>The last column a workbook can have (XFD).</summary>
    private const int MaxColumn = 16_384;

    /// <summary>
    /// Every sheet in workbook order; throws <see cref="InvalidDataException"/> for a file that is not a readable
    /// workbook, and <see cref="SheetException"/> (naming the sheet and row) for a sheet that cannot be read.
    /// </summary>
    public static IReadOnlyList<Sheet> Read(byte[] bytes)
    {
        try
        {
            return ReadSheets(bytes);
        }
        catch (XmlException e)
        {
            // A part other than a sheet (the workbook, shared strings, styles) with broken XML or a DOCTYPE.
            throw new InvalidDataException("a part of the workbook is not well-formed XML: " + e.Message, e);
        }
    }

    private static IReadOnlyList<Sheet> ReadSheets(byte[] bytes)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new InvalidDataException(e.Message, e);
        }

        using (document)
        {
            var book = document.WorkbookPart ?? throw new InvalidDataException("the file has no workbook part");
            var strings = SharedStrings(book);
            var dateStyles = DateStyles(book);
            var sheets = new List<Sheet>();
            var budget = new Budget();
            foreach (var entry in book.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
            {
                if (entry.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part)
                {
                    continue; // a chart sheet or a dangling entry holds no cells
                }

                var name = entry.Name?.Value ?? "";
                sheets.Add(new Sheet(name, ReadRows(name, part, strings, dateStyles, budget)));
            }

            return sheets;
        }
    }

    /// <summary>What is left of the workbook's row and unpacked byte limits.</summary>
    private sealed class Budget
    {
        public int Rows { get; set; } = MaxRowsPerWorkbook;

        public long Bytes { get; set; } = MaxUnpackedBytes;
    }

    /// <summary>The sheet's rows; its broken XML and reads past the limits end as a <see cref="SheetException"/> naming the row reached.</summary>
    private static List<Row> ReadRows(string name, WorksheetPart part, List<string> strings, HashSet<uint> dateStyles, Budget budget)
    {
        var rowNumber = 0;
        try
        {
            return ReadRows(name, part, strings, dateStyles, budget, n => rowNumber = n);
        }
        catch (XmlException e)
        {
            throw new SheetException(name, rowNumber, "the sheet's XML cannot be read: " + e.Message);
        }
        catch (IOException e)
        {
            throw new SheetException(name, rowNumber, "the sheet cannot be unpacked: " + e.Message);
        }
    }

    /// <summary>The sheet's rows, read element by element: only inline strings are loaded as elements.</summary>
    private static List<Row> ReadRows(string name, WorksheetPart part, List<string> strings, HashSet<uint> dateStyles, Budget budget, Action<int> reached)
    {
        var rows = new List<Row>();
        using var stream = new CountedStream(part.GetStream(FileMode.Open, FileAccess.Read), budget);
        using var reader = new TypedOpenXmlPartReader(stream, new OpenXmlPartReaderOptions());
        List<Cell>? cells = null;
        var rowNumber = 0;
        var lastColumn = 0;
        RawCell? cell = null;
        while (reader.Read())
        {
            if (stream.Exhausted)
            {
                throw new SheetException(name, rowNumber, $"the workbook's sheets unpack to more than {MaxUnpackedBytes / (1024 * 1024)} MiB; reading stopped here: split the facts over several uploads");
            }

            var type = reader.ElementType;
            if (type == typeof(DocumentFormat.OpenXml.Spreadsheet.Row))
            {
                if (reader.IsStartElement)
                {
                    var index = Attribute(reader, "r");
                    rowNumber = index is not null && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                    reached(rowNumber);
                    lastColumn = 0;
                    cells = [];
                    if (rows.Count >= MaxRowsPerSheet || budget.Rows <= 0)
                    {
                        throw new SheetException(name, rowNumber, rows.Count >= MaxRowsPerSheet
                            ? $"the sheet has more than {Compensation.Rules.InputLimits.Format(MaxRowsPerSheet)} rows; reading stopped here: split the facts over several uploads"
                            : $"the workbook has more than {Compensation.Rules.InputLimits.Format(MaxRowsPerWorkbook)} rows; reading stopped here: split the facts over several uploads");
                    }
                }
                else if (cells is { Count: > 0 })
                {
                    rows.Add(new Row(rowNumber, cells));
                    budget.Rows--;
                }
            }
            else if (type == typeof(DocumentFormat.OpenXml.Spreadsheet.Cell))
            {
                if (reader.IsStartElement)
                {
                    var reference = Attribute(reader, "r");
                    var column = reference is not null ? ColumnNumber(reference) : lastColumn + 1;
                    if (column is < 1 or > MaxColumn)
                    {
                        throw new SheetException(name, rowNumber, $"the cell reference '{reference}' is not a column A to XFD");
                    }

                    lastColumn = column;
                    var style = Attribute(reader, "s");
                    cell = new RawCell(column, Attribute(reader, "t"), style is not null && uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var st) ? st : null);
                }
                else if (cell is not null)
                {
                    var (text, problem) = Value(cell, strings, dateStyles);
                    if (text.Length > 0 || problem is not null)
                    {
                        cells?.Add(new Cell(cell.Column, text, problem));
                    }

                    cell = null;
                }
            }
            else if (cell is not null && reader.IsStartElement)
            {
                if (type == typeof(CellValue))
                {
                    cell.Raw = reader.GetText();
                }
                else if (type == typeof(CellFormula))
                {
                    cell.Formula = reader.GetText();
                }
                else if (type == typeof(InlineString))
                {
                    cell.Inline = Text(reader.LoadCurrentElement()!);
                }
            }
        }

        return rows;
    }

    private sealed class RawCell(int column, string? type, uint? style)
    {
        public int Column { get; } = column;
        public string? Type { get; } = type;
        public uint? Style { get; } = style;
        public string? Raw { get; set; }
        /// <summary>The cell's formula, if it has one ("" for a shared formula's other cells).</summary>
        public string? Formula { get; set; }
        public string? Inline { get; set; }
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var a in reader.Attributes)
        {
            if (a.LocalName == name && string.IsNullOrEmpty(a.NamespaceUri))
            {
                return a.Value;
            }
        }

        return null;
    }

    private static (string Text, string? Problem) Value(RawCell c, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = c.Raw;
        switch (c.Type)
        {
            case "inlineStr":
                return (c.Inline ?? "", null);
            case null or "n":
                break;
            case "s" when raw is not null:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                    ? (strings[i], null)
                    : ("", $"the cell refers to a shared string {raw} the workbook does not have");
            case "str":
                return (raw ?? "", null);
            case "b":
                return raw is null ? ("", null) : (raw == "1" ? "true" : "false", null);
            case "e":
                return ("", c.Formula is not null ? $"the formula gives the error {raw}" : $"the cell holds the error {raw}");
            case "d" when raw is not null:
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                    ? DateText(d)
                    : ("", $"the date '{raw}' cannot be read");
            default:
                return ("", null);
        }

        if (raw is null)
        {
            return ("", null);
        }

        // LibreOffice saves a yes/no cell of a text-formatted column as the formula TRUE() or FALSE() with the
        // number 1 or 0 (<c t="n"><f>FALSE()</f><v>0</v></c>): the value is the boolean the formula names.
        if (Boolean(c.Formula) is { } boolean)
        {
            return (boolean ? "true" : "false", null);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            return ("", $"the number '{raw}' cannot be read");
        }

        if (c.Style is { } style && dateStyles.Contains(style))
        {
            try
            {
                return DateText(DateTime.FromOADate(x));
            }
            catch (ArgumentException)
            {
                return ("", $"{raw} is not a date Excel can show");
            }
        }

        // Past 10^15 a double no longer holds every whole number, and no amount or count comes near it (InputLimits).
        if (Math.Abs(x) >= 1e15)
        {
            return ("", $"the number '{raw}' is larger than any value a fact may hold");
        }

        return (((decimal)x).ToString("0.############", CultureInfo.InvariantCulture), null);
    }

    /// <summary>true for the formula TRUE() (or TRUE), false for FALSE(), in any case; null for any other.</summary>
    private static bool? Boolean(string? formula)
    {
        var f = formula?.Trim().TrimStart('=').Trim();
        return f is null ? null
            : f.Equals("TRUE()", StringComparison.OrdinalIgnoreCase) || f.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? true
            : f.Equals("FALSE()", StringComparison.OrdinalIgnoreCase) || f.Equals("FALSE", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    private static (string, string?) DateText(DateTime d) => d.TimeOfDay == TimeSpan.Zero
        ? (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
        : ("", $"expected a date without a time of day, got {d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");

    /// <summary>The text of a shared or inline string: its plain text, or its runs' texts joined (phonetic runs left out).</summary>
    private static string Text(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
        {
            return plain.Text;
        }

        var text = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            text.Append(run.Text?.Text);
        }

        return text.ToString();
    }

    private static List<string> SharedStrings(WorkbookPart book)
    {
        var strings = new List<string>();
        if (book.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(Text(reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>The cell styles whose number format shows a date: the built-in date formats and custom ones with y or d outside quotes and brackets.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart book)
    {
        var styles = new HashSet<uint>();
        var sheet = book.WorkbookStylesPart?.Stylesheet;
        if (sheet?.CellFormats is null)
        {
            return styles;
        }

        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint i = 0;
        foreach (var format in sheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDate(id))
            {
                styles.Add(i);
            }

            i++;
        }

        return styles;
    }

    /// <summary>Built-in date formats: 14–17, 22, and the East Asian ones 27–36 and 50–58 (年月日).</summary>
    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    private static bool IsDateFormat(string code)
    {
        var plain = new StringBuilder();
        var quoted = false;
        var bracket = false;
        foreach (var ch in code)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '[')
            {
                bracket = true;
            }
            else if (!quoted && ch == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                plain.Append(char.ToLowerInvariant(ch));
            }
        }

        var p = plain.ToString();
        return p.Contains('y', StringComparison.Ordinal) || p.Contains('d', StringComparison.Ordinal);
    }

    /// <summary>"AB12" → 28; a reference past the last column gives more than <see cref="MaxColumn"/>.</summary>
    private static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                n = Math.Min((n * 26) + (ch - 'A' + 1), MaxColumn + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                n = Math.Min((n * 26) + (ch - 'a' + 1), MaxColumn + 1);
            }
            else
            {
                break;
            }
        }

        return n;
    }

    /// <summary>A sheet's unpacked stream that counts its bytes against the workbook's budget and reads nothing past it.</summary>
    private sealed class CountedStream(Stream inner, Budget budget) : Stream
    {
        public bool Exhausted => budget.Bytes < 0;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Exhausted)
            {
                return 0;
            }

            var read = inner.Read(buffer, offset, count);
            budget.Bytes -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
