using System.Globalization;
using Compensation.Rules.Domain;

namespace Compensation.Rules.RuleSets;

/// <summary>Number formatting for explanations: invariant culture, so sentences do not depend on the machine.</summary>
internal static class Text
{
    public static string N(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    public static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static string N(long i) => i.ToString(CultureInfo.InvariantCulture);

    public static string Y(Money m) => m.ToString();

    public static string D(DateOnly d) => Dates.Iso(d);
}
