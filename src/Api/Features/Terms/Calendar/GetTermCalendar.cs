using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Input;

namespace Compensation.Api.Features.Terms.Calendar;

public sealed class CalendarRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

/// <summary>A service day: its date, its day of the week (1 = Monday) and the weekday whose timetable it runs.</summary>
public sealed record ServiceDay(DateOnly Date, int Weekday, int Timetable);

/// <summary>A day the calendar facts (calendar.csv) make different from Monday to Friday.</summary>
public sealed record CalendarDay(DateOnly Date, int? AsWeekday, string Note);

/// <summary>The term's service calendar: every service day, and the holidays and make-up days (调休) that shape it.</summary>
public sealed record CalendarResponse(
    string SchoolId, string TermId, DateOnly Start, DateOnly End, int ServiceDayCount,
    IReadOnlyList<ServiceDay> ServiceDays, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> MakeupDays);

public sealed class GetTermCalendar : ApiEndpoint<CalendarRequest, CalendarResponse>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/calendar");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getTermCalendar").WithTags("Terms").Produces<CalendarResponse>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The term's service calendar";
            s.Description = "The service days of the term (Monday to Friday from its first to its last day, less the holidays and plus the make-up days of its calendar facts, calendar.csv), each with the weekday whose timetable it runs; and the holidays and make-up days themselves. Settlements count service days on this calendar.";
        });
    }

    protected override async Task Handle(CalendarRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var (facts, _) = await FactsStore.LoadAsync(term, ct);
        var calendar = new ServiceCalendar(term.Start, term.End, facts.Calendar);
        CalendarDay Day(CalendarException e) => new(e.Date, e.AsWeekday, e.Note);
        await Send.OkAsync(new CalendarResponse(
            term.SchoolId, term.TermId, term.Start, term.End, calendar.Days.Count,
            [.. calendar.Days.Select(d => new ServiceDay(d, Dates.IsoDayOfWeek(d), calendar.TimetableDay(d)))],
            [.. facts.Calendar.Where(c => c.Kind == CalendarDayKind.Holiday).Select(Day)],
            [.. facts.Calendar.Where(c => c.Kind == CalendarDayKind.Makeup).Select(Day)]), ct);
    }
}
