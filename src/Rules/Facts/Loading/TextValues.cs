using System.Globalization;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// The strict text forms of values shared by the facts and policy loaders. Each parser returns
/// null on success and otherwise the "expected …, got '…'" message, so callers can attach the
/// message to whatever location they know (a CSV cell, a JSON path, a YAML node).
/// </summary>
internal static class TextValues
{
    public static string? Date(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : $"expected a date yyyy-MM-dd, got '{text}'";

    /// <summary>Yuan: digits with at most two decimals; no sign, exponent or thousands separator.</summary>
    public static string? Amount(string text, out decimal value)
    {
        value = 0m;
        if (!IsDecimal(text, out var negative, out var decimals) || !TryDecimal(text, out value))
        {
            return $"expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got '{text}'";
        }

        if (negative)
        {
            return $"expected an amount of yuan that is not negative, got '{text}'";
        }

        if (decimals > 2)
        {
            return $"expected an amount of yuan with at most two decimals, got '{text}'";
        }

        return value > InputLimits.MaxAmount ? $"expected an amount of at most {InputLimits.Format(InputLimits.MaxAmount)} yuan, got '{Shortened(text)}'" : null;
    }

    /// <summary>A percentage 0–100; decimals allowed (33.33), no sign or exponent.</summary>
    public static string? Percent(string text, out decimal value)
    {
        value = 0m;
        if (!IsDecimal(text, out var negative, out _) || !TryDecimal(text, out value) || negative || value > 100m)
        {
            return $"expected a percentage from 0 to 100, got '{text}'";
        }

        return null;
    }

    /// <summary>A non-negative decimal number that is not money (e.g. lesson-hours per day).</summary>
    public static string? Number(string text, out decimal value)
    {
        value = 0m;
        if (!IsDecimal(text, out var negative, out _) || !TryDecimal(text, out value) || negative)
        {
            return $"expected a number that is not negative (e.g. 3 or 1.5), got '{text}'";
        }

        return value > InputLimits.MaxNumber ? $"expected a number of at most {InputLimits.Format(InputLimits.MaxNumber)}, got '{Shortened(text)}'" : null;
    }

    public static string? Integer(string text, int min, int max, out int value)
    {
        value = 0;
        var digitsOnly = text.Length > 0 && text.All(char.IsAsciiDigit);
        var parsed = digitsOnly && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (parsed && value >= min && value <= max)
        {
            return null;
        }

        // Fields bounded only by InputLimits.MaxCount name their bound once a value passes it.
        var tooLarge = digitsOnly && (!parsed || value > max);
        return max < InputLimits.MaxCount ? $"expected a whole number from {min} to {max}, got '{Shortened(text)}'"
            : tooLarge ? $"expected a whole number of at most {InputLimits.Format(max)}, got '{Shortened(text)}'"
            : $"expected a whole number of at least {min}, got '{Shortened(text)}'";
    }

    public static string? Boolean(string text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false" ? null : $"expected true or false, got '{text}'";
    }

    /// <summary>ISO weekdays as distinct digits 1–5 ("135"), returned in ascending order.</summary>
    public static string? Weekdays(string text, out IReadOnlyList<int> value)
    {
        value = [];
        var days = new SortedSet<int>();
        foreach (var c in text)
        {
            if (c is < '1' or > '5' || !days.Add(c - '0'))
            {
                return $"expected weekdays as distinct digits 1–5 (e.g. 12345 or 135), got '{text}'";
            }
        }

        if (days.Count == 0)
        {
            return "expected weekdays as distinct digits 1–5 (e.g. 12345 or 135), got ''";
        }

        value = [.. days];
        return null;
    }

    public static string? Choice(string text, IReadOnlyList<string> allowed) =>
        allowed.Contains(text, StringComparer.Ordinal) ? null : $"expected one of {string.Join(", ", allowed)}, got '{text}'";

    public static string? Id(string text) =>
        ControlCharacter(text, allowLineBreaks: false) is { } at ? $"expected an id without control characters, got U+{(int)text[at]:X4} at character {at + 1}"
        : text.Any(char.IsWhiteSpace) ? $"expected an id without spaces, got '{text}'"
        : null;

    /// <summary>Free text (a name, a reason): any characters but controls; TAB, LF and CR may stand in it (a quoted CSV cell may hold a line break).</summary>
    public static string? FreeText(string text) =>
        ControlCharacter(text, allowLineBreaks: true) is { } at ? $"expected text without control characters, got U+{(int)text[at]:X4} at character {at + 1}" : null;

    /// <summary>Where the first control character is (C0, DEL and C1), or null; TAB, LF and CR are allowed when asked for.</summary>
    private static int? ControlCharacter(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && !(allowLineBreaks && text[i] is '\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return null;
    }

    public static string WeekdayName(DateOnly date) => date.DayOfWeek.ToString();

    /// <summary>
    /// Plain decimal notation only: an optional leading '-', digits, and an optional '.' followed by digits.
    /// Everything else (exponents, '+', ',', spaces, ".5", "5.") is rejected before decimal.TryParse, which is
    /// more lenient.
    /// </summary>
    private static bool IsDecimal(string text, out bool negative, out int decimals)
    {
        negative = text.StartsWith('-');
        decimals = 0;
        var body = negative ? text.AsSpan(1) : text.AsSpan();
        var dot = body.IndexOf('.');
        var whole = dot < 0 ? body : body[..dot];
        var fraction = dot < 0 ? [] : body[(dot + 1)..];
        if (whole.IsEmpty || !AllDigits(whole) || (dot >= 0 && (fraction.IsEmpty || !AllDigits(fraction))))
        {
            return false;
        }

        decimals = fraction.Length;
        return true;
    }

    /// <summary>A value quoted in a message, cut so that a 70-digit number does not make a 70-digit message longer still.</summary>
    private static string Shortened(string text) => text.Length > 40 ? text[..37] + "…" : text;

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
