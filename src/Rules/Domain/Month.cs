using System.Globalization;
using System.Runtime.CompilerServices;

namespace Compensation.Rules.Domain;

/// <summary>A calendar month of the school's local calendar; deductions and pay are counted per month.</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month Parse(string text)
    {
        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m is >= 1 and <= 12)
        {
            return new Month(y, m);
        }

        throw new FormatException($"'{text}' is not a month in the form yyyy-MM");
    }

    public int CompareTo(Month other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}");
}
