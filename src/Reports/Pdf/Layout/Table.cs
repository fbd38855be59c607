namespace Compensation.Reports.Pdf.Layout;

internal enum Align
{
    Left,
    Center,
    Right,
}

/// <summary>A table column: its header, its share of the table's width, and how its cells align (amounts right).</summary>
internal sealed record Column(string Header, double Weight, Align Align = Align.Left);

internal enum RowKind
{
    Body,

    /// <summary>A total: bold, under a strong rule.</summary>
    Total,
}

internal sealed record Row(IReadOnlyList<string> Cells, RowKind Kind);

/// <summary>The content of a table; <see cref="TableRenderer"/> lays it out over as many pages as it needs.</summary>
internal sealed class Table(IReadOnlyList<Column> columns, bool showHeader = true)
{
    private readonly List<Row> rows = [];

    public IReadOnlyList<Column> Columns { get; } = columns;

    public bool ShowHeader { get; } = showHeader;

    public IReadOnlyList<Row> Rows => rows;

    public Table Add(params string[] cells) => Append(cells, RowKind.Body);

    public Table AddTotal(params string[] cells) => Append(cells, RowKind.Total);

    private Table Append(string[] cells, RowKind kind)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {Columns.Count} columns", nameof(cells));
        }

        rows.Add(new Row(cells, kind));
        return this;
    }
}
