namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Lays a <see cref="Table"/> out on the document: cells wrap inside their column, a row never
/// splits, and when the next row does not fit the table continues on a new page under a repeated
/// header row. Rules only (no grid), in the style of financial statements. A single row taller
/// than a page would run over the footer; no document has cells that long.
/// </summary>
internal static class TableRenderer
{
    private const double PadX = 4;
    private const double PadY = 2.5;

    /// <summary>Tables up to this height are never split: a short table broken over two pages is harder to read than a gap.</summary>
    private const double KeepWhole = 240;

    /// <summary>Lays every row out (wraps each cell) once; the result gives the height to keep with a heading and is then drawn.</summary>
    public static LaidOutTable Layout(ReportDocument doc, Table table)
    {
        var widths = Widths(table, doc.Width);
        var header = table.ShowHeader ? Layout(doc, table, table.Columns.Select(c => c.Header).ToList(), widths, TextStyle.CellBold) : null;
        var rows = table.Rows.Select(r => Layout(doc, table, r.Cells, widths, r.Kind == RowKind.Body ? TextStyle.Cell : TextStyle.CellBold)).ToList();
        return new LaidOutTable(table, header, rows);
    }

    public static void Draw(ReportDocument doc, Table table, double spaceAfter = 8) => Draw(doc, Layout(doc, table), spaceAfter);

    public static void Draw(ReportDocument doc, LaidOutTable laidOut, double spaceAfter = 8)
    {
        var (table, header, rows) = (laidOut.Table, laidOut.Header, laidOut.Rows);
        var headerHeight = header?.Height ?? 0;
        doc.EnsureSpace(laidOut.KeptWhole ? laidOut.Height : headerHeight + (rows.Count > 0 ? rows[0].Height : 0));
        DrawHeader(doc, table, header);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (doc.Y + row.Height > doc.Bottom && doc.Y > doc.Top + headerHeight)
            {
                doc.Graphics.DrawLine(Palette.StrongRule, doc.Left, doc.Y, doc.Right, doc.Y);
                doc.NewPage();
                DrawHeader(doc, table, header);
            }

            DrawRow(doc, table, table.Rows[i], row);
        }

        doc.Graphics.DrawLine(Palette.StrongRule, doc.Left, doc.Y, doc.Right, doc.Y);
        doc.Space(spaceAfter);
    }

    private static double[] Widths(Table table, double total)
    {
        var sum = table.Columns.Sum(c => c.Weight);
        return table.Columns.Select(c => total * c.Weight / sum).ToArray();
    }

    private static LaidOutRow Layout(ReportDocument doc, Table table, IReadOnlyList<string> cells, double[] widths, TextStyle style)
    {
        var spans = Spans(table, cells, widths);
        var wrapped = cells.Select((text, i) => doc.Wrap(text, style, spans[i] - (2 * PadX))).ToList();
        var height = (wrapped.Max(l => l.Count) * style.LineHeight) + (2 * PadY);
        return new LaidOutRow(wrapped, spans, widths, style, height);
    }

    /// <summary>
    /// A left-aligned cell may run on over the empty cells to its right ("合计" rows, notes): its
    /// text then wraps in the wider space instead of breaking inside a narrow column.
    /// </summary>
    private static double[] Spans(Table table, IReadOnlyList<string> cells, double[] widths)
    {
        var spans = (double[])widths.Clone();
        for (var i = 0; i < cells.Count; i++)
        {
            if (table.Columns[i].Align != Align.Left || cells[i].Length == 0)
            {
                continue;
            }

            for (var j = i + 1; j < cells.Count && cells[j].Length == 0; j++)
            {
                spans[i] += widths[j];
            }
        }

        return spans;
    }

    private static void DrawHeader(ReportDocument doc, Table table, LaidOutRow? header)
    {
        doc.Graphics.DrawLine(Palette.StrongRule, doc.Left, doc.Y, doc.Right, doc.Y);
        if (header is null)
        {
            return;
        }

        doc.Graphics.DrawRectangle(Palette.HeaderFill, doc.Left, doc.Y, doc.Width, header.Height);
        DrawCells(doc, table, header);
        doc.Space(header.Height);
        doc.Graphics.DrawLine(Palette.Rule, doc.Left, doc.Y, doc.Right, doc.Y);
    }

    private static void DrawRow(ReportDocument doc, Table table, Row row, LaidOutRow laidOut)
    {
        if (row.Kind == RowKind.Total)
        {
            doc.Graphics.DrawLine(Palette.StrongRule, doc.Left, doc.Y, doc.Right, doc.Y);
        }

        DrawCells(doc, table, laidOut);
        doc.Space(laidOut.Height);
        if (row.Kind != RowKind.Total)
        {
            doc.Graphics.DrawLine(Palette.Rule, doc.Left, doc.Y, doc.Right, doc.Y);
        }
    }

    private static void DrawCells(ReportDocument doc, Table table, LaidOutRow row)
    {
        var x = doc.Left;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            DrawLines(doc, row.Cells[c], row.Style, x, row.Widths[c], table.Columns[c].Align);
            x += row.ColumnWidths[c];
        }
    }

    private static void DrawLines(ReportDocument doc, IReadOnlyList<string> lines, TextStyle style, double x, double width, Align align)
    {
        var top = doc.Y + PadY;
        foreach (var line in lines)
        {
            doc.DrawAligned(line, style, x + PadX, width - (2 * PadX), top, align);
            top += style.LineHeight;
        }
    }

    /// <summary>A table with its rows laid out.</summary>
    internal sealed record LaidOutTable(Table Table, LaidOutRow? Header, IReadOnlyList<LaidOutRow> Rows)
    {
        /// <summary>The height of the whole table.</summary>
        public double Height { get; } = (Header?.Height ?? 0) + Rows.Sum(r => r.Height);

        /// <summary>
        /// The height that must fit below a heading for the table to start with it: the whole table if it
        /// is short, else its header and first rows.
        /// </summary>
        public double StartHeight => KeptWhole ? Height : (Header?.Height ?? 0) + Rows.Take(3).Sum(r => r.Height);

        /// <summary>Whether the table is short enough to be kept on one page.</summary>
        public bool KeptWhole => Height <= KeepWhole;
    }

    /// <param name="Widths">Each cell's width, including the empty cells it runs on over.</param>
    /// <param name="ColumnWidths">The columns' own widths, which place the cells.</param>
    internal sealed record LaidOutRow(IReadOnlyList<IReadOnlyList<string>> Cells, IReadOnlyList<double> Widths, IReadOnlyList<double> ColumnWidths, TextStyle Style, double Height);
}
