namespace Compensation.Rules.Policy;

/// <summary>
/// A school's plan (方案) as data: which rule sets run and with which parameters. Every section
/// may cite the plan clause it comes from; that citation is what explanations show. Policy
/// files never contain code. The YAML format is documented in docs/policy-format.md.
/// </summary>
public sealed record SchoolPolicy
{
    public required string School { get; init; }
    public required string Plan { get; init; }

    /// <summary>Where the plan comes from, e.g. "seed 002 §1".</summary>
    public string Source { get; init; } = "";

    public FeePolicy Fees { get; init; } = new();
    public SubsidyPolicy Subsidy { get; init; } = new();
    public RefundPolicy Refunds { get; init; } = new();
    public WaiverPolicy Waivers { get; init; } = new();
    public PayPolicy Pay { get; init; } = new();
    public StipendPolicy Stipends { get; init; } = new();
    public DeductionPolicy Deductions { get; init; } = new();
    public AwardPolicy Awards { get; init; } = new();
    public PublicationPolicy Publication { get; init; } = new();
}

public enum FeeMode
{
    /// <summary>A fixed fee per student per term (001 篇四: 600 yuan).</summary>
    FlatTerm,

    /// <summary>A fee per lesson-hour attended, prepaid monthly and trued up at term end (002 §7).</summary>
    PerLessonHour,

    /// <summary>No fee (公益): staff are paid from subsidies.</summary>
    Free,
}

public sealed record FeePolicy
{
    public FeeMode Mode { get; init; } = FeeMode.Free;

    /// <summary>FlatTerm: the fee for a student attending every service weekday (5 days a week).</summary>
    public decimal TermFee { get; init; }

    /// <summary>PerLessonHour: yuan per student per lesson-hour.</summary>
    public decimal RatePerLessonHour { get; init; }

    /// <summary>PerLessonHour: lesson-hours counted per service day attended (midday care: 3).</summary>
    public decimal LessonHoursPerDay { get; init; }

    /// <summary>Students attending fewer than 5 days a week pay fee × days ÷ 5.</summary>
    public bool ProRataByDaysPerWeek { get; init; } = true;

    /// <summary>A student who joins after the term's start pays for the service days from joining on.</summary>
    public bool ProRataJoin { get; init; } = true;

    public FeeCap? Cap { get; init; }
    public string Clause { get; init; } = "";
}

/// <summary>The ceiling on what a family may be charged (002 §1 一(一): 350 yuan a term for 5 days a week).</summary>
public sealed record FeeCap
{
    public decimal? PerTerm { get; init; }

    /// <summary>For PerLessonHour plans: the highest allowed rate (002 §7: 3 yuan).</summary>
    public decimal? PerLessonHour { get; init; }

    /// <summary>Reduce a charge above the cap to the cap; otherwise only report it.</summary>
    public bool Clamp { get; init; }

    /// <summary>How a charge above the cap is reported (warning or error), whether or not it is clamped.</summary>
    public Domain.Severity Severity { get; init; } = Domain.Severity.Warning;

    public string Clause { get; init; } = "";
}

public enum SubsidyMode
{
    None,

    /// <summary>A fixed subsidy per student per term, taken off the fee first; parents pay the shortfall.</summary>
    PerStudent,

    /// <summary>The subsidies received are shared over the students pro rata to their fee, first; parents pay the shortfall.</summary>
    LumpSum,

    /// <summary>The subsidies received go to the fund (pay staff) and reduce no family's fee.</summary>
    Fund,
}

public sealed record SubsidyPolicy
{
    public SubsidyMode Mode { get; init; } = SubsidyMode.None;
    public decimal PerStudent { get; init; }

    /// <summary>
    /// PerStudent: a student who joins after the term's start gets per_student × the service days from
    /// joining ÷ the student's service days in the whole term (false: the whole per_student).
    /// </summary>
    public bool ProRataJoin { get; init; }

    public string Clause { get; init; } = "";
}

public sealed record RefundPolicy
{
    public AbsenceRefundPolicy? Absence { get; init; }
    public WithdrawalRefundPolicy? Withdrawal { get; init; }
    public SurplusPolicy Surplus { get; init; } = new();
}

/// <summary>
/// 002 §1 一(一) 学生因故缺席课后服务连续一周以上: a spell is a run of the student's consecutive scheduled
/// service days (non-service days skipped) all marked with one of <see cref="Statuses"/>. The threshold
/// is stated one way: <see cref="MinServiceDays"/> when set (at least that many days), else
/// <see cref="MinWeeks"/> (at least N × the student's days a week, or every scheduled day of N
/// consecutive calendar weeks that have scheduled days). Every day of a qualifying spell is refunded at
/// <see cref="RefundPercent"/> of the daily rate.
/// </summary>
public sealed record AbsenceRefundPolicy
{
    /// <summary>以上 includes the number (民法典 第1259条): one school week or more.</summary>
    public int MinWeeks { get; init; } = 1;

    /// <summary>When set, the spell qualifies by its count of service days alone, and <see cref="MinWeeks"/> is not used.</summary>
    public int? MinServiceDays { get; init; }

    /// <summary>退还部分课后服务费: the share of the daily rate refunded for each day of the spell.</summary>
    public decimal RefundPercent { get; init; } = 100m;

    public IReadOnlyList<string> Statuses { get; init; } = ["absent", "leave"];
    public string Clause { get; init; } = "";
}

public sealed record WithdrawalRefundPolicy
{
    public string Clause { get; init; } = "";
}

public enum SurplusMode
{
    /// <summary>Keep the balance in the fund's books.</summary>
    Keep,

    /// <summary>结余清退: refund the fee part of the balance to the paying families (see <see cref="SurplusShare"/>).</summary>
    Refund,

    /// <summary>Carry the balance to next term.</summary>
    CarryForward,
}

/// <summary>How a positive balance is split into the part that came from fees and the part that came from subsidies.</summary>
public enum SurplusSplit
{
    /// <summary>Fee part = balance × (fees − refunds) ÷ (fees − refunds + subsidies), to the fen.</summary>
    ProRata,

    /// <summary>The subsidies were spent first: fee part = min(balance, fees − refunds).</summary>
    SubsidyFirst,
}

/// <summary>What happens to the subsidy part of a positive balance, in every surplus mode.</summary>
public enum SubsidyPart
{
    /// <summary>It stays in the fund.</summary>
    Keep,

    /// <summary>It is returned to the funder (a ledger line of its own).</summary>
    ReturnToFunder,

    /// <summary>With mode refund it is refunded to the families with the fee part: the whole balance goes back to families.</summary>
    RefundToFamilies,
}

/// <summary>How the refunded part is shared among the paying families.</summary>
public enum SurplusShare
{
    /// <summary>Pro rata to what each family pays for the term after refunds.</summary>
    NetPayable,

    /// <summary>Equally per paying student.</summary>
    PerStudent,

    /// <summary>Pro rata to each paying student's service days served (up to a withdrawal, less refunded absence spells).</summary>
    DaysServed,
}

public sealed record SurplusPolicy
{
    public SurplusMode Mode { get; init; } = SurplusMode.Keep;

    /// <summary>Only families' money goes back to families (001 篇四 结余清退).</summary>
    public SurplusSplit Split { get; init; } = SurplusSplit.ProRata;

    public SubsidyPart SubsidyPart { get; init; } = SubsidyPart.Keep;
    public SurplusShare Share { get; init; } = SurplusShare.NetPayable;
    public string Clause { get; init; } = "";
}

public sealed record WaiverPolicy
{
    /// <summary>Category code → its Chinese name and the largest share of the fee it may waive.</summary>
    public IReadOnlyDictionary<string, WaiverCategory> Categories { get; init; } = new Dictionary<string, WaiverCategory>();
    public string Clause { get; init; } = "";
}

public sealed record WaiverCategory(string NameZh, decimal MaxPercent);

public enum PayMode
{
    /// <summary>A fixed rate for each lesson (001 篇三: 20 yuan).</summary>
    PerLesson,

    /// <summary>A fixed rate per lesson-hour (minutes ÷ <see cref="PayPolicy.LessonHourMinutes"/>).</summary>
    PerLessonHour,

    /// <summary>002 §1 二(三)2: (fee total − management stipends − external pay − consumables and venue) ÷ total lessons × a teacher's lessons.</summary>
    Pool,
}

public sealed record PayPolicy
{
    public PayMode Mode { get; init; } = PayMode.PerLesson;
    public decimal Rate { get; init; }

    /// <summary>
    /// Minutes in one lesson-hour (课时). No default: a plan paying per lesson-hour, or bounding pay per
    /// lesson-hour, says how long its 课时 is (40 minutes is common; 004 §11 does not say it is an hour).
    /// </summary>
    public int? LessonHourMinutes { get; init; }

    /// <summary>Whether external staff (外聘), paid per their agreement, also earn lesson pay for lessons recorded for them.</summary>
    public ExternalLessons ExternalLessons { get; init; } = ExternalLessons.AgreementOnly;

    /// <summary>Pool: whether subsidies received count in the fee total.</summary>
    public bool PoolIncludesSubsidies { get; init; }

    /// <summary>Pool: the fee total is what families were billed (after refunds), or what they paid less refunds.</summary>
    public PoolFees PoolFees { get; init; } = PoolFees.Billed;

    /// <summary>Pool: whether the award reserve is taken off the pool (002 §1 二(三)2 does not name it among the deductions).</summary>
    public bool PoolDeductsAwardReserve { get; init; }

    /// <summary>Pool: expense categories taken off the pool before it is shared (002: consumables and venue upkeep).</summary>
    public IReadOnlyList<string> PoolDeductsExpenses { get; init; } = ["consumables", "venue"];

    public RateBound? Floor { get; init; }
    public RateBound? Ceiling { get; init; }
    public string Clause { get; init; } = "";
}

public enum ExternalLessons
{
    /// <summary>002 §1 二(三)2 takes 校外人员劳务报酬 off the pool: external staff are paid their agreement only, and their lessons are not in the pool's lessons.</summary>
    AgreementOnly,

    /// <summary>External staff's recorded lessons are paid like anyone's, on top of the agreement.</summary>
    AlsoLessonPay,
}

public enum PoolFees
{
    /// <summary>课后服务费总额 as billed: what families owe for the term less refunds.</summary>
    Billed,

    /// <summary>What families actually paid less refunds.</summary>
    Collected,
}

public enum RateUnit
{
    Lesson,
    LessonHour,
}

/// <summary>How a rate's unit is written: 节, or 课时 with its length, since a 课时 is rarely an hour.</summary>
public static class RateUnitText
{
    public static string Zh(RateUnit unit, int? lessonHourMinutes) =>
        unit == RateUnit.Lesson ? "节" : lessonHourMinutes is { } m ? $"课时（{m} 分钟）" : "课时";

    public static string En(RateUnit unit, int? lessonHourMinutes) =>
        unit == RateUnit.Lesson ? "lesson" : lessonHourMinutes is { } m ? $"lesson-hour ({m} minutes)" : "lesson-hour";
}

/// <summary>A floor or ceiling on the rate per lesson or per lesson-hour. Breaches are findings; the rate is changed only with Clamp.</summary>
public sealed record RateBound
{
    public decimal Amount { get; init; }
    public RateUnit Unit { get; init; } = RateUnit.Lesson;
    public bool Clamp { get; init; }
    public string Clause { get; init; } = "";
}

public sealed record StipendPolicy
{
    /// <summary>Duty (guard, duty-leader, support, admin-duty) → yuan per person per day.</summary>
    public IReadOnlyDictionary<string, decimal> PerDay { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Yuan per break supervised (001 篇三 (一)2(1): 10).</summary>
    public decimal? PerBreak { get; init; }

    public AdminDutyShare? AdminDutyShare { get; init; }
    public string Clause { get; init; } = "";
}

/// <summary>
/// 001 篇三 (一)2(2): 按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算. Admin duty is paid
/// <see cref="Percent"/> of general spending (<see cref="Base"/>) of each month or of the term,
/// counted in lessons of <see cref="LessonValue"/> yuan, shared over the admin-duty roster by days on duty.
/// </summary>
public sealed record AdminDutyShare
{
    public decimal Percent { get; init; }
    public decimal LessonValue { get; init; }
    public AdminDutyRounding Rounding { get; init; } = AdminDutyRounding.Exact;
    public AdminDutyBase Base { get; init; } = AdminDutyBase.LessonPayAndBreaks;
    public AdminDutyPeriod Period { get; init; } = AdminDutyPeriod.Month;
    public string Clause { get; init; } = "";
}

public enum AdminDutyRounding
{
    /// <summary>The percentage is paid in full, to the fen; the lesson value only says how it is counted.</summary>
    Exact,

    /// <summary>Only whole lessons are paid: the share is rounded down to a multiple of the lesson value.</summary>
    WholeLessons,
}

public enum AdminDutyBase
{
    LessonPay,
    LessonPayAndBreaks,
}

public enum AdminDutyPeriod
{
    /// <summary>Each month's share of that month's spending, over that month's roster.</summary>
    Month,

    /// <summary>The term's share of the term's spending, over the term's roster, then spread over each person's duty months.</summary>
    Term,
}

public enum DeductionBase
{
    LessonPay,
    LessonPayAndStipends,
}

public sealed record DeductionPolicy
{
    public DeductionBase Base { get; init; } = DeductionBase.LessonPay;
    public IReadOnlyList<DeductionRulePolicy> Rules { get; init; } = [];

    /// <summary>The plan's review clause as a whole: cited by a rule line without its own, and by review events no line covers.</summary>
    public string Clause { get; init; } = "";

    /// <summary>What settling does with a decided percentage outside its rule's range, or missing where the rule is <c>decided</c>.</summary>
    public DecidedOutOfRange OutOfRange { get; init; } = DecidedOutOfRange.Refuse;
}

/// <summary>
/// A decided percentage outside the plan's range (002 §1 二(四)5 当月10%——100%, 二(四)6 50%——100%) is an
/// error the review group (考核小组) corrects, so by default the input is refused.
/// </summary>
public enum DecidedOutOfRange
{
    /// <summary>Settling refuses the input, naming the event, the value and the range.</summary>
    Refuse,

    /// <summary>The nearest bound is applied (the minimum when none was decided) and an error finding is raised.</summary>
    Clamp,
}

public enum DeductionEach
{
    /// <summary>Lose the pay of the lesson the event names.</summary>
    Lesson,

    /// <summary>Lose the pay of all the staff member's lessons that day.</summary>
    Day,

    /// <summary>
    /// 002 §1 二(四)3 扣除当天当节的延时服务补助费: the pay of the lesson the event names; the day's lessons when it names none.
    /// </summary>
    LessonOrDay,

    /// <summary>A fixed percentage of the month's (or term's) base per occurrence.</summary>
    Percent,

    /// <summary>The percentage the review group decided, which must lie in <see cref="DeductionRulePolicy.Range"/>.</summary>
    Decided,

    /// <summary>Nothing per occurrence; only the escalation counts.</summary>
    None,
}

public enum EscalationMode
{
    /// <summary>At the Nth occurrence the escalation percentage replaces the per-occurrence deductions of the month.</summary>
    Replace,

    /// <summary>The escalation percentage is deducted in addition.</summary>
    Add,

    /// <summary>
    /// The larger of the per-occurrence deductions and the escalation percentage: a further occurrence never makes
    /// the month cheaper (当月…达到三次以上，扣除当月50% is a harsher penalty, never a milder one).
    /// </summary>
    GreaterOf,
}

public enum DeductionScope
{
    Month,
    Term,
}

public sealed record Escalation(int At, decimal Percent, EscalationMode Mode);

/// <summary>One line of the plan's review rules (绩效考核), e.g. "late, early leave or swap: the day's lesson pay; 3 or more in a month: 50%".</summary>
public sealed record DeductionRulePolicy
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public DeductionEach Each { get; init; } = DeductionEach.Percent;
    public decimal Percent { get; init; }
    public (decimal Min, decimal Max)? Range { get; init; }
    public Escalation? Escalation { get; init; }
    public DeductionScope Scope { get; init; } = DeductionScope.Month;

    /// <summary>The base this line's percentages are of; null: <see cref="DeductionPolicy.Base"/>.</summary>
    public DeductionBase? Base { get; init; }

    public string Clause { get; init; } = "";
}

public sealed record AwardPolicy
{
    /// <summary>The amount reserved for term-end awards (null: no awards).</summary>
    public decimal? Reserve { get; init; }
    public string Clause { get; init; } = "";
}

/// <summary>What the public notice (收费公示) states besides the figures.</summary>
public sealed record PublicationPolicy
{
    public string LegalBasis { get; init; } = "";
    public string ComplaintPhone { get; init; } = "";

    /// <summary>The plan's clause on publishing the accounts and keeping the fund apart (收支公示, 专款专用): cited by the ledger.</summary>
    public string Clause { get; init; } = "";
}
