using System.Runtime.CompilerServices;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Facts.Input;

/// <summary>One lesson (课时) a staff member gave: date, slot in the day, length and group.</summary>
public sealed record LessonDelivered(string LessonId, string StaffId, DateOnly Date, string Slot, int Minutes, string Group) : IFact
{
    public string Id
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => "lesson:" + LessonId;
    }
}
