namespace Compensation.Rules.RuleSets;

/// <summary>
/// The order a settlement is worked out in, as NRules salience (<c>[Priority(Stage.X)]</c>): a higher stage fires
/// first. Every rule produces facts only for rules of lower stages, so each kind of fact is complete before any rule
/// that matches it fires, and an aggregation (a family's facts, the whole term's) fires once per group with all of
/// them. A rule that fires again because what it matched changed after it fired stops the settlement
/// (<see cref="RuleOrderException"/>): a cycle through an aggregation is rejected, not run.
/// </summary>
public static class Stage
{
    /// <summary>A student's service days and absences, read off the calendar and the registers; a staff member's stipends, awards and agreement pay, read off the roster.</summary>
    public const int Inputs = 1000;

    /// <summary>The term's fee charges (002 §7).</summary>
    public const int Charges = 950;

    /// <summary>Absence spells and withdrawals seen on the schedule.</summary>
    public const int Spells = 920;

    /// <summary>The fee cap.</summary>
    public const int Cap = 900;

    /// <summary>The fiscal subsidy's part of each fee.</summary>
    public const int Subsidy = 880;

    /// <summary>Hardship waivers: what each family is to pay.</summary>
    public const int Payable = 860;

    /// <summary>Refunds for absence and withdrawal.</summary>
    public const int Refunds = 840;

    /// <summary>Each family's account.</summary>
    public const int FamilyAccount = 820;

    /// <summary>Checks on the families' accounts.</summary>
    public const int FamilyChecks = 800;

    /// <summary>Lesson pay, by rate or from the pool (which takes the families' accounts).</summary>
    public const int LessonPay = 650;

    /// <summary>Checks on each month's lesson pay against the plan's floor and ceiling.</summary>
    public const int PayChecks = 600;

    /// <summary>The admin-duty share, a part of lesson pay.</summary>
    public const int AdminShare = 550;

    /// <summary>Deductions for review events, taken from pay and stipends.</summary>
    public const int Deductions = 500;

    /// <summary>Each staff member's account.</summary>
    public const int StaffAccount = 450;

    /// <summary>Checks on the staff side as a whole.</summary>
    public const int StaffChecks = 400;

    /// <summary>The fund's ledger and balance.</summary>
    public const int Ledger = 300;

    /// <summary>What the balance is made of, and checks on it.</summary>
    public const int Balance = 250;

    /// <summary>The surplus refunded to families.</summary>
    public const int Surplus = 200;
}
