using System.Runtime.CompilerServices;
using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Domain;

/// <summary>
/// The term's service days: Monday to Friday from the term's start to its end, less holidays,
/// plus make-up days (调休), each make-up day following the timetable of a named weekday.
/// </summary>
public sealed class ServiceCalendar
{
    private readonly Dictionary<DateOnly, int> _timetableDay = [];
    private readonly List<DateOnly> _days = [];

    // The timetable day of each of _days, at the same place.
    private readonly List<int> _timetable = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ServiceCalendar(DateOnly start, DateOnly end, IEnumerable<CalendarException> exceptions)
    {
        if (end < start)
        {
            throw new ArgumentException($"the term ends ({Dates.Iso(end)}) before it starts ({Dates.Iso(start)})", nameof(end));
        }

        Start = start;
        End = end;
        var byDate = exceptions.ToDictionary(e => e.Date);
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            var iso = Dates.IsoDayOfWeek(d);
            if (byDate.TryGetValue(d, out var ex))
            {
                if (ex.Kind == CalendarDayKind.Makeup)
                {
                    _timetableDay[d] = ex.AsWeekday ?? iso;
                    _days.Add(d);
                    _timetable.Add(ex.AsWeekday ?? iso);
                }

                continue;
            }

            if (iso <= 5)
            {
                _timetableDay[d] = iso;
                _days.Add(d);
                _timetable.Add(iso);
            }
        }
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    /// <summary>All service days of the school, in date order.</summary>
    public IReadOnlyList<DateOnly> Days => _days;

    public bool IsServiceDay(DateOnly date) => _timetableDay.ContainsKey(date);

    /// <summary>The weekday whose timetable runs on a service day (a make-up Saturday may run Monday's).</summary>
    public int TimetableDay(DateOnly date) => _timetableDay.TryGetValue(date, out var d) ? d : 0;

    /// <summary>The service days a student with these weekdays attends between two dates inclusive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<DateOnly> StudentDays(IReadOnlyCollection<int> weekdays, DateOnly from, DateOnly to)
    {
        var result = new List<DateOnly>();
        for (var i = 0; i < _days.Count; i++)
        {
            var d = _days[i];
            if (d >= from && d <= to && weekdays.Contains(_timetable[i]))
            {
                result.Add(d);
            }
        }

        return result;
    }
}
