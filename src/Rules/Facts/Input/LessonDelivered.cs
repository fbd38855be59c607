using System.Runtime.CompilerServices;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>One lesson (课时) a staff member gave: date, slot in the day, length and group.</summary>
public sealed record LessonDelivered(string LessonId, string StaffId, DateOnly Date, string Slot, int Minutes, string Group) : IStaffFact
{
    public string Id
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => "lesson:" + LessonId;
    }
}
