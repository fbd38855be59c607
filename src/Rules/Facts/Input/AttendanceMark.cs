using System.Runtime.CompilerServices;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

public enum AttendanceStatus
{
    /// <summary>缺席: absent without leave.</summary>
    Absent,

    /// <summary>请假: absent with leave (因故缺席).</summary>
    Leave,
}

/// <summary>A service day a student missed. Presence needs no row: it follows from enrolment and calendar.</summary>
public sealed record AttendanceMark(string StudentId, DateOnly Date, AttendanceStatus Status) : IStudentFact
{
    public string Id
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => "attendance:" + StudentId + ":" + Domain.Dates.Iso(Date);
    }
}
