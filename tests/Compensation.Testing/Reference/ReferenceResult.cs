using Compensation.Rules.Domain;

namespace Compensation.Testing;

/// <summary>One family line of the reference settlement (docs/settlement-arithmetic.md, "Families").</summary>
public sealed record ReferenceFamily(
    string StudentId,
    int FullTermDays,
    int ServiceDays,
    Money Charged,
    Money CapReduction,
    Money Subsidy,
    Money Waived,
    Money Payable,
    Money AbsenceRefunds,
    int AbsenceRuns,
    Money WithdrawalRefund,
    Money SurplusRefund,
    Money Refunded,
    Money Net,
    Money Paid,
    Money Balance);

/// <summary>One month of a staff member (docs/settlement-arithmetic.md, "Staff" 5–6).</summary>
public sealed record ReferenceStaffMonth(Month Month, int Lessons, Money LessonPay, Money Stipends, Money DeductionBase, Money DeductionsRaw, Money DeductionTotal, Money Gross, Money Net);

public sealed record ReferenceStaff(
    string StaffId,
    IReadOnlyList<ReferenceStaffMonth> Months,
    int Lessons,
    Money LessonPay,
    Money Stipends,
    Money ExternalPay,
    Money Awards,
    Money TermDeductions,
    Money Gross,
    Money Deductions,
    Money Net);

public sealed record ReferenceLedger(
    Money Fees,
    Money Subsidies,
    Money AbsenceRefunds,
    Money WithdrawalRefunds,
    Money LessonPay,
    Money Stipends,
    Money AdminDuty,
    Money ExternalStaff,
    Money Awards,
    Money Deductions,
    IReadOnlyDictionary<string, Money> Expenses,
    Money TotalIncome,
    Money TotalRefunds,
    Money TotalExpenditure,
    Money BalanceBeforeSurplus,
    Money SurplusRefunded,
    Money CarriedForward,
    Money Balance,
    Money CashReceived,
    Money Pool,
    Money SubsidyPart,
    Money SubsidyReturned);

public sealed record ReferenceResult(IReadOnlyList<ReferenceFamily> Families, IReadOnlyList<ReferenceStaff> Staff, ReferenceLedger Ledger);
