using System.Globalization;
using Compensation.Rules.Domain;

namespace Compensation.Reports.Text;

/// <summary>How figures and dates are written in every document and the workbook.</summary>
internal static class Format
{
    /// <summary>The workbook's number format; <see cref="Amount"/> writes the same in text.</summary>
    public const string ExcelAmount = "#,##0.00";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Two decimals with thousands separators: "1,785.00", "-232.50". Zero is never "-0.00".</summary>
    public static string Amount(Money money) => Amount(money.Yuan);

    public static string Amount(decimal yuan) => yuan == 0m ? "0.00" : yuan.ToString("#,##0.00", Invariant);

    /// <summary>An amount that reduces what is owed, shown with a minus sign.</summary>
    public static string Less(Money money) => Amount(-money.Yuan);

    public static string Count(int n) => n.ToString(Invariant);

    /// <summary>Lesson units and rates without needless zeros: 12, 2.5, 0.75.</summary>
    public static string Number(decimal n) => n.ToString("0.##", Invariant);

    public static string Percent(decimal p) => Number(p) + "%";

    /// <summary>"2025年3月17日".</summary>
    public static string Date(DateOnly d) => string.Create(Invariant, $"{d.Year}年{d.Month}月{d.Day}日");

    /// <summary>"2025-03-17", for dates in tables.</summary>
    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    /// <summary>"2025年3月".</summary>
    public static string Month(Month m) => string.Create(Invariant, $"{m.Year}年{m.Number}月");

    public static string TermSpan(DateOnly start, DateOnly end) => $"{Date(start)}至{Date(end)}";
}
