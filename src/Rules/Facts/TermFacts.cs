using Compensation.Rules.Engine.Model;
using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Facts;

/// <summary>Everything a term produced, as loaded from files: the input of a settlement.</summary>
public sealed record TermFacts
{
    public required TermInfo Term { get; init; }
    public IReadOnlyList<CalendarException> Calendar { get; init; } = [];
    public IReadOnlyList<Enrolment> Enrolments { get; init; } = [];
    public IReadOnlyList<AttendanceMark> Attendance { get; init; } = [];
    public IReadOnlyList<HardshipApproval> Hardship { get; init; } = [];
    public IReadOnlyList<FamilyPayment> Payments { get; init; } = [];
    public IReadOnlyList<SubsidyReceipt> Subsidies { get; init; } = [];
    public IReadOnlyList<StaffMember> Staff { get; init; } = [];
    public IReadOnlyList<LessonDelivered> Lessons { get; init; } = [];
    public IReadOnlyList<ConductEvent> Conduct { get; init; } = [];
    public IReadOnlyList<DutyShift> Duties { get; init; } = [];
    public IReadOnlyList<Expense> Expenses { get; init; } = [];
    public IReadOnlyList<AwardDecision> Awards { get; init; } = [];

    public IEnumerable<IFact> All()
    {
        yield return Term;
        foreach (var f in Calendar) yield return f;
        foreach (var f in Enrolments) yield return f;
        foreach (var f in Attendance) yield return f;
        foreach (var f in Hardship) yield return f;
        foreach (var f in Payments) yield return f;
        foreach (var f in Subsidies) yield return f;
        foreach (var f in Staff) yield return f;
        foreach (var f in Lessons) yield return f;
        foreach (var f in Conduct) yield return f;
        foreach (var f in Duties) yield return f;
        foreach (var f in Expenses) yield return f;
        foreach (var f in Awards) yield return f;
    }
}
