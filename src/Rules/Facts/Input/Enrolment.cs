using System.Runtime.CompilerServices;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>
/// A student signed up for the service. <see cref="Weekdays"/> are ISO days (1 = Monday … 5 = Friday)
/// the student attends. <see cref="Start"/> is the first service day (null: the term's start);
/// <see cref="LastDay"/> the last day served before withdrawal (null: stays to the term's end).
/// </summary>
public sealed record Enrolment(string StudentId, string Name, string ClassName, IReadOnlyList<int> Weekdays, DateOnly? Start, DateOnly? LastDay) : IStudentFact
{
    public string Id
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => "enrolment:" + StudentId;
    }

    public int DaysPerWeek => Weekdays.Count;
}
