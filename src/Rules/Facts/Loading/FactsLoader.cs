namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Loads a term's facts from a folder of CSV files or from one facts.json (docs/facts-format.md).
/// Parsing is strict and complete: every problem in every file is collected, and if there is any,
/// an <see cref="InputException"/> carrying all of them is thrown and nothing is returned.
/// </summary>
/// <remarks>
/// Errors name the file (relative to the folder, e.g. "lessons.csv", or the JSON file's name), the
/// line (CSV: the row, 1 = header; JSON: the line of the key) and the field (CSV: the column; JSON:
/// the path, e.g. "$.lessons[3].minutes"). A problem with a whole file (a missing term.csv) has line 0
/// and no field. Errors are ordered by file and line. The lists of the result are sorted by id
/// (calendar by date, attendance by student and date), never by row order.
/// </remarks>
public static class FactsLoader
{
    /// <summary>The names of the CSV files of a term, term.csv first.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. FactKinds.Lists.Prepend(FactKinds.Term).Select(f => f.CsvName)];

    /// <summary>A folder of CSV files, or a .json file.</summary>
    public static TermFacts Load(string path)
    {
        if (Directory.Exists(path))
        {
            return LoadFolder(path);
        }

        if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
        {
            return LoadJson(path);
        }

        throw new InputException([new InputError(path, 0, "", "expected a folder of CSV files or a .json file")]);
    }

    public static TermFacts LoadFolder(string folder)
    {
        var errors = new List<InputError>();
        return Build(FolderSource.Read(folder, errors), errors);
    }

    /// <summary>
    /// The CSV files of a term held in memory, by file name ("lessons.csv"); names that are not fact
    /// files are an error, so a misspelt upload is not silently ignored.
    /// </summary>
    public static TermFacts LoadFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        var errors = new List<InputError>();
        return Build(ReadFiles(files, errors), errors);
    }

    /// <summary>
    /// The rows of CSV files held in memory, unchecked beyond their CSV form and headers (problems go to
    /// <paramref name="errors"/>); <see cref="Build"/> makes facts of them, possibly mixed with rows from
    /// elsewhere.
    /// </summary>
    public static FactSource ReadFiles(IReadOnlyDictionary<string, byte[]> files, List<InputError> errors)
    {
        var known = FactKinds.Lists.Prepend(FactKinds.Term).Select(f => f.CsvName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in files.Keys.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal))
        {
            errors.Add(new InputError(name, 0, "", "not a facts file; expected one of " + string.Join(", ", known.Order(StringComparer.Ordinal))));
        }

        return FolderSource.Read(name => files.GetValueOrDefault(name), errors);
    }

    /// <summary>
    /// The rows of a JSON batch (facts.json without the term: <c>{"lessons": [...], ...}</c>), named by
    /// <paramref name="fileName"/> and JSON path; null when the JSON itself is unusable.
    /// </summary>
    /// <remarks>With <paramref name="within"/> the lists are read from that key of the root object ($.replace).</remarks>
    public static FactSource? ReadJsonBatch(string fileName, byte[] json, List<InputError> errors, string? within = null) =>
        JsonSource.ReadBatch(fileName, json, errors, within);

    public static TermFacts LoadJson(string path)
    {
        var errors = new List<InputError>();
        return Build(JsonSource.Read(path, errors), errors);
    }

    /// <summary>
    /// Checks every row and every reference between rows, and makes the facts; throws an
    /// <see cref="InputException"/> with every problem found, <paramref name="errors"/> included.
    /// </summary>
    public static TermFacts Build(FactSource? source, List<InputError> errors)
    {
        var facts = source is null ? null : new FactsBuilder(source, errors).Build();
        if (errors.Count > 0 || facts is null)
        {
            throw new InputException(Ordered(errors));
        }

        return facts;
    }

    /// <summary>By file and line; within a line in the order found (OrderBy is stable), which follows the columns as read.</summary>
    private static List<InputError> Ordered(List<InputError> errors) =>
        [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];
}
