using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Facts.Derived;

/// <summary>
/// A student's service days on the school calendar: <see cref="FullTermDays"/> (F: the whole term on its
/// weekdays), <see cref="Days"/> (D: from its start to the term's end), <see cref="ServedDays"/> (from its
/// start to its last day), and the days after withdrawal.
/// </summary>
public sealed record StudentSchedule(string StudentId, int DaysPerWeek, int FullTermDays, IReadOnlyList<DateOnly> Days, IReadOnlyList<DateOnly> ServedDays, DateOnly? LastDay) : DerivedFact, IStudentFact
{
    public int DaysAfterWithdrawal => Days.Count - ServedDays.Count;
}

/// <summary>A student's absence and leave marks, in date order.</summary>
public sealed record StudentAbsences(string StudentId, IReadOnlyList<AttendanceMark> Marks) : DerivedFact, IStudentFact;

/// <summary>A fee charged to a family: for the term (<see cref="Month"/> null) or for one month.</summary>
public sealed record FeeCharge(string StudentId, Month? Month, int DaysAttended, Money Amount) : DerivedFact, IStudentFact;

/// <summary>The family's charge for the term after the cap: A = Charged − CapReduction.</summary>
public sealed record CappedFee(string StudentId, Money Charged, Money CapReduction, int DaysAttended) : DerivedFact, IStudentFact
{
    public Money AfterCap => Charged - CapReduction;
}

/// <summary>The part of a family's fee paid by the fiscal subsidy (财政补贴先行).</summary>
public sealed record SubsidyShare(string StudentId, Money Amount) : DerivedFact, IStudentFact;

/// <summary>Subsidy money that goes to the fund rather than to any family's fee.</summary>
public sealed record FundSubsidy(Money Amount) : DerivedFact;

/// <summary>What a family is to pay for the term before refunds.</summary>
public sealed record FeePayable(string StudentId, Money Charged, Money CapReduction, Money Subsidy, Money Waived, Money Payable, string? HardshipCategory, decimal WaiverPercent) : DerivedFact, IStudentFact;

/// <summary>A run of consecutive service days missed (连续缺席).</summary>
public sealed record AbsenceSpell(string StudentId, DateOnly From, DateOnly To, int Days) : DerivedFact, IStudentFact;

public enum FeeRefundKind
{
    Absence,
    Withdrawal,
}

/// <summary>Money given back to a family for days not served.</summary>
public sealed record FeeRefund(string StudentId, FeeRefundKind Kind, int Days, DateOnly? From, DateOnly? To, Money Amount) : DerivedFact, IStudentFact;

/// <summary>A family's account before the term-end surplus refund.</summary>
public sealed record FamilyAccount(string StudentId, Money Payable, Money Refunded, Money Paid) : DerivedFact, IStudentFact
{
    /// <summary>Payable − refunds: what the family pays for the term, the weight of its surplus share.</summary>
    public Money NetBeforeSurplus => Payable - Refunded;
}

/// <summary>
/// A positive balance split into what came from fees (<see cref="FeePart"/>) and what came from
/// subsidies (<see cref="SubsidyPart"/>): only families' money goes back to families (001 篇四 结余清退).
/// <see cref="SubsidyReturned"/> is the subsidy part returned to the funder (0 when it is kept).
/// </summary>
public sealed record SurplusParts(Money Balance, Money FeePart, Money SubsidyPart, Money SubsidyReturned) : DerivedFact;

/// <summary>A family's share of the term-end surplus (结余清退).</summary>
public sealed record SurplusRefund(string StudentId, Money Amount) : DerivedFact, IStudentFact;
