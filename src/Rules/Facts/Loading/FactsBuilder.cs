using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Turns rows into facts and runs the checks across files (docs/facts-format.md). The term and the
/// calendar come first, and the ids other files refer to (students, staff, lessons) are collected
/// before any referring row is read, so each reference is checked as its row is read. A row with
/// any problem yields no fact, but every row is still read to the end so all problems are reported
/// together.
/// </summary>
internal sealed class FactsBuilder(FactSource source, List<InputError> errors)
{
    private static readonly IReadOnlyList<string> CalendarKinds = ["holiday", "makeup"];
    private static readonly IReadOnlyList<string> AttendanceStatuses = ["absent", "leave", "present"];

    private TermInfo? _term;
    private bool _stopped;
    private ServiceCalendar? _calendar;
    private readonly HashSet<string> _studentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staffIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Enrolment> _enrolments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<DateOnly>> _studentDays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Staff, string? Date)> _lessonStaff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FactOrigin> _conductOrigins = new(StringComparer.Ordinal);

    /// <summary>The facts, or null when the term itself could not be read (the errors say why).</summary>
    public TermFacts? Build()
    {
        _term = ReadTerm();
        var calendar = ReadAll(FactKinds.Calendar, ReadCalendarDay);
        _calendar = _term is null ? null : new ServiceCalendar(_term.Start, _term.End, calendar);
        CollectIds(FactKinds.Enrolments, "student_id", _studentIds);
        CollectIds(FactKinds.Staff, "staff_id", _staffIds);
        CollectLessonStaff();
        var enrolments = ReadAll(FactKinds.Enrolments, ReadEnrolment);
        foreach (var e in enrolments)
        {
            _enrolments.TryAdd(e.StudentId, e);
        }

        // Every file is read even when the term is unusable, so its problems are reported too.
        var attendance = ReadAll(FactKinds.Attendance, ReadAttendance);
        var hardship = ReadAll(FactKinds.Hardship, ReadHardship);
        var payments = ReadAll(FactKinds.Payments, ReadPayment);
        var subsidies = ReadAll(FactKinds.Subsidies, ReadSubsidy);
        var staff = ReadAll(FactKinds.Staff, ReadStaff);
        var lessons = ReadAll(FactKinds.Lessons, ReadLesson);
        var conduct = ReadAll(FactKinds.Conduct, ReadConduct);
        var duties = ReadAll(FactKinds.Duties, ReadDuty);
        var expenses = ReadAll(FactKinds.Expenses, ReadExpense);
        var awards = ReadAll(FactKinds.Awards, ReadAward);
        if (_stopped)
        {
            errors.RemoveRange(InputLimits.MaxErrors, errors.Count - InputLimits.MaxErrors);
            errors.Add(InputLimits.Truncated("", 0));
        }

        if (_term is null)
        {
            return null;
        }

        // Sorted by id so that nothing downstream depends on the order rows were written in.
        return new TermFacts
        {
            Term = _term,
            Calendar = [.. calendar.OrderBy(c => c.Date)],
            Enrolments = Sorted(enrolments, e => e.StudentId),
            Attendance = [.. attendance.OrderBy(a => a.StudentId, StringComparer.Ordinal).ThenBy(a => a.Date)],
            Hardship = Sorted(hardship, h => h.ApprovalId),
            Payments = Sorted(payments, p => p.PaymentId),
            Subsidies = Sorted(subsidies, s => s.SubsidyId),
            Staff = Sorted(staff, s => s.StaffId),
            Lessons = Sorted(lessons, l => l.LessonId),
            Conduct = Sorted(conduct, c => c.EventId),
            ConductOrigins = _conductOrigins,
            Duties = Sorted(duties, d => d.DutyId),
            Expenses = Sorted(expenses, e => e.ExpenseId),
            Awards = Sorted(awards, a => a.AwardId),
        };
    }

    private static List<T> Sorted<T>(List<T> facts, Func<T, string> id) => [.. facts.OrderBy(id, StringComparer.Ordinal)];

    private List<T> ReadAll<T>(FactKind file, Func<FieldReader, Dictionary<string, FactRow>, T?> read)
        where T : class
    {
        var facts = new List<T>();
        var seen = new Dictionary<string, FactRow>(StringComparer.Ordinal);
        foreach (var row in source.RowsOf(file))
        {
            if (errors.Count >= InputLimits.MaxErrors)
            {
                // An upload of bad rows reports its first problems, not millions of them (InputLimits.MaxErrors).
                _stopped = true;
                break;
            }

            var reader = new FieldReader(row, errors);
            var fact = read(reader, seen);
            if (fact is not null && reader.Ok)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>Ids are collected from the raw rows so a referring row is not blamed for a problem elsewhere in the referred row.</summary>
    private void CollectIds(FactKind file, string column, HashSet<string> ids)
    {
        foreach (var row in source.RowsOf(file))
        {
            if (row.Get(column) is { } id)
            {
                ids.Add(id);
            }
        }
    }

    private void CollectLessonStaff()
    {
        foreach (var row in source.RowsOf(FactKinds.Lessons))
        {
            if (row.Get("lesson_id") is { } id)
            {
                _lessonStaff.TryAdd(id, (row.Get("staff_id"), row.Get("date")));
            }
        }
    }

    private TermInfo? ReadTerm()
    {
        if (source.Term is not { } row)
        {
            return null;
        }

        var r = new FieldReader(row, errors);
        var id = r.Id("term_id");
        var school = r.Text("school");
        var start = r.Date("start");
        var end = r.Date("end");
        if (start is { } s && end is { } e && e < s)
        {
            r.Error("end", $"the term ends ({Dates.Iso(e)}) before it starts ({Dates.Iso(s)})");
        }

        return r.Ok ? new TermInfo(id!, school!, start!.Value, end!.Value) : null;
    }

    private CalendarException? ReadCalendarDay(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var date = r.Date("date");
        var kind = r.Choice("kind", CalendarKinds);
        var asWeekday = r.OptionalInteger("as_weekday", 1, 5);
        var note = r.OptionalText("note");
        if (date is { } d)
        {
            Unique(r, "date", Dates.Iso(d), seen, $"a second calendar row for {Dates.Iso(d)}");
            InTerm(r, "date", d);
            CheckCalendarKind(r, d, kind);
        }

        if (!r.Ok || date is null || kind is null)
        {
            return null;
        }

        return new CalendarException(date.Value, kind == "holiday" ? CalendarDayKind.Holiday : CalendarDayKind.Makeup, asWeekday, note);
    }

    private static void CheckCalendarKind(FieldReader r, DateOnly date, string? kind)
    {
        var weekend = Dates.IsoDayOfWeek(date) > 5;
        var day = $"{Dates.Iso(date)} is a {TextValues.WeekdayName(date)}";
        var asWeekdayGiven = r.Row.Get("as_weekday") is not null;
        if (kind == "holiday" && weekend)
        {
            r.Error("date", $"{day}, not a weekday; only a weekday can be a holiday");
        }
        else if (kind == "holiday" && asWeekdayGiven)
        {
            r.Error("as_weekday", "only a makeup day has as_weekday");
        }
        else if (kind == "makeup" && !weekend)
        {
            r.Error("date", $"{day}; a makeup day must be a Saturday or Sunday");
        }
        else if (kind == "makeup" && !asWeekdayGiven)
        {
            r.Error("as_weekday", "required for a makeup day: the weekday (1–5) whose timetable runs that day");
        }
    }

    private Enrolment? ReadEnrolment(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("student_id");
        var name = r.Text("name");
        var className = r.OptionalText("class");
        var weekdays = r.Weekdays("weekdays");
        var start = r.OptionalDate("start");
        var lastDay = r.OptionalDate("last_day");
        Unique(r, "student_id", id, seen, $"duplicate student_id '{id}'");
        var startInTerm = start is not { } s || InTerm(r, "start", s);
        var lastInTerm = lastDay is not { } l || InTerm(r, "last_day", l);
        if (startInTerm && lastInTerm && lastDay < (start ?? _term?.Start))
        {
            r.Error("last_day", $"the last day {Dates.Iso(lastDay!.Value)} is before the start {Dates.Iso((start ?? _term!.Start))}");
        }

        return r.Ok ? new Enrolment(id!, name!, className, weekdays!, start, lastDay) : null;
    }

    private AttendanceMark? ReadAttendance(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var studentId = r.Text("student_id");
        var date = r.Date("date");
        var status = r.Choice("status", AttendanceStatuses);
        var known = KnownStudent(r, studentId);
        if (date is { } d && InTerm(r, "date", d) && known && _calendar is not null && _enrolments.TryGetValue(studentId!, out var enrolment))
        {
            CheckStudentDay(r, enrolment, d);
        }

        if (studentId is not null && date is { } day)
        {
            Unique(r, "date", studentId + " " + Dates.Iso(day), seen, $"a second attendance row for student '{studentId}' on {Dates.Iso(day)}");
        }

        // A present row is checked like any other (a register export lists every day) but makes no
        // fact: presence already follows from the enrolment and the calendar.
        return !r.Ok || status == "present" ? null : new AttendanceMark(studentId!, date!.Value, status == "absent" ? AttendanceStatus.Absent : AttendanceStatus.Leave);
    }

    private void CheckStudentDay(FieldReader r, Enrolment enrolment, DateOnly date)
    {
        var from = enrolment.Start ?? _term!.Start;
        var to = enrolment.LastDay ?? _term!.End;
        if (date < from)
        {
            r.Error("date", $"{Dates.Iso(date)} is before the student's start {Dates.Iso(from)}");
        }
        else if (date > to)
        {
            r.Error("date", $"{Dates.Iso(date)} is after the student's last day {Dates.Iso(to)}");
        }
        else if (!StudentDays(enrolment, from, to).Contains(date))
        {
            r.Error("date", NotAStudentDay(enrolment, date));
        }
    }

    private string NotAStudentDay(Enrolment enrolment, DateOnly date)
    {
        var day = $"{Dates.Iso(date)} ({TextValues.WeekdayName(date)})";
        if (!_calendar!.IsServiceDay(date))
        {
            return Dates.IsoDayOfWeek(date) > 5
                ? $"{day} is not a service day"
                : $"{day} is not a service day: the calendar makes it a holiday";
        }

        var timetable = _calendar.TimetableDay(date);
        var runs = timetable == Dates.IsoDayOfWeek(date) ? "" : $"; it runs the timetable of weekday {timetable}";
        return $"{day} is not one of the student's service days (weekdays {string.Concat(enrolment.Weekdays)}){runs}";
    }

    private HashSet<DateOnly> StudentDays(Enrolment enrolment, DateOnly from, DateOnly to)
    {
        if (!_studentDays.TryGetValue(enrolment.StudentId, out var days))
        {
            days = [.. _calendar!.StudentDays([.. enrolment.Weekdays], from, to)];
            _studentDays[enrolment.StudentId] = days;
        }

        return days;
    }

    private HardshipApproval? ReadHardship(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("approval_id");
        var studentId = r.Text("student_id");
        var category = r.Id("category");
        var percent = r.Percent("waiver_percent");
        var approvedOn = r.Date("approved_on");
        var approvedBy = r.Text("approved_by");
        Unique(r, "approval_id", id, seen, $"duplicate approval_id '{id}'");
        KnownStudent(r, studentId);

        // approved_on is deliberately not held to the term: waivers are usually approved before the term starts.
        return r.Ok ? new HardshipApproval(id!, studentId!, category!, percent!.Value, approvedOn!.Value, approvedBy!) : null;
    }

    private FamilyPayment? ReadPayment(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("payment_id");
        var studentId = r.Text("student_id");
        var date = r.Date("date");
        var amount = r.Money("amount");
        Unique(r, "payment_id", id, seen, $"duplicate payment_id '{id}'");
        KnownStudent(r, studentId);

        // Money may arrive before the term (prepayment, a subsidy allocated in advance) or after it
        // (a family paying what the true-up says it owes), so the date is not held to the term.
        return r.Ok ? new FamilyPayment(id!, studentId!, date!.Value, amount!.Value) : null;
    }

    private SubsidyReceipt? ReadSubsidy(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("subsidy_id");
        var date = r.Date("date");
        var amount = r.Money("amount");
        var origin = r.OptionalText("source");
        Unique(r, "subsidy_id", id, seen, $"duplicate subsidy_id '{id}'");
        return r.Ok ? new SubsidyReceipt(id!, date!.Value, amount!.Value, origin) : null;
    }

    private StaffMember? ReadStaff(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("staff_id");
        var name = r.Text("name");
        var employeeNo = r.OptionalText("employee_no");
        var role = r.Text("role");
        var external = r.OptionalBoolean("external");
        var agreement = r.OptionalMoney("agreement_amount");
        Unique(r, "staff_id", id, seen, $"duplicate staff_id '{id}'");
        var agreementGiven = r.Row.Get("agreement_amount") is not null;
        if (external == true && !agreementGiven)
        {
            r.Error("agreement_amount", "required for external staff (external=true): the amount of the signed agreement");
        }
        else if (external != true && agreementGiven && r.Row.Get("external") is null or "false")
        {
            // Without this, an amount typed for someone not marked external would be silently ignored.
            r.Error("agreement_amount", "only external staff (external=true) are paid an agreement amount");
        }

        return r.Ok ? new StaffMember(id!, name!, employeeNo, role!, external ?? false, agreement) : null;
    }

    private LessonDelivered? ReadLesson(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("lesson_id");
        var staffId = r.Text("staff_id");
        var date = r.Date("date");
        var slot = r.OptionalText("slot");
        var minutes = r.Integer("minutes", 1, 600);
        var group = r.OptionalText("group");
        Unique(r, "lesson_id", id, seen, $"duplicate lesson_id '{id}'");
        KnownStaff(r, staffId);
        InTerm(r, "date", date);
        return r.Ok ? new LessonDelivered(id!, staffId!, date!.Value, slot, minutes!.Value, group) : null;
    }

    private ConductEvent? ReadConduct(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("event_id");
        var staffId = r.Text("staff_id");
        var date = r.Date("date");
        var kind = r.Choice("kind", ConductEvent.Kinds);
        var decided = r.OptionalPercent("decided_percent");
        var lessonId = r.OptionalId("lesson_id");
        var note = r.OptionalText("note");
        Unique(r, "event_id", id, seen, $"duplicate event_id '{id}'");
        var staffKnown = KnownStaff(r, staffId);
        InTerm(r, "date", date);
        if (lessonId is not null)
        {
            CheckLesson(r, lessonId, staffKnown ? staffId : null, date);
        }

        if (!r.Ok)
        {
            return null;
        }

        var at = r.Row.Error("decided_percent", "");
        _conductOrigins[id!] = new FactOrigin(at.File, at.Line, at.Field);
        return new ConductEvent(id!, staffId!, date!.Value, kind!, decided, lessonId, note);
    }

    private void CheckLesson(FieldReader r, string lessonId, string? staffId, DateOnly? date)
    {
        if (!_lessonStaff.TryGetValue(lessonId, out var lesson))
        {
            r.Error("lesson_id", $"unknown lesson '{lessonId}': not in {source.Label(FactKinds.Lessons)}");
        }
        else if (staffId is not null && lesson.Staff is not null && lesson.Staff != staffId)
        {
            r.Error("lesson_id", $"lesson '{lessonId}' was given by staff '{lesson.Staff}', not '{staffId}'");
        }
        else if (date is { } d && lesson.Date is not null && lesson.Date != Dates.Iso(d))
        {
            // The event and the lesson it names must be the same day: the deduction is counted in that day's month.
            r.Error("lesson_id", $"lesson '{lessonId}' was on {lesson.Date}, not on the event's date {Dates.Iso(d)}");
        }
    }

    private DutyShift? ReadDuty(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("duty_id");
        var staffId = r.Text("staff_id");
        var date = r.Date("date");
        var duty = r.Choice("duty", DutyShift.Duties);
        var count = r.OptionalInteger("count", 1, InputLimits.MaxCount);
        Unique(r, "duty_id", id, seen, $"duplicate duty_id '{id}'");
        KnownStaff(r, staffId);
        InTerm(r, "date", date);
        return r.Ok ? new DutyShift(id!, staffId!, date!.Value, duty!, count ?? 1) : null;
    }

    private Expense? ReadExpense(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("expense_id");
        var date = r.Date("date");
        var category = r.Choice("category", Expense.Categories);
        var amount = r.Money("amount");
        var payee = r.OptionalText("payee");
        var note = r.OptionalText("note");
        Unique(r, "expense_id", id, seen, $"duplicate expense_id '{id}'");
        InTerm(r, "date", date);
        return r.Ok ? new Expense(id!, date!.Value, category!, amount!.Value, payee, note) : null;
    }

    private AwardDecision? ReadAward(FieldReader r, Dictionary<string, FactRow> seen)
    {
        var id = r.Id("award_id");
        var staffId = r.Text("staff_id");
        var amount = r.Money("amount");
        var reason = r.OptionalText("reason");
        Unique(r, "award_id", id, seen, $"duplicate award_id '{id}'");
        KnownStaff(r, staffId);
        return r.Ok ? new AwardDecision(id!, staffId!, amount!.Value, reason) : null;
    }

    /// <summary>Reports a key seen before in the same file, naming the line of the first occurrence.</summary>
    private static void Unique(FieldReader r, string column, string? key, Dictionary<string, FactRow> seen, string message)
    {
        if (key is null)
        {
            return;
        }

        if (seen.TryGetValue(key, out var first))
        {
            r.Error(column, $"{message} (first on line {first.Line})");
        }
        else
        {
            seen[key] = r.Row;
        }
    }

    /// <summary>False (and reported) when the date lies outside the term; true when it is inside or the term is unknown.</summary>
    private bool InTerm(FieldReader r, string column, DateOnly? date)
    {
        if (_term is null || date is not { } d || (d >= _term.Start && d <= _term.End))
        {
            return true;
        }

        r.Error(column, $"{Dates.Iso(d)} is outside the term {Dates.Iso(_term.Start)} – {Dates.Iso(_term.End)}");
        return false;
    }

    private bool KnownStudent(FieldReader r, string? studentId) =>
        Known(r, "student_id", studentId, _studentIds, "student", FactKinds.Enrolments);

    private bool KnownStaff(FieldReader r, string? staffId) =>
        Known(r, "staff_id", staffId, _staffIds, "staff member", FactKinds.Staff);

    private bool Known(FieldReader r, string column, string? id, HashSet<string> ids, string what, FactKind file)
    {
        if (id is null)
        {
            return false;
        }

        if (ids.Contains(id))
        {
            return true;
        }

        r.Error(column, $"unknown {what} '{id}': not in {source.Label(file)}");
        return false;
    }
}
