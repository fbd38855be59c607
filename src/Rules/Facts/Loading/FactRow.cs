namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// One row of facts, whether a CSV row or a facts.json object, so the checks are written once
/// and every error still names the file, line and field the way that form spells them.
/// </summary>
public abstract class FactRow
{
    public abstract string File { get; }

    /// <summary>The CSV row number, or the line of the JSON object.</summary>
    public abstract int Line { get; }

    /// <summary>The value as text; null when absent or empty, or when it was unusable and already reported.</summary>
    public abstract string? Get(string column);

    /// <summary>True when a missing value has already been reported (a missing header, a JSON value of the wrong type).</summary>
    public abstract bool AlreadyReported(string column);

    public abstract InputError Error(string column, string message);
}

internal sealed class CsvFactRow(CsvRow row) : FactRow
{
    public override string File => row.Table.FileName;

    public override int Line => row.Line;

    public override string? Get(string column) => row[column] is { Length: > 0 } cell ? cell : null;

    public override bool AlreadyReported(string column) => row.Table.IsMissingRequired(column);

    public override InputError Error(string column, string message) => new(File, Line, column, message);
}

/// <summary>An object of facts.json: its values as text, its JSON path and the line of each key.</summary>
internal sealed class JsonFactRow(
    string file, string path, int line, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> reported, IReadOnlyDictionary<string, int> lines)
    : FactRow
{
    public override string File => file;

    public override int Line => line;

    public override string? Get(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

    public override bool AlreadyReported(string column) => reported.Contains(column);

    public override InputError Error(string column, string message)
    {
        var field = JsonPaths.Property(path, column);
        return new InputError(File, lines.TryGetValue(field, out var l) ? l : line, field, message);
    }
}

/// <summary>
/// Where the rows of each kind of fact come from, and how messages should name a file. The rows of one
/// kind may come from different places (stored files, a workbook, a JSON batch): each row names its own.
/// </summary>
public sealed record FactSource(
    Func<FactKind, string> Label,
    FactRow? Term,
    IReadOnlyDictionary<FactKind, IReadOnlyList<FactRow>> Lists)
{
    public IReadOnlyList<FactRow> RowsOf(FactKind file) => Lists.TryGetValue(file, out var rows) ? rows : [];
}
