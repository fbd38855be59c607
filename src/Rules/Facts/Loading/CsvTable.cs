using System.Text;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// A CSV file with a header row, read strictly (RFC 4180; UTF-8 with or without BOM; CRLF, LF or CR
/// line ends). Cells are reached by header name. Every problem is added to the caller's error list
/// rather than thrown, so one pass reports all of a file's problems at once.
/// </summary>
/// <remarks>
/// Row numbers are physical line numbers: the header is line 1 and, when no cell spans lines, the
/// first data row is line 2. A row whose quoted cell spans several lines is numbered by its first
/// line, and the rows after it by their own first line, so a number always points at the text an
/// editor shows. Empty lines are skipped but counted.
/// Rows with malformed quoting or the wrong number of cells are reported and left out of
/// <see cref="Rows"/>: guessing where their cells belong would only produce misleading errors.
/// </remarks>
public sealed class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, int> _index;
    private readonly HashSet<string> _declared;
    private readonly HashSet<string> _missingRequired;

    private CsvTable(string fileName, IReadOnlyList<string> columns, Dictionary<string, int> index, HashSet<string> declared, HashSet<string> missingRequired)
    {
        FileName = fileName;
        Columns = columns;
        _index = index;
        _declared = declared;
        _missingRequired = missingRequired;
    }

    public string FileName { get; }

    /// <summary>The header as written, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<CsvRow> Rows { get; private set; } = [];

    /// <summary>Whether the header row could be read at all (the file is not empty and its header is well formed).</summary>
    public bool HasHeader { get; private set; }

    /// <summary>Reads a file as strict UTF-8; bytes that are not UTF-8 (e.g. a GBK export) are one error naming their line.</summary>
    public static CsvTable Read(string path, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, ICollection<InputError> errors) =>
        Decode(File.ReadAllBytes(path), fileName, required, optional, errors);

    /// <summary>As <see cref="Read"/>, from the file's bytes.</summary>
    public static CsvTable Decode(byte[] bytes, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, ICollection<InputError> errors)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            errors.Add(new InputError(fileName, line, "", "the file is not UTF-8; save it as UTF-8 (in Excel: \"CSV UTF-8\")"));
            return Empty(fileName, required, optional);
        }

        return Parse(text, fileName, required, optional, errors);
    }

    /// <summary>
    /// Parses CSV text whose header must hold every <paramref name="required"/> column and may hold the
    /// <paramref name="optional"/> ones, in any order; any other header is an error.
    /// </summary>
    public static CsvTable Parse(string text, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, ICollection<InputError> errors)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var syntax = new List<CsvSyntaxError>();
        var records = CsvRecords.Split(text, syntax);
        if (records.Count == 0)
        {
            errors.Add(new InputError(fileName, 1, "", $"the file is empty; expected a header row with {string.Join(", ", required)}"));
            return Empty(fileName, required, optional);
        }

        var header = records[0];
        if (header.Broken)
        {
            // Without a header no cell can be named, so the syntax errors are reported without a column.
            foreach (var e in syntax)
            {
                errors.Add(new InputError(fileName, e.Line, "", e.Message));
            }

            return Empty(fileName, required, optional);
        }

        var table = FromHeader(fileName, header.Cells, required, optional, errors);
        table.Rows = table.DataRows(records, syntax, errors);
        return table;
    }

    private static CsvTable Empty(string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional) =>
        new(fileName, [], [], [.. required, .. optional], [.. required]);

    private static CsvTable FromHeader(string fileName, IReadOnlyList<string> header, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, ICollection<InputError> errors)
    {
        var declared = new HashSet<string>([.. required, .. optional], StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var expected = string.Join(", ", required.Concat(optional));
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (!declared.Contains(name))
            {
                errors.Add(new InputError(fileName, 1, name, $"unknown column '{name}'; expected one of {expected}"));
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(new InputError(fileName, 1, name, $"duplicate column '{name}'"));
            }
        }

        var missing = new HashSet<string>(required.Where(r => !index.ContainsKey(r)), StringComparer.Ordinal);
        foreach (var name in required.Where(missing.Contains))
        {
            errors.Add(new InputError(fileName, 1, name, $"missing required column '{name}'"));
        }

        return new CsvTable(fileName, header, index, declared, missing) { HasHeader = true };
    }

    private List<CsvRow> DataRows(List<CsvRecord> records, List<CsvSyntaxError> syntax, ICollection<InputError> errors)
    {
        foreach (var e in syntax)
        {
            var column = e.CellIndex < Columns.Count ? Columns[e.CellIndex] : "";
            errors.Add(new InputError(FileName, e.Line, column, e.Message));
        }

        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Broken)
            {
                continue;
            }

            if (record.Cells.Count != Columns.Count)
            {
                errors.Add(new InputError(FileName, record.Line, "", $"the row has {record.Cells.Count} cells but the header has {Columns.Count}"));
                continue;
            }

            rows.Add(new CsvRow(this, record.Line, record.Cells));
        }

        return rows;
    }

    /// <summary>Whether a required column is absent from the header (already reported once for the file).</summary>
    public bool IsMissingRequired(string column) => _missingRequired.Contains(column);

    internal string? Cell(IReadOnlyList<string> cells, string column)
    {
        if (!_declared.Contains(column))
        {
            // A programming error, not an input error: the loader asked for a column it never declared.
            throw new ArgumentException($"column '{column}' is not declared for {FileName}", nameof(column));
        }

        return _index.TryGetValue(column, out var i) ? cells[i] : null;
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
public sealed class CsvRow
{
    private readonly CsvTable _table;
    private readonly IReadOnlyList<string> _cells;

    internal CsvRow(CsvTable table, int line, IReadOnlyList<string> cells)
    {
        _table = table;
        Line = line;
        _cells = cells;
    }

    /// <summary>The physical line the row starts on (the header is line 1).</summary>
    public int Line { get; }

    public CsvTable Table => _table;

    /// <summary>The cell under a declared column as written ("" for an empty cell); null when the header lacks the column.</summary>
    public string? this[string column] => _table.Cell(_cells, column);
}
