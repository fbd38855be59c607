using System.Text;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Writes rows of one kind as the CSV file docs/facts-format.md describes: UTF-8 without BOM, LF line
/// ends, the kind's columns in their documented order, a cell quoted only when it holds a comma, a
/// quote or a line break. Rows keep the order given; reading the file back gives the same text in
/// every cell.
/// </summary>
public static class FactsCsv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Write(FactKind kind, IEnumerable<FactRow> rows)
    {
        var columns = kind.Columns.ToArray();
        var text = new StringBuilder();
        AppendLine(text, columns);
        var cells = new string[columns.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                cells[i] = row.Get(columns[i]) ?? "";
            }

            AppendLine(text, cells);
        }

        return Utf8.GetBytes(text.ToString());
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append('\n');
    }
}
