using System.Globalization;
using System.Runtime.CompilerServices;

namespace Compensation.Rules.Domain;

public static class Dates
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO day of week: Monday = 1 … Sunday = 7.</summary>
    public static int IsoDayOfWeek(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
}
