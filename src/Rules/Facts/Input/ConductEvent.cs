using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>
/// A performance-review event (绩效考核): no-show, late, early-leave, swap, handover, complaint,
/// perfunctory or incident. Ranged deductions carry the percentage the review group decided;
/// lesson-scoped ones name the lesson.
/// </summary>
public sealed record ConductEvent(string EventId, string StaffId, DateOnly Date, string Kind, decimal? DecidedPercent, string? LessonId, string Note) : IStaffFact
{
    public static readonly IReadOnlyList<string> Kinds = ["no-show", "late", "early-leave", "swap", "handover", "complaint", "perfunctory", "incident"];

    public string Id => "conduct:" + EventId;
}
