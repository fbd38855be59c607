using Compensation.Rules.Domain;

namespace Compensation.Rules.Settlement;

/// <summary>A complete term settlement: families, staff, ledger, findings and the explanation of every line.</summary>
public sealed record SettlementResult
{
    public required string School { get; init; }
    public required string Plan { get; init; }
    public required string TermId { get; init; }
    public required DateOnly TermStart { get; init; }
    public required DateOnly TermEnd { get; init; }
    public required int ServiceDays { get; init; }
    public required IReadOnlyList<FamilyLine> Families { get; init; }
    public required IReadOnlyList<StaffLine> Staff { get; init; }
    public required Ledger Ledger { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Every derived fact behind the lines, by id: rule, clause, sources and the arithmetic.</summary>
    public required IReadOnlyDictionary<string, ExplanationEntry> Explanations { get; init; }

    public FamilyLine Family(string studentId) =>
        Families.FirstOrDefault(f => f.StudentId == studentId) ?? throw new KeyNotFoundException($"no family line for student {studentId}");

    public StaffLine StaffMember(string staffId) =>
        Staff.FirstOrDefault(s => s.StaffId == staffId) ?? throw new KeyNotFoundException($"no staff line for {staffId}");
}

/// <summary>
/// What one family is charged and gets back. Net = Charged − CapReduction − Subsidy − Waived − refunds;
/// Balance = Net − Paid (positive: the family still owes; negative: the school pays back).
/// </summary>
public sealed record FamilyLine
{
    public required string StudentId { get; init; }
    public required string Name { get; init; }
    public required string ClassName { get; init; }
    public required int DaysPerWeek { get; init; }

    /// <summary>The student's service days in the enrolment (from start to the term's end).</summary>
    public required int ServiceDays { get; init; }

    /// <summary>Service days from start to last day, less the days marked absent or on leave.</summary>
    public required int DaysAttended { get; init; }

    /// <summary>The fee before cap, subsidy and waiver (for per-lesson-hour plans: the months' charges added up).</summary>
    public required Money Charged { get; init; }

    public required Money CapReduction { get; init; }
    public required Money Subsidy { get; init; }
    public required Money Waived { get; init; }

    /// <summary>What the family is to pay for the term before refunds.</summary>
    public required Money Payable { get; init; }

    public required IReadOnlyList<RefundLine> Refunds { get; init; }
    public required Money Refunded { get; init; }
    public required Money Net { get; init; }
    public required Money Paid { get; init; }
    public required Money Balance { get; init; }
    public required IReadOnlyList<MonthCharge> Months { get; init; }
    public string? HardshipCategory { get; init; }

    /// <summary>Ids of the derived facts behind this line (see <see cref="SettlementResult.Explanations"/>).</summary>
    public required IReadOnlyList<string> FactIds { get; init; }
}

public sealed record MonthCharge(Month Month, int DaysAttended, Money Amount);

public enum RefundKind
{
    Absence,
    Withdrawal,
    Surplus,
}

public sealed record RefundLine(RefundKind Kind, Money Amount, int Days, DateOnly? From, DateOnly? To, string FactId);

/// <summary>A staff member's pay for the term, month by month.</summary>
public sealed record StaffLine
{
    public required string StaffId { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNo { get; init; }
    public required string Role { get; init; }
    public required bool External { get; init; }
    public required IReadOnlyList<StaffMonth> Months { get; init; }

    /// <summary>Term-scope deductions (e.g. 001 篇三 (二)6: a share of the whole term).</summary>
    public required IReadOnlyList<DeductionLine> TermDeductions { get; init; }

    public required int Lessons { get; init; }
    public required decimal LessonUnits { get; init; }
    public required Money LessonPay { get; init; }
    public required Money Stipends { get; init; }
    public required Money ExternalPay { get; init; }
    public required Money Awards { get; init; }
    public required Money Gross { get; init; }
    public required Money Deductions { get; init; }
    public required Money Net { get; init; }
    public required IReadOnlyList<string> FactIds { get; init; }
}

public sealed record StaffMonth
{
    public required Month Month { get; init; }
    public required int Lessons { get; init; }
    public required decimal LessonUnits { get; init; }
    public required Money LessonPay { get; init; }
    public required IReadOnlyList<StipendLine> Stipends { get; init; }
    public required Money StipendTotal { get; init; }

    /// <summary>The base the month's percentage deductions are taken from.</summary>
    public required Money DeductionBase { get; init; }

    public required IReadOnlyList<DeductionLine> Deductions { get; init; }

    /// <summary>The month's deductions after the cap at 100% of the base.</summary>
    public required Money DeductionTotal { get; init; }

    public required Money Gross { get; init; }
    public required Money Net { get; init; }
}

public sealed record StipendLine(string Duty, int Count, decimal Rate, Money Amount, string FactId);

public sealed record DeductionLine(string RuleId, string Kind, decimal? Percent, Money Amount, IReadOnlyList<string> EventIds, string Clause, Bilingual Reason, string FactId);

/// <summary>Income and expenditure of the earmarked fund (专款专用) for the term.</summary>
public sealed record Ledger
{
    public required IReadOnlyList<LedgerLine> Income { get; init; }
    public required IReadOnlyList<LedgerLine> Refunds { get; init; }
    public required IReadOnlyList<LedgerLine> Expenditure { get; init; }
    public required Money TotalIncome { get; init; }
    public required Money TotalRefunds { get; init; }
    public required Money TotalExpenditure { get; init; }

    /// <summary>Income − refunds (before the surplus refund) − expenditure.</summary>
    public required Money BalanceBeforeSurplus { get; init; }

    public required Money SurplusRefunded { get; init; }

    /// <summary>The part of a positive balance that came from subsidies (refunds.surplus.split); 0 without a positive balance.</summary>
    public Money SubsidyPart { get; init; }

    /// <summary>The subsidy part returned to the funder (refunds.surplus.subsidy_part: return-to-funder); 0 when it is kept.</summary>
    public Money SubsidyReturned { get; init; }

    public required Money CarriedForward { get; init; }

    /// <summary>What stays in the fund after the surplus refund and any subsidy returned to the funder.</summary>
    public required Money Balance { get; init; }

    /// <summary>Money actually received from families and subsidies, for reconciliation.</summary>
    public required Money CashReceived { get; init; }
}

public sealed record LedgerLine(string Category, Bilingual Name, Money Amount, string FactId);

public sealed record Finding(string Code, Severity Severity, string Subject, Bilingual Message, string RuleId, string Clause, IReadOnlyList<string> FactIds);

/// <summary>One node of an explanation tree: a derived fact, or an input fact (no rule).</summary>
public sealed record ExplanationEntry(string Id, string? RuleId, Bilingual? RuleTitle, string? Clause, Bilingual? Sentence, IReadOnlyList<string> SourceIds);
