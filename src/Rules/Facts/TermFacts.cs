using System.Text.Json.Serialization;
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

    /// <summary>
    /// Where each review event's decided percentage was read (file, row or line, field), by event id, so a value the
    /// plan refuses at settlement can be traced to its row; empty for facts made in code. Not a fact: the same facts
    /// from other rows or another form are the same term.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, FactOrigin> ConductOrigins { get; init; } = new Dictionary<string, FactOrigin>();

    public IEnumerable<IFact> All()
    {
        foreach (var kind in Kinds())
        {
            foreach (var f in kind)
            {
                yield return f;
            }
        }
    }

    /// <summary>The facts kind by kind, in the order of <see cref="All"/>: the term, then each list.</summary>
    public IReadOnlyList<IReadOnlyList<IFact>> Kinds() =>
        [[Term], Calendar, Enrolments, Attendance, Hardship, Payments, Subsidies, Staff, Lessons, Conduct, Duties, Expenses, Awards];
}

/// <summary>Where a value of a fact was read: the file, the line (CSV: the row, 1 = header) and the field.</summary>
public sealed record FactOrigin(string File, int Line, string Field);
