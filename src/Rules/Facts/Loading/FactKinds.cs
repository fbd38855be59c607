namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// One kind of fact: its CSV file name, its key in facts.json, its columns (docs/facts-format.md) and
/// the columns that identify one fact of the kind (an id, or for attendance the student and the day),
/// by which a correction names the fact it replaces.
/// </summary>
public sealed record FactKind(string CsvName, string JsonKey, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, IReadOnlyList<string> KeyColumns)
{
    public IEnumerable<string> Columns => Required.Concat(Optional);

    /// <summary>The fact's identity in the row ("L12"; for attendance "S7 2025-03-04"), or null when a key cell is empty.</summary>
    public string? KeyOf(FactRow row)
    {
        if (KeyColumns.Count == 1)
        {
            return row.Get(KeyColumns[0]);
        }

        var parts = new string[KeyColumns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (row.Get(KeyColumns[i]) is not { } part)
            {
                return null;
            }

            parts[i] = part;
        }

        return string.Join(' ', parts);
    }
}

public static class FactKinds
{
    public static readonly FactKind Term = new("term.csv", "term", ["term_id", "school", "start", "end"], [], ["term_id"]);
    public static readonly FactKind Calendar = new("calendar.csv", "calendar", ["date", "kind"], ["as_weekday", "note"], ["date"]);
    public static readonly FactKind Enrolments = new("enrolments.csv", "enrolments", ["student_id", "name", "weekdays"], ["class", "start", "last_day"], ["student_id"]);
    public static readonly FactKind Attendance = new("attendance.csv", "attendance", ["student_id", "date", "status"], [], ["student_id", "date"]);
    public static readonly FactKind Hardship = new("hardship.csv", "hardship", ["approval_id", "student_id", "category", "waiver_percent", "approved_on", "approved_by"], [], ["approval_id"]);
    public static readonly FactKind Payments = new("payments.csv", "payments", ["payment_id", "student_id", "date", "amount"], [], ["payment_id"]);
    public static readonly FactKind Subsidies = new("subsidies.csv", "subsidies", ["subsidy_id", "date", "amount"], ["source"], ["subsidy_id"]);
    public static readonly FactKind Staff = new("staff.csv", "staff", ["staff_id", "name", "role"], ["employee_no", "external", "agreement_amount"], ["staff_id"]);
    public static readonly FactKind Lessons = new("lessons.csv", "lessons", ["lesson_id", "staff_id", "date", "minutes"], ["slot", "group"], ["lesson_id"]);
    public static readonly FactKind Conduct = new("conduct.csv", "conduct", ["event_id", "staff_id", "date", "kind"], ["decided_percent", "lesson_id", "note"], ["event_id"]);
    public static readonly FactKind Duties = new("duties.csv", "duties", ["duty_id", "staff_id", "date", "duty"], ["count"], ["duty_id"]);
    public static readonly FactKind Expenses = new("expenses.csv", "expenses", ["expense_id", "date", "category", "amount"], ["payee", "note"], ["expense_id"]);
    public static readonly FactKind Awards = new("awards.csv", "awards", ["award_id", "staff_id", "amount"], ["reason"], ["award_id"]);

    /// <summary>Every kind but the term, which is a single object in JSON and a single row in CSV.</summary>
    public static readonly IReadOnlyList<FactKind> Lists =
        [Calendar, Enrolments, Attendance, Hardship, Payments, Subsidies, Staff, Lessons, Conduct, Duties, Expenses, Awards];

    public static FactKind? ByCsvName(string name) => Lists.FirstOrDefault(k => k.CsvName == name) ?? (name == Term.CsvName ? Term : null);

    public static FactKind? ByJsonKey(string key) => Lists.FirstOrDefault(k => k.JsonKey == key) ?? (key == Term.JsonKey ? Term : null);
}
