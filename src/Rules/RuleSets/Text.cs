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

    /// <summary>The plan's words for a review event (绩效考核事项).</summary>
    public static string KindZh(string kind) => kind switch
    {
        "no-show" => "无故空堂",
        "late" => "迟到",
        "early-leave" => "早退",
        "swap" => "私自调课",
        "handover" => "未做好交接",
        "complaint" => "家长投诉",
        "perfunctory" => "敷衍应付",
        "incident" => "安全事故处理不当",
        _ => kind,
    };

    /// <summary>The plan's words for a duty on the roster.</summary>
    public static string DutyZh(string duty) => duty switch
    {
        "guard" => "保安",
        "duty-leader" => "值班领导",
        "support" => "勤杂人员",
        "admin-duty" => "行政值班",
        "break-supervision" => "课间看护",
        _ => duty,
    };
}
