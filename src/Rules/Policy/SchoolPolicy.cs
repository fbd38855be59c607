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
    public string Clause { get; init; } = "";
}

public sealed record RefundPolicy
{
    public AbsenceRefundPolicy? Absence { get; init; }
    public WithdrawalRefundPolicy? Withdrawal { get; init; }
    public SurplusPolicy Surplus { get; init; } = new();
}

/// <summary>
/// 连续一周以上 absence: a run of consecutive service days (the student's own, on the school
/// calendar) marked with one of <see cref="Statuses"/>, at least <see cref="MinServiceDays"/> long,
/// refunds every day of the run at the student's daily rate.
/// </summary>
public sealed record AbsenceRefundPolicy
{
    public int MinServiceDays { get; init; } = 6;
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

    /// <summary>结余清退: refund the balance to the paying families pro rata to what they paid.</summary>
    Refund,

    /// <summary>Carry the balance to next term.</summary>
    CarryForward,
}

public sealed record SurplusPolicy
{
    public SurplusMode Mode { get; init; } = SurplusMode.Keep;
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
    public int LessonHourMinutes { get; init; } = 60;

    /// <summary>Pool: whether subsidies received count in the fee total.</summary>
    public bool PoolIncludesSubsidies { get; init; }

    /// <summary>Pool: expense categories taken off the pool before it is shared (002: consumables and venue upkeep).</summary>
    public IReadOnlyList<string> PoolDeductsExpenses { get; init; } = ["consumables", "venue"];

    public RateBound? Floor { get; init; }
    public RateBound? Ceiling { get; init; }
    public string Clause { get; init; } = "";
}

public enum RateUnit
{
    Lesson,
    LessonHour,
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
/// 001 篇三 (一)2(2): admin duty is paid <see cref="Percent"/> of general spending (lesson pay and
/// break supervision), converted to whole lessons at <see cref="LessonValue"/> yuan each, shared
/// over the admin-duty roster by days on duty.
/// </summary>
public sealed record AdminDutyShare
{
    public decimal Percent { get; init; }
    public decimal LessonValue { get; init; }
    public string Clause { get; init; } = "";
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
}
