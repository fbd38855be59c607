using System.Globalization;

namespace Compensation.Rules.Policy;

/// <summary>
/// How the public notice, the committee page and the family statement state a refund rule: as the
/// policy configures it, in one place so the three documents say the same words.
/// </summary>
public static class PolicyWording
{
    /// <summary>The plan's refund rules as configured, one sentence each (absence, withdrawal, surplus); empty when it has none.</summary>
    public static IReadOnlyList<string> Refunds(RefundPolicy refunds, bool subsidised)
    {
        var parts = new List<string>();
        if (refunds.Absence is { } absence)
        {
            parts.Add(AbsenceRefund(absence));
        }

        if (refunds.Withdrawal is not null)
        {
            parts.Add("中途退出的，按实际服务时间结算，退还其余费用");
        }

        if (Surplus(refunds.Surplus, subsidised) is { } surplus)
        {
            parts.Add(surplus);
        }

        return parts;
    }

    /// <summary>002 §1 一(一) as configured, e.g. "因故连续缺勤一周及以上的……按日退还相应费用".</summary>
    public static string AbsenceRefund(AbsenceRefundPolicy absence)
    {
        var refund = absence.RefundPercent == 100m ? "按日退还相应费用" : $"按日退还相应费用的 {Number(absence.RefundPercent)}%";
        if (absence.MinServiceDays is { } days)
        {
            return $"因故连续缺勤 {Number(days)} 个服务日及以上的，{refund}";
        }

        var weeks = absence.MinWeeks == 1 ? "一周" : $"{Number(absence.MinWeeks)} 周";
        var times = absence.MinWeeks == 1 ? "" : $"的 {Number(absence.MinWeeks)} 倍";
        var calendarWeeks = absence.MinWeeks == 1 ? "一个日历周" : $"连续 {Number(absence.MinWeeks)} 个日历周";
        return $"因故连续缺勤{weeks}及以上的（连续缺勤的服务日数达到本生每周服务日数{times}，或含{calendarWeeks}的全部服务日；节假日不中断也不计入），{refund}";
    }

    /// <summary>
    /// 001 篇四 结余清退 as configured: what part of a positive balance goes where. Null when the balance simply
    /// stays in the fund. <paramref name="subsidised"/>: the plan has a subsidy, so the balance has a subsidy part.
    /// </summary>
    public static string? Surplus(SurplusPolicy surplus, bool subsidised)
    {
        var share = Share(surplus.Share);
        var split = surplus.Split == SurplusSplit.SubsidyFirst ? "先计财政补贴支出" : "按缴费与财政补贴所占比例划分";
        var subsidyPart = surplus.SubsidyPart == SubsidyPart.ReturnToFunder ? "财政补贴部分退还拨款单位" : "财政补贴部分留存课后服务经费";
        if (surplus.Mode == SurplusMode.Refund)
        {
            if (surplus.SubsidyPart == SubsidyPart.RefundToFamilies || !subsidised)
            {
                return $"学期末经费结余{share}清退";
            }

            return $"学期末经费结余中来自家长缴费的部分（{split}）{share}清退，{subsidyPart}";
        }

        if (subsidised && surplus.SubsidyPart == SubsidyPart.ReturnToFunder)
        {
            return $"学期末经费结余中的财政补贴部分（{split}）退还拨款单位";
        }

        return null;
    }

    /// <summary>How the refunded surplus is shared among the paying families.</summary>
    public static string Share(SurplusShare share) => share switch
    {
        SurplusShare.PerStudent => "按缴费学生人数平均",
        SurplusShare.DaysServed => "按各生实际服务天数比例",
        _ => "按各家庭缴费比例",
    };

    private static string Number(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
