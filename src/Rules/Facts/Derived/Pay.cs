using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;

namespace Compensation.Rules.Facts.Derived;

/// <summary>The pay for one lesson.</summary>
public sealed record LessonPay(string StaffId, string LessonId, DateOnly Date, Month Month, decimal Units, Money Amount) : DerivedFact, IStaffFact;

/// <summary>
/// One staff member's lesson pay of one month, which the floor and ceiling (004 §11, 002 §1 二(一)) are checked on:
/// <see cref="Computed"/> is what the plan's rate or pool gives the month's lessons, <see cref="Paid"/> what they are
/// paid after a bound the plan clamps to.
/// </summary>
public sealed record StaffMonthPay(string StaffId, Month Month, int Lessons, int Minutes, Money Computed, Money Paid) : DerivedFact, IStaffFact;

/// <summary>The pool of 002 §1 二(三)2 and its terms.</summary>
public sealed record PayPool(Money FeeIncome, Money Subsidies, Money Stipends, Money ExternalPay, Money Expenses, Money AwardReserve, Money Pool, decimal Units, Money Paid) : DerivedFact;

/// <summary>A stipend for a roster entry (per day, or per break supervised).</summary>
public sealed record Stipend(string StaffId, string Duty, DateOnly Date, Month Month, int Count, decimal Rate, Money Amount) : DerivedFact, IStaffFact;

/// <summary>The admin-duty share of a month (001 篇三 (一)2(2)) for one staff member.</summary>
public sealed record AdminDutyPay(string StaffId, Month Month, int DutyDays, decimal Lessons, decimal LessonValue, Money Amount) : DerivedFact, IStaffFact;

/// <summary>Pay to external staff per their agreement.</summary>
public sealed record ExternalPay(string StaffId, Money Amount) : DerivedFact, IStaffFact;

/// <summary>A term-end award.</summary>
public sealed record AwardPay(string StaffId, Money Amount, string Reason) : DerivedFact, IStaffFact;

/// <summary>
/// One deduction line: a lost lesson or day, a percentage per occurrence, a decided percentage,
/// an escalation, or a term-scope percentage (<see cref="Month"/> null).
/// </summary>
public sealed record Deduction(string StaffId, Month? Month, string PolicyRuleId, string Kind, decimal? Percent, Money Amount, IReadOnlyList<string> EventIds, Bilingual Reason) : DerivedFact, IStaffFact
{
    /// <summary>The base the line's rule takes its percentages of; a month's deductions are capped at the widest base used in it.</summary>
    public DeductionBase Base { get; init; } = DeductionBase.LessonPay;
}

/// <summary>A staff member's settled term: months, term deductions, totals.</summary>
public sealed record StaffAccount(string StaffId, IReadOnlyList<StaffAccountMonth> Months, Money TermDeductionTotal, Money ExternalPay, Money Awards, Money Gross, Money Deductions, Money Net) : DerivedFact, IStaffFact;

public sealed record StaffAccountMonth(Month Month, int Lessons, decimal Units, Money LessonPay, Money Stipends, Money Base, Money DeductionsRaw, Money DeductionTotal, Money Gross, Money Net);
