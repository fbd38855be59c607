using Compensation.Rules.Domain;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Reads the fields of one row, adding an error for each bad or missing value and remembering
/// whether the row as a whole can become a fact. All fields are read even after a failure, so
/// one row reports all of its problems.
/// </summary>
internal sealed class FieldReader(FactRow row, List<InputError> errors)
{
    /// <summary>False once any field of the row was missing or malformed.</summary>
    public bool Ok { get; private set; } = true;

    public FactRow Row => row;

    public void Error(string column, string message)
    {
        errors.Add(row.Error(column, message));
        Ok = false;
    }

    /// <summary>A required id: non-empty and without spaces. Null when missing or malformed (already reported).</summary>
    public string? Id(string column) => Check(Required(column), column, TextValues.Id);

    /// <summary>Required free text (a name, or a reference checked later against another file).</summary>
    public string? Text(string column) => Check(Required(column), column, TextValues.FreeText);

    public string OptionalText(string column) => Check(row.Get(column), column, TextValues.FreeText) ?? "";

    public string? OptionalId(string column) => Check(row.Get(column), column, TextValues.Id);

    public string? Choice(string column, IReadOnlyList<string> allowed) =>
        Check(Required(column), column, t => TextValues.Choice(t, allowed));

    public DateOnly? Date(string column) => Parse<DateOnly>(Required(column), column, TextValues.Date);

    public DateOnly? OptionalDate(string column) => Parse<DateOnly>(row.Get(column), column, TextValues.Date);

    public Money? Money(string column) => ToMoney(Parse<decimal>(Required(column), column, TextValues.Amount));

    public Money? OptionalMoney(string column) => ToMoney(Parse<decimal>(row.Get(column), column, TextValues.Amount));

    public decimal? Percent(string column) => Parse<decimal>(Required(column), column, TextValues.Percent);

    public decimal? OptionalPercent(string column) => Parse<decimal>(row.Get(column), column, TextValues.Percent);

    public int? Integer(string column, int min, int max) =>
        Parse(Required(column), column, (string t, out int v) => TextValues.Integer(t, min, max, out v));

    public int? OptionalInteger(string column, int min, int max) =>
        Parse(row.Get(column), column, (string t, out int v) => TextValues.Integer(t, min, max, out v));

    public bool? OptionalBoolean(string column) => Parse<bool>(row.Get(column), column, TextValues.Boolean);

    public IReadOnlyList<int>? Weekdays(string column)
    {
        var text = Required(column);
        if (text is null)
        {
            return null;
        }

        if (TextValues.Weekdays(text, out var days) is { } problem)
        {
            Error(column, problem);
            return null;
        }

        return days;
    }

    private string? Required(string column)
    {
        var text = row.Get(column);
        if (text is null)
        {
            if (!row.AlreadyReported(column))
            {
                Error(column, "required");
            }

            Ok = false;
        }

        return text;
    }

    private delegate string? Parser<T>(string text, out T value);

    private static Money? ToMoney(decimal? yuan) => yuan is { } y ? Domain.Money.Of(y) : null;

    private string? Check(string? text, string column, Func<string, string?> problem)
    {
        if (text is not null && problem(text) is { } message)
        {
            Error(column, message);
            return null;
        }

        return text;
    }

    /// <summary>Null for an absent value (reported by <see cref="Required"/> when it had to be there) or a malformed one.</summary>
    private T? Parse<T>(string? text, string column, Parser<T> parse)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value) is { } problem)
        {
            Error(column, problem);
            return null;
        }

        return value;
    }
}
