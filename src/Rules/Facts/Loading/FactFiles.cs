namespace Compensation.Rules.Facts.Loading;

/// <summary>One kind of fact file: its CSV name, its key in facts.json and its columns (docs/facts-format.md).</summary>
internal sealed record FactFile(string CsvName, string JsonKey, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public IEnumerable<string> Columns => Required.Concat(Optional);
}

internal static class FactFiles
{
    public static readonly FactFile Term = new("term.csv", "term", ["term_id", "school", "start", "end"], []);
    public static readonly FactFile Calendar = new("calendar.csv", "calendar", ["date", "kind"], ["as_weekday", "note"]);
    public static readonly FactFile Enrolments = new("enrolments.csv", "enrolments", ["student_id", "name", "weekdays"], ["class", "start", "last_day"]);
    public static readonly FactFile Attendance = new("attendance.csv", "attendance", ["student_id", "date", "status"], []);
    public static readonly FactFile Hardship = new("hardship.csv", "hardship", ["approval_id", "student_id", "category", "waiver_percent", "approved_on", "approved_by"], []);
    public static readonly FactFile Payments = new("payments.csv", "payments", ["payment_id", "student_id", "date", "amount"], []);
    public static readonly FactFile Subsidies = new("subsidies.csv", "subsidies", ["subsidy_id", "date", "amount"], ["source"]);
    public static readonly FactFile Staff = new("staff.csv", "staff", ["staff_id", "name", "role"], ["employee_no", "external", "agreement_amount"]);
    public static readonly FactFile Lessons = new("lessons.csv", "lessons", ["lesson_id", "staff_id", "date", "minutes"], ["slot", "group"]);
    public static readonly FactFile Conduct = new("conduct.csv", "conduct", ["event_id", "staff_id", "date", "kind"], ["decided_percent", "lesson_id", "note"]);
    public static readonly FactFile Duties = new("duties.csv", "duties", ["duty_id", "staff_id", "date", "duty"], ["count"]);
    public static readonly FactFile Expenses = new("expenses.csv", "expenses", ["expense_id", "date", "category", "amount"], ["payee", "note"]);
    public static readonly FactFile Awards = new("awards.csv", "awards", ["award_id", "staff_id", "amount"], ["reason"]);

    /// <summary>Every file but the term, which is a single object in JSON and a single row in CSV.</summary>
    public static readonly IReadOnlyList<FactFile> Lists =
        [Calendar, Enrolments, Attendance, Hardship, Payments, Subsidies, Staff, Lessons, Conduct, Duties, Expenses, Awards];
}
