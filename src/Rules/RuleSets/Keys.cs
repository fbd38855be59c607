using System.Runtime.CompilerServices;
using Compensation.Rules.Facts.Derived;

namespace Compensation.Rules.RuleSets;

/// <summary>
/// Key selectors that several rules look facts up by (<see cref="Engine.Model.IRuleContext.Where{T}"/>): one delegate,
/// so the session groups the facts once for all of them.
/// </summary>
internal static class Keys
{
    public static readonly Func<LessonPay, string> LessonPayByStaff = [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (l) => l.StaffId;
}
