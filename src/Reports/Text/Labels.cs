using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Text;

/// <summary>Chinese names for the codes the settlement uses (roles, duties, review events, refunds).</summary>
internal static class Labels
{
    public static string Role(string role, bool external) => external ? "外聘人员" : role switch
    {
        "teacher" => "教师",
        "guard" => "保安",
        "duty-leader" => "值班领导",
        "support" => "勤杂人员",
        "admin-duty" => "行政值班",
        "external" => "外聘人员",
        _ => role,
    };

    public static string Duty(string duty) => duty switch
    {
        "guard" => "保安值守",
        "duty-leader" => "值班领导",
        "support" => "勤杂服务",
        "admin-duty" => "行政值班",
        "admin-duty-share" => "行政值班（按支出比例折算课时）",
        "admin-duty-percent" => "行政值班（按支出比例，按值班天数分配）",
        "break-supervision" => "课间安全巡查",
        _ => duty,
    };

    /// <summary>The unit a stipend is counted in: days on duty, breaks supervised, or lessons for the admin-duty share.</summary>
    public static string DutyUnit(string duty) => duty switch
    {
        "break-supervision" => "次",
        "admin-duty-share" => "节",
        _ => "天",
    };

    public static string Conduct(string kind) => kind switch
    {
        "no-show" => "无故空堂",
        "late" => "迟到",
        "early-leave" => "早退",
        "swap" => "私自调课",
        "handover" => "未做好交接",
        "complaint" => "家长投诉",
        "perfunctory" => "敷衍应付",
        "incident" => "安全事故",
        "escalation" => "当月累计达到次数",
        _ => kind,
    };

    public static string Refund(RefundKind kind) => kind switch
    {
        RefundKind.Absence => "缺勤退费",
        RefundKind.Withdrawal => "退出退费",
        RefundKind.Surplus => "结余清退",
        _ => kind.ToString(),
    };

    /// <summary>The ledger's refund categories are the refund kinds in lower case.</summary>
    public static RefundKind? RefundKindOf(string category) => category switch
    {
        "absence" => RefundKind.Absence,
        "withdrawal" => RefundKind.Withdrawal,
        "surplus" => RefundKind.Surplus,
        _ => null,
    };

    public static string Severity(Rules.Domain.Severity severity) => severity switch
    {
        Rules.Domain.Severity.Error => "错误",
        Rules.Domain.Severity.Warning => "警告",
        _ => "提示",
    };

    public static string FeeMode(FeeMode mode) => mode switch
    {
        Rules.Policy.FeeMode.FlatTerm => "按学期定额收费",
        Rules.Policy.FeeMode.PerLessonHour => "按课时收费，按月预收，学期末多退少补",
        _ => "公益服务，不向家长收费",
    };
}
