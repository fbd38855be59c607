namespace Compensation.Rules;

/// <summary>
/// One problem with an input file: the file, the line (for CSV the row, 1 = header), the column
/// or field, and what was expected. Shown as "file:line: field: message".
/// </summary>
public sealed record InputError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>Input that cannot be settled; carries every problem found, not only the first.</summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems:\n" + string.Join("\n", errors.Take(20).Select(e => "  " + e)) + (errors.Count > 20 ? "\n  …" : "");
}
