using System.Runtime.CompilerServices;

namespace Compensation.Rules.Domain;

public static class Dates
{
    /// <summary>"yyyy-MM-dd", as <c>d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)</c> writes it (input ids are made of it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Iso(DateOnly d) => string.Create(10, d, static (text, date) =>
    {
        var (year, month, day) = date;
        text[0] = (char)('0' + (year / 1000));
        text[1] = (char)('0' + (year / 100 % 10));
        text[2] = (char)('0' + (year / 10 % 10));
        text[3] = (char)('0' + (year % 10));
        text[4] = '-';
        text[5] = (char)('0' + (month / 10));
        text[6] = (char)('0' + (month % 10));
        text[7] = '-';
        text[8] = (char)('0' + (day / 10));
        text[9] = (char)('0' + (day % 10));
    });

    /// <summary>ISO day of week: Monday = 1 … Sunday = 7.</summary>
    public static int IsoDayOfWeek(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
}
