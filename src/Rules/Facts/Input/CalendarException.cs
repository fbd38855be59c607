using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

public enum CalendarDayKind
{
    /// <summary>A weekday without service (public holiday, school closure).</summary>
    Holiday,

    /// <summary>A weekend day with service (调休), following the timetable of <see cref="CalendarException.AsWeekday"/>.</summary>
    Makeup,
}

/// <summary>An exception to the rule that Monday to Friday within the term are service days.</summary>
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind, int? AsWeekday, string Note) : IFact
{
    public string Id => "calendar:" + Domain.Dates.Iso(Date);
}
