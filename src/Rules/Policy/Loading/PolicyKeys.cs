using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// The keys and enum spellings of the policy format (docs/policy-format.md), in one place so the
/// loader, its messages and the test that compares them with schemas/policy.schema.json agree.
/// </summary>
internal static class PolicyKeys
{
    public static readonly IReadOnlyList<string> Root =
        ["$schema", "school", "plan", "source", "fees", "subsidy", "refunds", "waivers", "pay", "stipends", "deductions", "awards", "publication"];

    public static readonly IReadOnlyList<string> Fees =
        ["mode", "term_fee", "rate_per_lesson_hour", "lesson_hours_per_day", "pro_rata_days_per_week", "pro_rata_join", "cap", "clause"];

    public static readonly IReadOnlyList<string> FeeCap = ["per_term", "per_lesson_hour", "clamp", "severity", "clause"];
    public static readonly IReadOnlyList<string> Subsidy = ["mode", "per_student", "pro_rata_join", "clause"];
    public static readonly IReadOnlyList<string> Refunds = ["absence", "withdrawal", "surplus"];
    public static readonly IReadOnlyList<string> Absence = ["min_weeks", "min_service_days", "refund_percent", "statuses", "clause"];
    public static readonly IReadOnlyList<string> Withdrawal = ["clause"];
    public static readonly IReadOnlyList<string> Surplus = ["mode", "split", "subsidy_part", "share", "clause"];
    public static readonly IReadOnlyList<string> Waivers = ["categories", "clause"];
    public static readonly IReadOnlyList<string> WaiverCategory = ["name", "max_percent"];

    public static readonly IReadOnlyList<string> Pay =
        ["mode", "rate", "lesson_hour_minutes", "external_lessons", "pool_includes_subsidies", "pool_fees", "pool_deducts_expenses", "pool_deducts_award_reserve", "floor", "ceiling", "clause"];

    public static readonly IReadOnlyList<string> RateBound = ["amount", "unit", "clamp", "clause"];
    public static readonly IReadOnlyList<string> Stipends = ["per_day", "per_break", "admin_duty_share", "clause"];
    public static readonly IReadOnlyList<string> AdminDutyShare = ["percent", "lesson_value", "rounding", "base", "period", "clause"];
    public static readonly IReadOnlyList<string> Deductions = ["base", "rules", "out_of_range", "clause"];
    public static readonly IReadOnlyList<string> DeductionRule = ["id", "kinds", "each", "percent", "range", "escalation", "scope", "base", "clause"];
    public static readonly IReadOnlyList<string> Escalation = ["at", "percent", "mode"];
    public static readonly IReadOnlyList<string> Awards = ["reserve", "clause"];
    public static readonly IReadOnlyList<string> Publication = ["legal_basis", "complaint_phone", "clause"];

    /// <summary>Duties paid per day; break-supervision is paid per break (stipends.per_break) instead.</summary>
    public static readonly IReadOnlyList<string> PerDayDuties = [.. DutyShift.Duties.Where(d => d != "break-supervision")];

    public static readonly IReadOnlyList<string> AbsenceStatuses = ["absent", "leave"];

    public static readonly IReadOnlyDictionary<string, FeeMode> FeeModes = new Dictionary<string, FeeMode>
    {
        ["flat-term"] = FeeMode.FlatTerm,
        ["per-lesson-hour"] = FeeMode.PerLessonHour,
        ["free"] = FeeMode.Free,
    };

    public static readonly IReadOnlyDictionary<string, SubsidyMode> SubsidyModes = new Dictionary<string, SubsidyMode>
    {
        ["none"] = SubsidyMode.None,
        ["per-student"] = SubsidyMode.PerStudent,
        ["lump-sum"] = SubsidyMode.LumpSum,
        ["fund"] = SubsidyMode.Fund,
    };

    public static readonly IReadOnlyDictionary<string, SurplusMode> SurplusModes = new Dictionary<string, SurplusMode>
    {
        ["keep"] = SurplusMode.Keep,
        ["refund"] = SurplusMode.Refund,
        ["carry-forward"] = SurplusMode.CarryForward,
    };

    public static readonly IReadOnlyDictionary<string, SurplusSplit> SurplusSplits = new Dictionary<string, SurplusSplit>
    {
        ["pro-rata"] = SurplusSplit.ProRata,
        ["subsidy-first"] = SurplusSplit.SubsidyFirst,
    };

    public static readonly IReadOnlyDictionary<string, SubsidyPart> SubsidyParts = new Dictionary<string, SubsidyPart>
    {
        ["keep"] = SubsidyPart.Keep,
        ["return-to-funder"] = SubsidyPart.ReturnToFunder,
        ["refund-to-families"] = SubsidyPart.RefundToFamilies,
    };

    public static readonly IReadOnlyDictionary<string, SurplusShare> SurplusShares = new Dictionary<string, SurplusShare>
    {
        ["net-payable"] = SurplusShare.NetPayable,
        ["per-student"] = SurplusShare.PerStudent,
        ["days-served"] = SurplusShare.DaysServed,
    };

    public static readonly IReadOnlyDictionary<string, Domain.Severity> CapSeverities = new Dictionary<string, Domain.Severity>
    {
        ["warning"] = Domain.Severity.Warning,
        ["error"] = Domain.Severity.Error,
    };

    public static readonly IReadOnlyDictionary<string, PayMode> PayModes = new Dictionary<string, PayMode>
    {
        ["per-lesson"] = PayMode.PerLesson,
        ["per-lesson-hour"] = PayMode.PerLessonHour,
        ["pool"] = PayMode.Pool,
    };

    public static readonly IReadOnlyDictionary<string, ExternalLessons> ExternalLessonChoices = new Dictionary<string, ExternalLessons>
    {
        ["agreement-only"] = ExternalLessons.AgreementOnly,
        ["also-lesson-pay"] = ExternalLessons.AlsoLessonPay,
    };

    public static readonly IReadOnlyDictionary<string, PoolFees> PoolFeeChoices = new Dictionary<string, PoolFees>
    {
        ["billed"] = PoolFees.Billed,
        ["collected"] = PoolFees.Collected,
    };

    public static readonly IReadOnlyDictionary<string, AdminDutyRounding> AdminDutyRoundings = new Dictionary<string, AdminDutyRounding>
    {
        ["exact"] = AdminDutyRounding.Exact,
        ["whole-lessons"] = AdminDutyRounding.WholeLessons,
    };

    public static readonly IReadOnlyDictionary<string, AdminDutyBase> AdminDutyBases = new Dictionary<string, AdminDutyBase>
    {
        ["lesson-pay"] = AdminDutyBase.LessonPay,
        ["lesson-pay-and-breaks"] = AdminDutyBase.LessonPayAndBreaks,
    };

    public static readonly IReadOnlyDictionary<string, AdminDutyPeriod> AdminDutyPeriods = new Dictionary<string, AdminDutyPeriod>
    {
        ["month"] = AdminDutyPeriod.Month,
        ["term"] = AdminDutyPeriod.Term,
    };

    public static readonly IReadOnlyDictionary<string, RateUnit> RateUnits = new Dictionary<string, RateUnit>
    {
        ["lesson"] = RateUnit.Lesson,
        ["lesson-hour"] = RateUnit.LessonHour,
    };

    public static readonly IReadOnlyDictionary<string, DeductionBase> DeductionBases = new Dictionary<string, DeductionBase>
    {
        ["lesson-pay"] = DeductionBase.LessonPay,
        ["lesson-pay-and-stipends"] = DeductionBase.LessonPayAndStipends,
    };

    public static readonly IReadOnlyDictionary<string, DeductionEach> DeductionEaches = new Dictionary<string, DeductionEach>
    {
        ["lesson"] = DeductionEach.Lesson,
        ["day"] = DeductionEach.Day,
        ["lesson-or-day"] = DeductionEach.LessonOrDay,
        ["percent"] = DeductionEach.Percent,
        ["decided"] = DeductionEach.Decided,
        ["none"] = DeductionEach.None,
    };

    public static readonly IReadOnlyDictionary<string, EscalationMode> EscalationModes = new Dictionary<string, EscalationMode>
    {
        ["replace"] = EscalationMode.Replace,
        ["add"] = EscalationMode.Add,
        ["greater-of"] = EscalationMode.GreaterOf,
    };

    public static readonly IReadOnlyDictionary<string, DecidedOutOfRange> OutOfRange = new Dictionary<string, DecidedOutOfRange>
    {
        ["refuse"] = DecidedOutOfRange.Refuse,
        ["clamp"] = DecidedOutOfRange.Clamp,
    };

    public static readonly IReadOnlyDictionary<string, DeductionScope> Scopes = new Dictionary<string, DeductionScope>
    {
        ["month"] = DeductionScope.Month,
        ["term"] = DeductionScope.Term,
    };
}
