using System.Text.Json;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Facts.Loading;

namespace Compensation.Rules.Tests.Loading;

public class FactsLoaderTests
{
    private static TermFacts LoadCsv(Dictionary<string, string> files)
    {
        using var folder = new TempFolder();
        folder.WriteAll(files);
        return FactsLoader.LoadFolder(folder.Path);
    }

    private static IReadOnlyList<InputError> CsvErrors(Dictionary<string, string> files)
    {
        using var folder = new TempFolder();
        folder.WriteAll(files);
        return Assert.Throws<InputException>(() => FactsLoader.LoadFolder(folder.Path)).Errors;
    }

    /// <summary>The sample with one file replaced (or removed, for null).</summary>
    private static Dictionary<string, string> SampleWith(string file, string? content)
    {
        var files = SampleFacts.Csv();
        if (content is null)
        {
            files.Remove(file);
        }
        else
        {
            files[file] = content;
        }

        return files;
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ValidFolder_LoadsExactValues_SortedById()
    {
        var facts = LoadCsv(SampleFacts.Csv());

        Assert.Equal(new TermInfo("2025S", "示例小学", D("2025-03-03"), D("2025-03-31")), facts.Term);
        Assert.Equal(
            [new CalendarException(D("2025-03-07"), CalendarDayKind.Holiday, null, ""), new CalendarException(D("2025-03-08"), CalendarDayKind.Makeup, 5, "调休")],
            facts.Calendar);

        Assert.Equal(["S1", "S2"], facts.Enrolments.Select(e => e.StudentId));
        var s1 = facts.Enrolments[0];
        Assert.Equal(("Li, Hua", "1班", D("2025-03-05"), D("2025-03-20")), (s1.Name, s1.ClassName, s1.Start!.Value, s1.LastDay!.Value));
        Assert.Equal([1, 2, 3, 4, 5], s1.Weekdays);
        var s2 = facts.Enrolments[1];
        Assert.Equal([1, 3, 5], s2.Weekdays);
        Assert.Null(s2.Start);
        Assert.Null(s2.LastDay);

        Assert.Equal(
            [
                new AttendanceMark("S1", D("2025-03-10"), AttendanceStatus.Absent),
                new AttendanceMark("S2", D("2025-03-03"), AttendanceStatus.Absent),
                new AttendanceMark("S2", D("2025-03-05"), AttendanceStatus.Leave),
            ],
            facts.Attendance);
        Assert.Equal([new HardshipApproval("H1", "S2", "dibao", 100m, D("2025-02-20"), "张老师")], facts.Hardship);
        Assert.Equal(
            [new FamilyPayment("P1", "S1", D("2025-03-03"), Money.Of(350m)), new FamilyPayment("P2", "S2", D("2025-03-04"), Money.Of(210.50m))],
            facts.Payments);
        Assert.Equal("210.50", facts.Payments[1].Amount.ToString());
        Assert.Equal([new SubsidyReceipt("SUB1", D("2025-03-15"), Money.Of(1000m), "区财政")], facts.Subsidies);
        Assert.Equal(
            [
                new StaffMember("T1", "王老师", "E001", "teacher", false, null),
                new StaffMember("T2", "钱老师", "E002", "teacher", false, null),
                new StaffMember("X1", "赵教练", "", "coach", true, Money.Of(1200m)),
            ],
            facts.Staff);
        Assert.Equal(
            [
                new LessonDelivered("L1", "T1", D("2025-03-03"), "1", 40, "A"),
                new LessonDelivered("L2", "T1", D("2025-03-04"), "1", 40, "A"),
                new LessonDelivered("L3", "T2", D("2025-03-04"), "2", 45, ""),
            ],
            facts.Lessons);
        Assert.Equal(
            [
                new ConductEvent("C1", "T1", D("2025-03-04"), "no-show", null, "L2", "did not come,\nno notice"),
                new ConductEvent("C2", "T2", D("2025-03-05"), "incident", 60m, null, ""),
            ],
            facts.Conduct);
        Assert.Equal(
            [new DutyShift("D1", "T1", D("2025-03-05"), "break-supervision", 2), new DutyShift("D2", "T2", D("2025-03-06"), "guard", 1)],
            facts.Duties);
        Assert.Equal([new Expense("E1", D("2025-03-10"), "consumables", Money.Of(99.99m), "文具店", "")], facts.Expenses);
        Assert.Equal([new AwardDecision("A1", "T1", Money.Of(100m), "优秀")], facts.Awards);
    }

    [Fact]
    public void PresentRows_AreCheckedButMakeNoFact()
    {
        // The sample's three absence rows plus a register line for every other service day of S2
        // (weekdays 1, 3, 5) in the term: 3, 5, 10, 12, 14, 17, 19 ... 31 March, without the holiday
        // on the 7th; they change nothing.
        var files = SampleFacts.Csv();
        var present = new[] { 12, 14, 17, 19, 21, 24, 26, 28, 31 }.Select(d => $"S2,2025-03-{d:00},present\n");
        files["attendance.csv"] += string.Concat(present);

        var withRegister = LoadCsv(files);

        Assert.Equal(Canonical(LoadCsv(SampleFacts.Csv())), Canonical(withRegister));
        Assert.Equal(3, withRegister.Attendance.Count);
    }

    [Fact]
    public void OnlyTermCsv_IsEnough()
    {
        var facts = LoadCsv(new() { ["term.csv"] = SampleFacts.Csv()["term.csv"] });
        Assert.Equal("2025S", facts.Term.TermId);
        Assert.Empty(facts.Lessons);
        Assert.Empty(facts.Enrolments);
    }

    [Fact]
    public void Bom_AndCrlf_AreAccepted()
    {
        using var folder = new TempFolder();
        foreach (var (name, content) in SampleFacts.Csv())
        {
            folder.Write(name, content.Replace("\n", "\r\n", StringComparison.Ordinal), bom: true);
        }

        var facts = FactsLoader.LoadFolder(folder.Path);
        Assert.Equal("2025S", facts.Term.TermId);
        // The quoted note keeps its own line break, now CRLF as written.
        Assert.Equal("did not come,\r\nno notice", facts.Conduct[0].Note);
    }

    [Fact]
    public void RowOrder_DoesNotChangeTheResult()
    {
        var reversed = SampleFacts.Csv().ToDictionary(f => f.Key, f => ReverseRows(f.Value));
        Assert.Equal(Canonical(LoadCsv(SampleFacts.Csv())), Canonical(LoadCsv(reversed)));
    }

    private static string ReverseRows(string csv)
    {
        // Rows with quoted line breaks are kept whole by splitting only on line ends outside quotes.
        var rows = new List<string>();
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (csv[i] == '\n' && !inQuotes)
            {
                rows.Add(csv[start..(i + 1)]);
                start = i + 1;
            }
        }

        return rows[0] + string.Concat(rows.Skip(1).Reverse());
    }

    [Fact]
    public void JsonForm_LoadsTheSameFactsAsTheCsvForm()
    {
        using var folder = new TempFolder();
        var path = folder.Write("facts.json", SampleFacts.Json);
        Assert.Equal(Canonical(LoadCsv(SampleFacts.Csv())), Canonical(FactsLoader.LoadJson(path)));
    }

    [Fact]
    public void Load_PicksFolderOrJson()
    {
        using var folder = new TempFolder();
        folder.WriteAll(SampleFacts.Csv());
        var json = folder.Write("facts.json", SampleFacts.Json);
        Assert.Equal(Canonical(FactsLoader.Load(folder.Path)), Canonical(FactsLoader.Load(json)));
        Assert.Throws<InputException>(() => FactsLoader.Load(Path.Combine(folder.Path, "term.csv")));
    }

    /// <summary>The records hold lists, which compare by reference; their JSON compares by value.</summary>
    private static string Canonical(TermFacts facts) => JsonSerializer.Serialize(facts);

    [Theory]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL2,T1,2025-03-04,40\nL1,T1,2025/03/04,40\n", 3, "date", "expected a date yyyy-MM-dd, got '2025/03/04'")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T1,2025-03-03,0\nL2,T1,2025-03-04,40\n", 2, "minutes", "expected a whole number from 1 to 600, got '0'")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T1,2025-03-03,40\nL1,T1,2025-03-04,40\nL2,T1,2025-03-04,40\n", 3, "lesson_id", "duplicate lesson_id 'L1' (first on line 2)")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T9,2025-03-03,40\nL2,T1,2025-03-04,40\n", 2, "staff_id", "unknown staff member 'T9': not in staff.csv")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL 1,T1,2025-03-03,40\nL2,T1,2025-03-04,40\n", 2, "lesson_id", "expected an id without spaces, got 'L 1'")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T1,2025-04-01,40\nL2,T1,2025-03-04,40\n", 2, "date", "2025-04-01 is outside the term 2025-03-03 – 2025-03-31")]
    [InlineData("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,,2025-03-03,40\nL2,T1,2025-03-04,40\n", 2, "staff_id", "required")]
    [InlineData("payments.csv", "payment_id,student_id,date,amount\nP1,S1,2025-03-03,12.345\n", 2, "amount", "expected an amount of yuan with at most two decimals, got '12.345'")]
    [InlineData("payments.csv", "payment_id,student_id,date,amount\nP1,S1,2025-03-03,-5\n", 2, "amount", "expected an amount of yuan that is not negative, got '-5'")]
    [InlineData("payments.csv", "payment_id,student_id,date,amount\nP1,S1,2025-03-03,\"1,000\"\n", 2, "amount", "expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got '1,000'")]
    [InlineData("payments.csv", "payment_id,student_id,date,amount\nP1,S1,2025-03-03,1e3\n", 2, "amount", "expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got '1e3'")]
    [InlineData("payments.csv", "payment_id,student_id,date,amount\nP1,S9,2025-03-03,5\n", 2, "student_id", "unknown student 'S9': not in enrolments.csv")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-04,absent\n", 2, "date", "2025-03-04 (Tuesday) is not one of the student's service days (weekdays 135)")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-07,absent\n", 2, "date", "2025-03-07 (Friday) is not a service day: the calendar makes it a holiday")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-09,absent\n", 2, "date", "2025-03-09 (Sunday) is not a service day")]
    [InlineData("attendance.csv", "student_id,date,status\nS1,2025-03-04,absent\n", 2, "date", "2025-03-04 is before the student's start 2025-03-05")]
    [InlineData("attendance.csv", "student_id,date,status\nS1,2025-03-21,absent\n", 2, "date", "2025-03-21 is after the student's last day 2025-03-20")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-05,absent\nS2,2025-03-05,leave\n", 3, "date", "a second attendance row for student 'S2' on 2025-03-05 (first on line 2)")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-05,sick\n", 2, "status", "expected one of absent, leave, present, got 'sick'")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-07,present\n", 2, "date", "2025-03-07 (Friday) is not a service day: the calendar makes it a holiday")]
    [InlineData("attendance.csv", "student_id,date,status\nS2,2025-03-05,present\nS2,2025-03-05,absent\n", 3, "date", "a second attendance row for student 'S2' on 2025-03-05 (first on line 2)")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-03-15,holiday,\n", 2, "date", "2025-03-15 is a Saturday, not a weekday; only a weekday can be a holiday")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-03-15,makeup,\n", 2, "as_weekday", "required for a makeup day: the weekday (1–5) whose timetable runs that day")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-03-14,makeup,5\n", 2, "date", "2025-03-14 is a Friday; a makeup day must be a Saturday or Sunday")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-03-15,makeup,6\n", 2, "as_weekday", "expected a whole number from 1 to 5, got '6'")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-04-07,holiday,\n", 2, "date", "2025-04-07 is outside the term 2025-03-03 – 2025-03-31")]
    [InlineData("calendar.csv", "date,kind,as_weekday\n2025-03-14,holiday,\n2025-03-14,holiday,\n", 3, "date", "a second calendar row for 2025-03-14 (first on line 2)")]
    [InlineData("enrolments.csv", "student_id,name,weekdays,start,last_day\nS1,Ann,12345,2025-03-10,2025-03-07\nS2,Bo,135,,\n", 2, "last_day", "the last day 2025-03-07 is before the start 2025-03-10")]
    [InlineData("enrolments.csv", "student_id,name,weekdays,start\nS1,Ann,12345,2025-02-28\nS2,Bo,135,\n", 2, "start", "2025-02-28 is outside the term 2025-03-03 – 2025-03-31")]
    [InlineData("enrolments.csv", "student_id,name,weekdays\nS1,Ann,1335\nS2,Bo,135\n", 2, "weekdays", "expected weekdays as distinct digits 1–5 (e.g. 12345 or 135), got '1335'")]
    [InlineData("enrolments.csv", "student_id,name,weekdays\nS1,Ann,16\nS2,Bo,135\n", 2, "weekdays", "expected weekdays as distinct digits 1–5 (e.g. 12345 or 135), got '16'")]
    [InlineData("staff.csv", "staff_id,name,role,external,agreement_amount\nT1,A,teacher,,\nT2,B,teacher,,\nX1,C,coach,true,\n", 4, "agreement_amount", "required for external staff (external=true): the amount of the signed agreement")]
    [InlineData("staff.csv", "staff_id,name,role,external\nT1,A,teacher,yes\nT2,B,teacher,\n", 2, "external", "expected true or false, got 'yes'")]
    [InlineData("conduct.csv", "event_id,staff_id,date,kind,lesson_id\nC1,T2,2025-03-04,no-show,L2\n", 2, "lesson_id", "lesson 'L2' was given by staff 'T1', not 'T2'")]
    [InlineData("conduct.csv", "event_id,staff_id,date,kind,lesson_id\nC1,T1,2025-03-04,no-show,L9\n", 2, "lesson_id", "unknown lesson 'L9': not in lessons.csv")]
    [InlineData("conduct.csv", "event_id,staff_id,date,kind,lesson_id\nC1,T1,2025-03-05,no-show,L2\n", 2, "lesson_id", "lesson 'L2' was on 2025-03-04, not on the event's date 2025-03-05")]
    [InlineData("conduct.csv", "event_id,staff_id,date,kind\nC1,T1,2025-03-04,asleep\n", 2, "kind", "expected one of no-show, late, early-leave, swap, handover, complaint, perfunctory, incident, got 'asleep'")]
    [InlineData("conduct.csv", "event_id,staff_id,date,kind,decided_percent\nC1,T1,2025-03-04,incident,150\n", 2, "decided_percent", "expected a percentage from 0 to 100, got '150'")]
    [InlineData("hardship.csv", "approval_id,student_id,category,waiver_percent,approved_on,approved_by\nH1,S2,dibao,-1,2025-02-20,Z\n", 2, "waiver_percent", "expected a percentage from 0 to 100, got '-1'")]
    [InlineData("duties.csv", "duty_id,staff_id,date,duty,count\nD1,T1,2025-03-05,cooking,\n", 2, "duty", "expected one of guard, duty-leader, support, admin-duty, break-supervision, got 'cooking'")]
    [InlineData("duties.csv", "duty_id,staff_id,date,duty,count\nD1,T1,2025-03-05,guard,0\n", 2, "count", "expected a whole number of at least 1, got '0'")]
    [InlineData("expenses.csv", "expense_id,date,category,amount\nE1,2025-03-10,food,1\n", 2, "category", "expected one of consumables, venue, utilities, equipment, training, insurance, other, got 'food'")]
    [InlineData("awards.csv", "award_id,staff_id,amount\nA1,T1,abc\n", 2, "amount", "expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got 'abc'")]
    [InlineData("term.csv", "term_id,school,start,end\n2025S,X,2025-03-31,2025-03-03\n", 2, "end", "the term ends (2025-03-03) before it starts (2025-03-31)")]
    [InlineData("term.csv", "term_id,school,start,end\n2025S,X,2025-03-03,2025-03-31\n2025F,X,2025-09-01,2026-01-15\n", 3, "", "expected exactly one row (the term), found 2")]
    [InlineData("subsidies.csv", "subsidy_id,date,amount,sauce\nSUB1,2025-03-15,1000,x\n", 1, "sauce", "unknown column 'sauce'; expected one of subsidy_id, date, amount, source")]
    [InlineData("subsidies.csv", "subsidy_id,date\nSUB1,2025-03-15\n", 1, "amount", "missing required column 'amount'")]
    public void BadInput_IsReportedWithFileRowAndColumn(string file, string content, int line, string field, string message)
    {
        var errors = CsvErrors(SampleWith(file, content));
        Assert.Equal(new InputError(file, line, field, message), Assert.Single(errors));
    }

    [Fact]
    public void MissingTermCsv_IsAnError()
    {
        var errors = CsvErrors(SampleWith("term.csv", null));
        Assert.Contains(new InputError("term.csv", 0, "", "the file is missing; every term needs term.csv"), errors);
    }

    [Fact]
    public void MissingFolder_IsAnError()
    {
        var path = Path.Combine(Path.GetTempPath(), "compensation-tests-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Single(Assert.Throws<InputException>(() => FactsLoader.LoadFolder(path)).Errors);
        Assert.Equal("the facts folder does not exist", error.Message);
    }

    [Fact]
    public void SeveralErrorsInSeveralFiles_AreAllReportedAtOnce()
    {
        var files = SampleFacts.Csv();
        files["lessons.csv"] = "lesson_id,staff_id,date,minutes\nL1,T1,2025-03-03,40\nL2,T1,2025-03-04,700\nL3,T9,2025-03-05,40\n";
        files["payments.csv"] = "payment_id,student_id,date,amount\nP1,S1,2025-03-03,1.001\n";
        files["attendance.csv"] = "student_id,date,status\nS2,2025-03-04,absent\nS3,2025-03-05,late\n";
        files["conduct.csv"] = "event_id,staff_id,date,kind,lesson_id\nC1,T1,2025-03-04,no-show,L2\n";

        var errors = CsvErrors(files);

        Assert.Equal(
            [
                ("attendance.csv", 2, "date"),
                ("attendance.csv", 3, "status"),
                ("attendance.csv", 3, "student_id"),
                ("lessons.csv", 3, "minutes"),
                ("lessons.csv", 4, "staff_id"),
                ("payments.csv", 2, "amount"),
            ],
            errors.Select(e => (e.File, e.Line, e.Field)).Order());
    }

    [Fact]
    public void OneRow_ReportsAllOfItsProblems()
    {
        var errors = CsvErrors(SampleWith("lessons.csv", "lesson_id,staff_id,date,minutes\nL1,T9,2025-13-01,x\nL2,T1,2025-03-04,40\n"));
        Assert.Equal(["date", "minutes", "staff_id"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(("lessons.csv", 2), (e.File, e.Line)));
    }

    [Fact]
    public void MultiLineQuotedCell_RowsAfterItKeepTheirOwnLineNumbers()
    {
        var errors = CsvErrors(SampleWith("conduct.csv", "event_id,staff_id,date,kind,note\nC1,T1,2025-03-04,late,\"line one\nline two\nline three\"\nC2,T1,2025-03-05,bad-kind,\n"));
        Assert.Equal(new InputError("conduct.csv", 5, "kind", "expected one of no-show, late, early-leave, swap, handover, complaint, perfunctory, incident, got 'bad-kind'"), Assert.Single(errors));
    }

    [Fact]
    public void MissingRequiredColumn_IsReportedOnce_NotOnEveryRow()
    {
        var errors = CsvErrors(SampleWith("lessons.csv", "lesson_id,staff_id,date\nL1,T1,2025-03-03\nL2,T1,2025-03-04\n"));
        Assert.Equal(new InputError("lessons.csv", 1, "minutes", "missing required column 'minutes'"), Assert.Single(errors));
    }

    [Fact]
    public void Json_ErrorsNameThePathAndLine()
    {
        var json = SampleFacts.Json.Replace("\"slot\": 2, \"minutes\": \"45\"", "\"slot\": 2, \"minutes\": \"forty\"", StringComparison.Ordinal);
        Assert.NotEqual(SampleFacts.Json, json);
        var line = 1 + json[..json.IndexOf("\"forty\"", StringComparison.Ordinal)].Count(c => c == '\n');

        using var folder = new TempFolder();
        var path = folder.Write("facts.json", json);
        var error = Assert.Single(Assert.Throws<InputException>(() => FactsLoader.LoadJson(path)).Errors);

        Assert.Equal(new InputError("facts.json", line, "$.lessons[2].minutes", "expected a whole number from 1 to 600, got 'forty'"), error);
    }

    [Fact]
    public void Json_CrossFileErrors_NameThePathAndTheReferredList()
    {
        const string json = """
            {
              "term": { "term_id": "T", "school": "X", "start": "2025-03-03", "end": "2025-03-31" },
              "staff": [ { "staff_id": "T1", "name": "A", "role": "teacher" } ],
              "lessons": [
                { "lesson_id": "L1", "staff_id": "T1", "date": "2025-03-03", "minutes": 40 },
                {
                  "lesson_id": "L2",
                  "staff_id": "T2",
                  "date": "2025-03-03",
                  "minutes": 40,
                  "colour": "red"
                }
              ]
            }
            """;
        using var folder = new TempFolder();
        var path = folder.Write("facts.json", json);
        var errors = Assert.Throws<InputException>(() => FactsLoader.LoadJson(path)).Errors;

        Assert.Equal(
            [
                new InputError("facts.json", 8, "$.lessons[1].staff_id", "unknown staff member 'T2': not in $.staff"),
                new InputError("facts.json", 11, "$.lessons[1].colour", "unknown key 'colour'; expected one of lesson_id, staff_id, date, minutes, slot, group"),
            ],
            errors.OrderBy(e => e.Line));
    }

    [Fact]
    public void Json_WrongShapesAndSyntax()
    {
        using var folder = new TempFolder();
        var shapes = folder.Write("shapes.json", "{\n  \"term\": [],\n  \"lessons\": {},\n  \"extra\": 1\n}\n");
        Assert.Equal(
            [
                new InputError("shapes.json", 2, "$.term", "expected an object, got an array"),
                new InputError("shapes.json", 3, "$.lessons", "expected an array of objects, got an object"),
                new InputError("shapes.json", 4, "$.extra", "unknown key 'extra'; expected one of term, calendar, enrolments, attendance, hardship, payments, subsidies, staff, lessons, conduct, duties, expenses, awards"),
            ],
            Assert.Throws<InputException>(() => FactsLoader.LoadJson(shapes)).Errors);

        var syntax = folder.Write("syntax.json", "{\n  \"term\": {\n    \"term_id\": \"T\",,\n  }\n}\n");
        var error = Assert.Single(Assert.Throws<InputException>(() => FactsLoader.LoadJson(syntax)).Errors);
        Assert.Equal(("syntax.json", 3, "$"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Json_WeekdaysArray_MustHoldSingleDigits()
    {
        var json = SampleFacts.Json.Replace("\"weekdays\": [1, 2, 3, 4, 5]", "\"weekdays\": [1, 10]", StringComparison.Ordinal);
        using var folder = new TempFolder();
        var path = folder.Write("facts.json", json);
        var error = Assert.Single(Assert.Throws<InputException>(() => FactsLoader.LoadJson(path)).Errors);
        Assert.Equal("$.enrolments[0].weekdays", error.Field);
    }
}
