namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Reads the CSV files of a term into rows, from a folder or from files held in memory (file name →
/// bytes); term.csv is required, every other file optional.
/// </summary>
internal static class FolderSource
{
    public static FactSource? Read(string folder, List<InputError> errors)
    {
        if (!Directory.Exists(folder))
        {
            errors.Add(new InputError(folder, 0, "", "the facts folder does not exist"));
            return null;
        }

        return Read(name => File.Exists(Path.Combine(folder, name)) ? File.ReadAllBytes(Path.Combine(folder, name)) : null, errors);
    }

    public static FactSource Read(Func<string, byte[]?> open, List<InputError> errors)
    {
        var folder = open;
        var term = ReadTerm(folder, errors);
        var lists = new Dictionary<FactKind, IReadOnlyList<FactRow>>();
        foreach (var file in FactKinds.Lists)
        {
            var table = ReadTable(folder, file, errors);
            if (table is not null)
            {
                lists[file] = [.. table.Rows.Select(r => new CsvFactRow(r))];
            }
        }

        return new FactSource(f => f.CsvName, term, lists);
    }

    private static FactRow? ReadTerm(Func<string, byte[]?> folder, List<InputError> errors)
    {
        var file = FactKinds.Term;
        if (folder(file.CsvName) is null)
        {
            errors.Add(new InputError(file.CsvName, 0, "", "the file is missing; every term needs term.csv"));
            return null;
        }

        var table = ReadTable(folder, file, errors);
        if (table is null || !table.HasHeader)
        {
            return null;
        }

        if (table.Rows.Count != 1)
        {
            // Point at the first surplus row, or at the header when there is no row at all.
            var line = table.Rows.Count == 0 ? 1 : table.Rows[1].Line;
            errors.Add(new InputError(file.CsvName, line, "", $"expected exactly one row (the term), found {table.Rows.Count}"));
        }

        return table.Rows.Count > 0 ? new CsvFactRow(table.Rows[0]) : null;
    }

    private static CsvTable? ReadTable(Func<string, byte[]?> folder, FactKind file, List<InputError> errors) =>
        folder(file.CsvName) is { } bytes ? CsvTable.Decode(bytes, file.CsvName, file.Required, file.Optional, errors) : null;
}
