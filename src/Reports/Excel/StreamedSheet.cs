using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Compensation.Reports.Excel;

/// <summary>
/// Rows of a sheet written straight into its package part instead of through ClosedXML, which keeps
/// every cell as an object with its own style: for the 说明 sheet of a large term (some 80,000 rows)
/// that took seconds and most of a gigabyte. ClosedXML writes everything else of the sheet (the
/// bold, filled, frozen header row, the column widths, a first data row whose cells give the styles
/// of each column, the total row with its =SUM() formulas) and leaves the rows in between empty;
/// when the package is rewritten (<see cref="WorkbookDeterminism"/>) that part is copied with the
/// rows inserted in their place, one at a time, so memory does not grow with the number of rows.
/// Text is written as inline strings (the shared-string table stays as ClosedXML wrote it) and a
/// missing or empty value leaves the cell empty, as ClosedXML does; numbers are written as numbers
/// with the style their column has in the style row. The sheet's dimension covers the rows written.
/// </summary>
internal sealed class StreamedSheet
{
    private const string Spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Marker = "<!--streamed rows-->";
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\r");

    private readonly int _count;
    private readonly IEnumerable<IReadOnlyList<object?>> _rows;
    private readonly int? _styleRow;

    /// <summary>
    /// <paramref name="rows"/> (strings, decimals, ints or nulls, one per column) is enumerated once, while the part is
    /// written, as rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + <paramref name="count"/> − 1, which
    /// ClosedXML must have left empty. The cells of <paramref name="styleRow"/>, a row ClosedXML wrote, give the style of
    /// each column; without it every column must be text.
    /// </summary>
    public StreamedSheet(string name, IReadOnlyList<SheetColumn> columns, int firstRow, int count, IEnumerable<IReadOnlyList<object?>> rows, int? styleRow = null)
    {
        if (styleRow is null && count > 0 && columns.Any(c => c.Kind != CellKind.Text))
        {
            throw new ArgumentException($"sheet {name}: a sheet with numbers needs a row that gives the styles", nameof(styleRow));
        }

        Name = name;
        Columns = columns;
        FirstRow = firstRow;
        _count = count;
        _rows = rows;
        _styleRow = styleRow;
    }

    public string Name { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    public int FirstRow { get; }

    /// <summary>
    /// Copies ClosedXML's part of the sheet (<paramref name="part"/>) to <paramref name="target"/>, with the rows in their place
    /// and the values of its formulas (<paramref name="formulas"/>) beside them.
    /// </summary>
    public void Write(Stream part, Stream target, FormulaValues? formulas = null)
    {
        var (head, tail, prefix, styles) = Skeleton(part);
        if (formulas is not null)
        {
            head = formulas.Fill(head);
            tail = formulas.Fill(tail);
        }

        using var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        writer.Write(head);
        var rows = new RowWriter(writer, prefix, Columns, styles);
        var index = FirstRow;
        foreach (var values in _rows)
        {
            if (values.Count > Columns.Count)
            {
                throw new InvalidOperationException($"sheet {Name}: {values.Count} values for {Columns.Count} columns");
            }

            rows.Write(index++, values);
        }

        if (index != FirstRow + _count)
        {
            throw new InvalidOperationException($"sheet {Name}: {index - FirstRow} rows written, {_count} announced");
        }

        writer.Write(tail);
    }

    /// <summary>
    /// ClosedXML's part, with its dimension widened to the streamed rows, as the text before and after the streamed rows;
    /// the prefix of the SpreadsheetML namespace there, and the style of each column's cells.
    /// </summary>
    private (string Head, string Tail, string Prefix, string?[] Styles) Skeleton(Stream part)
    {
        Worksheet worksheet;
        using (var reader = XmlReader.Create(part))
        {
            reader.MoveToContent();
            worksheet = new Worksheet(reader.ReadOuterXml());
        }

        var data = worksheet.GetFirstChild<SheetData>() ?? throw new InvalidOperationException($"sheet {Name} has no sheetData");
        var rows = data.Elements<Row>().ToList();
        var last = FirstRow + _count - 1;
        if (rows.Any(r => r.RowIndex is null))
        {
            throw new InvalidOperationException($"sheet {Name}: a row without its number");
        }

        if (rows.Any(r => r.RowIndex!.Value >= FirstRow && r.RowIndex.Value <= last))
        {
            throw new InvalidOperationException($"sheet {Name}: rows {FirstRow}–{last} are to be streamed but were written");
        }

        var styles = new string?[Columns.Count];
        if (_styleRow is { } styleRow && _count > 0)
        {
            var template = rows.SingleOrDefault(r => r.RowIndex!.Value == styleRow) ?? throw new InvalidOperationException($"sheet {Name}: no style row {styleRow}");
            foreach (var cell in template.Elements<Cell>())
            {
                var column = XLHelper.GetColumnNumberFromAddress(cell.CellReference?.Value ?? throw new InvalidOperationException($"sheet {Name}: a cell without its address"));
                if (column <= Columns.Count && cell.StyleIndex is { } style)
                {
                    styles[column - 1] = style.Value.ToString(CultureInfo.InvariantCulture);
                }
            }

            for (var c = 0; c < Columns.Count; c++)
            {
                if (Columns[c].Kind != CellKind.Text && styles[c] is null)
                {
                    throw new InvalidOperationException($"sheet {Name}: the style row has no style for column {c + 1}");
                }
            }
        }

        if (worksheet.SheetDimension?.Reference?.Value is { } reference && _count > 0)
        {
            var corners = reference.Split(':');
            var end = corners[^1];
            var column = Math.Max(XLHelper.GetColumnNumberFromAddress(end), Columns.Count);
            var row = Math.Max(int.Parse(end.AsSpan(end.AsSpan().IndexOfAnyInRange('0', '9')), CultureInfo.InvariantCulture), last);
            worksheet.SheetDimension.Reference = $"{corners[0]}:{XLHelper.GetColumnLetterFromNumber(column)}{row.ToString(CultureInfo.InvariantCulture)}";
        }

        data.RemoveAllChildren();
        data.Append(rows.Where(r => r.RowIndex!.Value < FirstRow));
        data.AppendChild(new OpenXmlMiscNode(XmlNodeType.Comment, Marker));
        data.Append(rows.Where(r => r.RowIndex!.Value > last));
        var xml = worksheet.OuterXml;
        var at = xml.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0 || xml.IndexOf(Marker, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"sheet {Name}: the place of the rows is not found");
        }

        var prefix = worksheet.LookupPrefix(Spreadsheet);
        return (xml[..at], xml[(at + Marker.Length)..], string.IsNullOrEmpty(prefix) ? "" : prefix + ":", styles);
    }

    /// <summary>Writes rows as SpreadsheetML text: &lt;row r="5"&gt;&lt;c r="A5" t="inlineStr"&gt;&lt;is&gt;&lt;t&gt;…&lt;/t&gt;&lt;/is&gt;&lt;/c&gt;…&lt;/row&gt;.</summary>
    private sealed class RowWriter
    {
        private readonly TextWriter _writer;
        private readonly string[] _cellStarts;

        /// <summary>What closes the address of a column's cells: the quote, and its style if it has one.</summary>
        private readonly string[] _styles;
        private readonly string _rowStart;
        private readonly string _rowSpans;
        private readonly string _rowEnd;
        private readonly string _textStart;
        private readonly string _preservedTextStart;
        private readonly string _textEnd;
        private readonly string _valueStart;
        private readonly string _valueEnd;
        private readonly char[] _row = new char[12];
        private readonly char[] _value = new char[12];

        public RowWriter(TextWriter writer, string prefix, IReadOnlyList<SheetColumn> columns, string?[] styles)
        {
            _writer = writer;
            _cellStarts = columns.Select((_, c) => $"<{prefix}c r=\"{XLHelper.GetColumnLetterFromNumber(c + 1)}").ToArray();
            _rowStart = $"<{prefix}row r=\"";
            _rowSpans = $"\" spans=\"1:{columns.Count.ToString(CultureInfo.InvariantCulture)}\">";
            _rowEnd = $"</{prefix}row>";
            _textStart = $" t=\"inlineStr\"><{prefix}is><{prefix}t>";
            _preservedTextStart = $" t=\"inlineStr\"><{prefix}is><{prefix}t xml:space=\"preserve\">";
            _textEnd = $"</{prefix}t></{prefix}is></{prefix}c>";
            _valueStart = $"><{prefix}v>";
            _valueEnd = $"</{prefix}v></{prefix}c>";
            _styles = styles.Select(s => s is null ? "\"" : $"\" s=\"{s}\"").ToArray();
        }

        public void Write(int index, IReadOnlyList<object?> values)
        {
            var row = Number(index, _row);
            _writer.Write(_rowStart);
            _writer.Write(row);
            _writer.Write(_rowSpans);
            for (var c = 0; c < values.Count; c++)
            {
                switch (values[c])
                {
                    case null:
                    case string { Length: 0 }:
                        break;
                    case string text:
                        text = Encode(SheetWriter.Fit(text));
                        Start(c, row);
                        _writer.Write(text.AsSpan().Trim().Length == text.Length ? _textStart : _preservedTextStart);
                        Escaped(text);
                        _writer.Write(_textEnd);
                        break;
                    case decimal number:
                        Start(c, row);
                        _writer.Write(_valueStart);
                        _writer.Write(number.ToString(CultureInfo.InvariantCulture));
                        _writer.Write(_valueEnd);
                        break;
                    case int number:
                        Start(c, row);
                        _writer.Write(_valueStart);
                        _writer.Write(Number(number, _value));
                        _writer.Write(_valueEnd);
                        break;
                    default:
                        throw new ArgumentException($"cannot write a {values[c]!.GetType().Name} to a sheet", nameof(values));
                }
            }

            _writer.Write(_rowEnd);
        }

        /// <summary>&lt;c r="A5" s="4" (the style, if the column has one); the attribute t, if any, and the content follow.</summary>
        private void Start(int column, ReadOnlySpan<char> row)
        {
            _writer.Write(_cellStarts[column]);
            _writer.Write(row);
            _writer.Write(_styles[column]);
        }

        private static ReadOnlySpan<char> Number(int value, char[] buffer)
        {
            value.TryFormat(buffer, out var length, provider: CultureInfo.InvariantCulture);
            return buffer.AsSpan(0, length);
        }

        /// <summary>
        /// Element text: &amp;, &lt; and &gt; as entities, and every line break (\r\n, \r) as \n, as the XmlWriter that ClosedXML
        /// writes through does on Linux (elsewhere it writes \r\n, which an XML reader makes \n again).
        /// </summary>
        private void Escaped(ReadOnlySpan<char> text)
        {
            while (true)
            {
                var at = text.IndexOfAny(Special);
                if (at < 0)
                {
                    _writer.Write(text);
                    return;
                }

                _writer.Write(text[..at]);
                switch (text[at])
                {
                    case '&':
                        _writer.Write("&amp;");
                        break;
                    case '<':
                        _writer.Write("&lt;");
                        break;
                    case '>':
                        _writer.Write("&gt;");
                        break;
                    default:
                        _writer.Write('\n');
                        if (at + 1 < text.Length && text[at + 1] == '\n')
                        {
                            at++;
                        }

                        break;
                }

                text = text[(at + 1)..];
            }
        }
    }

    /// <summary>
    /// The escape of Office Open XML strings (ST_Xstring), as ClosedXML writes them: a character XML
    /// cannot hold (a control character, a lone surrogate) becomes _xHHHH_, and a literal _xHHHH_ in
    /// the text is protected as _x005F_xHHHH_ so that it is not read as an escape.
    /// </summary>
    internal static string Encode(string text)
    {
        if (!NeedsEncoding(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        var free = 0; // escapes do not overlap: the next one starts after the end of the last
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (!IsXmlChar(ch))
            {
                sb.Append("_x").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                if (i >= free && IsEscape(text, i))
                {
                    sb.Append("_x005F");
                    free = i + 7;
                }

                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEncoding(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(ch) || IsEscape(text, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsXmlChar(char ch) =>
        ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);

    /// <summary>Whether an _xHHHH_ escape starts at <paramref name="i"/>.</summary>
    private static bool IsEscape(string text, int i) =>
        text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]) && text[i + 6] == '_';
}
