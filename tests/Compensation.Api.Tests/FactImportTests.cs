using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;

namespace Compensation.Api.Tests;

/// <summary>
/// The other ways facts come in: the Excel template and its import, JSON batches, and corrections by
/// id. On the demo school (the 埇桥 sample, finalised at start); amounts from
/// rules-samples/yongqiao-002-s1/README.md.
/// </summary>
public sealed class FactImportTests : IDisposable
{
    private const string Term = "/api/schools/demo/terms/2025-spring-sample";
    private readonly Service _service = new(demo: true);

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<List<(string File, int Line, string Field, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (
            e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    private async Task<int> ImportCountAsync() => (await Admin.GetFromJsonAsync<JsonElement>(Term + "/imports")).GetArrayLength();

    private static MultipartFormDataContent Workbook(byte[] bytes, string name = "facts.xlsx")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "file", name);
        return form;
    }

    private async Task<byte[]> TemplateAsync()
    {
        var response = await Admin.GetAsync(Term + "/facts/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The template with its example rows deleted and the sample's CSV rows written under the headers, by column name.</summary>
    private static byte[] FilledWithSample(byte[] template, Action<XLWorkbook>? change = null)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        foreach (var ws in workbook.Worksheets.Where(w => w.Name != "说明"))
        {
            ws.Rows(2, 3).Delete();
            var headers = ws.Row(1).CellsUsed().ToDictionary(c => c.GetString().Split(' ')[^1], c => c.Address.ColumnNumber);
            var csv = Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts", Sheets[ws.Name] + ".csv");
            if (!File.Exists(csv))
            {
                continue;
            }

            var lines = File.ReadAllLines(csv);
            var columns = lines[0].Split(',');
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = SplitCsv(lines[i]);
                for (var c = 0; c < columns.Length; c++)
                {
                    if (cells[c].Length == 0)
                    {
                        continue;
                    }

                    var cell = ws.Cell(i + 1, headers[columns[c]]);
                    if (columns[c] is "date" && DateTime.TryParseExact(cells[c], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        cell.SetValue(date); // a real Excel date
                    }
                    else if (columns[c] is "amount" or "minutes" && decimal.TryParse(cells[c], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    {
                        cell.SetValue(number); // a real Excel number
                    }
                    else
                    {
                        cell.SetValue(cells[c]);
                    }
                }
            }
        }

        change?.Invoke(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static readonly Dictionary<string, string> Sheets = new()
    {
        ["校历调整"] = "calendar", ["报名学生"] = "enrolments", ["考勤"] = "attendance", ["困难减免"] = "hardship", ["缴费"] = "payments", ["财政补助"] = "subsidies",
        ["教职工"] = "staff", ["课时"] = "lessons", ["考核事件"] = "conduct", ["值守"] = "duties", ["支出"] = "expenses", ["奖励"] = "awards",
    };

    /// <summary>The sample's CSV lines have at most one quoted cell without inner quotes; enough for this test.</summary>
    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                cells.Add(line[(i + 1)..close]);
                i = close + 2;
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                cells.Add(line[i..end]);
                i = end + 1;
            }
        }

        return [.. cells];
    }

    [Fact]
    public async Task TheTemplate_HasOneSheetPerKindOfFact_WithChineseHeadersAndExamples()
    {
        using var workbook = new XLWorkbook(new MemoryStream(await TemplateAsync()));

        Assert.Equal(["说明", .. Sheets.Keys], workbook.Worksheets.Select(w => w.Name));
        var lessons = workbook.Worksheet("课时");
        Assert.Equal(["课时编号 lesson_id", "教职工编号 staff_id", "日期 date", "分钟 minutes", "节次 slot", "班组 group"], lessons.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(1, lessons.SheetView.SplitRow);

        // The examples are dated on the term's first service days: Monday 17 and Tuesday 18 March 2025.
        Assert.Equal("L00001", lessons.Cell(2, 1).GetString());
        Assert.Equal(new DateTime(2025, 3, 17), lessons.Cell(2, 3).GetDateTime());
        Assert.Equal(new DateTime(2025, 3, 18), lessons.Cell(3, 3).GetDateTime());
        Assert.Contains("2025-03-17 至 2025-04-11", workbook.Worksheet("说明").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task TheTemplateAsItIs_IsRefused_ForEveryExampleRow()
    {
        var before = await ImportCountAsync();

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/workbook", Workbook(await TemplateAsync())));

        // 12 sheets × 2 example rows, each refused on its own Excel row.
        Assert.Equal(24, problems.Count(p => p.Message.StartsWith("this is an example row of the template", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.File == "facts.xlsx/课时" && p.Line == 3);
        Assert.Equal(before, await ImportCountAsync());
    }

    [Fact]
    public async Task AFilledWorkbook_ReplacesTheTermsFacts_AndSettlesLikeTheCsvFiles()
    {
        // First take something away, so the workbook import visibly brings it back: remove C04 (T02's no-show).
        var removed = await Admin.PostAsync(Term + "/facts/corrections", Json("""{"reason": "test", "remove": {"conduct": ["C04"]}}"""));
        Assert.Equal(HttpStatusCode.Created, removed.StatusCode);

        var response = await Admin.PostAsync(Term + "/facts/workbook", Workbook(FilledWithSample(await TemplateAsync())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("workbook", body.GetProperty("kind").GetString());
        var conduct = body.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("facts").GetString() == "conduct");

        // By event id: C04 is added back, the 6 events left (C01–C03, C05–C07) are the same, nothing replaced or removed.
        Assert.Equal((1, 0, 0, 6), Counts(conduct));

        var preview = await (await Admin.PostAsync(Term + "/settlements/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        var t02 = preview.GetProperty("staff").EnumerateArray().Single(s => s.GetProperty("staffId").GetString() == "T02");
        Assert.Equal(250.00m, t02.GetProperty("net").GetDecimal()); // 12 × 25.00 − (25.00 no-show + 25.00 late)
        var s06 = preview.GetProperty("families").EnumerateArray().Single(f => f.GetProperty("studentId").GetString() == "S06");
        Assert.Equal(105.00m, s06.GetProperty("refunded").GetDecimal()); // 350 × 6/20

        // The same workbook again changes nothing and says so: repeated, and no change listed.
        var again = await Admin.PostAsync(Term + "/facts/workbook", Workbook(FilledWithSample(await TemplateAsync())));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(repeat.GetProperty("repeated").GetBoolean());
        Assert.Equal(0, repeat.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task AWorkbookWithOneNameChangedAndOneLessonLeftOut_ReportsThoseFactsByTheirIds()
    {
        var template = await TemplateAsync();
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync(Term + "/facts/workbook", Workbook(FilledWithSample(template)))).StatusCode);
        string? renamed = null;
        string? leftOut = null;
        var bytes = FilledWithSample(template, workbook =>
        {
            var enrolments = workbook.Worksheet("报名学生");
            renamed = enrolments.Cell(2, 1).GetString();
            enrolments.Cell(2, 2).SetValue("改名学生");
            var lessons = workbook.Worksheet("课时");
            leftOut = lessons.Cell(2, 1).GetString();
            lessons.Row(2).Delete();
        });

        var response = await Admin.PostAsync(Term + "/facts/workbook", Workbook(bytes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var changes = body.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("facts").GetString()!, Counts);

        // The sample has 7 students and 40 lessons (rules-samples/yongqiao-002-s1/README.md): one of each changed, the rest the same.
        Assert.Equal(new Dictionary<string, (int, int, int, int)> { ["enrolments"] = (0, 1, 0, 6), ["lessons"] = (0, 0, 1, 39) }, changes);

        var import = (await Admin.GetFromJsonAsync<JsonElement>(Term + "/imports")).EnumerateArray().Last();
        var entries = import.GetProperty("corrections").EnumerateArray()
            .Select(e => (e.GetProperty("facts").GetString(), e.GetProperty("id").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([("enrolments", renamed, "replaced"), ("lessons", leftOut, "removed")], entries);
        var replaced = import.GetProperty("corrections")[0];
        Assert.Equal("改名学生", replaced.GetProperty("after").GetProperty("name").GetString());
        Assert.NotEqual("改名学生", replaced.GetProperty("before").GetProperty("name").GetString());
    }

    private static (int Added, int Replaced, int Removed, int Unchanged) Counts(JsonElement change) => (
        change.GetProperty("added").GetInt32(), change.GetProperty("replaced").GetInt32(), change.GetProperty("removed").GetInt32(), change.GetProperty("unchanged").GetInt32());

    [Fact]
    public async Task ABadWorkbook_IsRefusedWithSheetRowAndColumn_AndNothingChanges()
    {
        var before = await ImportCountAsync();
        var bytes = FilledWithSample(await TemplateAsync(), workbook =>
        {
            var lessons = workbook.Worksheet("课时");
            lessons.Cell(3, 4).SetValue("forty");          // row 3 = the second lesson, column D = minutes
            lessons.Cell(4, 2).SetValue("NOBODY");         // an unknown staff id
            lessons.Cell(5, 3).SetValue(new DateTime(2025, 3, 18, 9, 30, 0)); // a date with a time
            workbook.Worksheets.Add("草稿");
        });

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/workbook", Workbook(bytes)));

        Assert.Contains(("facts.xlsx/课时", 3, "D (分钟 minutes)"), problems.Select(p => (p.File, p.Line, p.Field)));
        Assert.Contains(("facts.xlsx/课时", 4, "B (教职工编号 staff_id)"), problems.Select(p => (p.File, p.Line, p.Field)));
        Assert.Contains(problems, p => p.File == "facts.xlsx/课时" && p.Line == 5 && p.Message.StartsWith("expected a date without a time of day", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "facts.xlsx/草稿" && p.Message.StartsWith("not a sheet of the facts template", StringComparison.Ordinal));
        Assert.Equal(before, await ImportCountAsync());

        var notExcel = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/workbook", Workbook(Encoding.UTF8.GetBytes("lesson_id,staff_id\n"), "facts.xlsx")));
        Assert.StartsWith("not an Excel workbook", Assert.Single(notExcel).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatch_AddsFacts_ASecondTimeChangesNothing_AndAChangedFactIsRefused()
    {
        // S01 absent Mon 17 … Mon 24 March: 17, 18, 19, 20, 21, 24 = 6 consecutive service days ≥ 6,
        // so S01 gets back 350 × 6/20 = 105.00.
        var days = new[] { 17, 18, 19, 20, 21, 24 };
        var batch = "{\"attendance\": [" + string.Join(",", days.Select(d => $"{{\"student_id\": \"S01\", \"date\": \"2025-03-{d}\", \"status\": \"absent\"}}")) + "]}";

        var first = await Admin.PostAsync(Term + "/facts/batch", Json(batch));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var change = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("attendance", 6), (change.GetProperty("facts").GetString(), change.GetProperty("added").GetInt32()));
        var preview = await (await Admin.PostAsync(Term + "/settlements/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        var s01 = preview.GetProperty("families").EnumerateArray().Single(f => f.GetProperty("studentId").GetString() == "S01");
        Assert.Equal(105.00m, s01.GetProperty("refunded").GetDecimal());

        var count = await ImportCountAsync();
        var again = await Admin.PostAsync(Term + "/facts/batch", Json(batch));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());

        var changed = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/batch?fileName=register.json", Json(
            "{\"attendance\": [\n  {\"student_id\": \"S01\", \"date\": \"2025-03-17\", \"status\": \"leave\"},\n  {\"student_id\": \"S99\", \"date\": \"2025-03-18\", \"status\": \"absent\"}\n]}")));
        Assert.Contains(changed, p => p.File == "register.json" && p.Line == 2 && p.Field == "$.attendance[0].date" && p.Message.Contains("with other values; send a correction", StringComparison.Ordinal));
        Assert.Contains(changed, p => p.File == "register.json" && p.Line == 3 && p.Field == "$.attendance[1].student_id");
        Assert.Equal(count, await ImportCountAsync());
    }

    [Fact]
    public async Task ImportsIntoOneTermAtOnce_AreSavedOneAtATime_TheOthersAreToldToSendAgain_AndTheTermStaysWhole()
    {
        var lessons = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts", "lessons.csv"));
        var count = await ImportCountAsync();

        // Eight different files with the same lessons (empty lines are skipped), sent at the same moment.
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            _service.As(Service.AdminKey).PostAsync(Term + "/facts", Service.Text("lessons.csv", lessons + new string('\n', i)))));

        var saved = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.InRange(saved, 1, 8);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("facts-changed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(count + saved, await ImportCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Term + "/settlements/preview", null)).StatusCode);
        var again = await Admin.PostAsync(Term + "/facts", Service.Text("lessons.csv", lessons));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task AFileThatIsCurrentAlready_MakesNoNewVersion_AloneOrBesideAChangedOne()
    {
        var staff = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts", "staff.csv"));
        var count = await ImportCountAsync();

        var alone = await Admin.PostAsync(Term + "/facts", Service.Text("staff.csv", staff));
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        Assert.True((await alone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        Assert.Equal(count, await ImportCountAsync());

        var form = Service.Text("staff.csv", staff);
        form.Add(new StringContent("expense_id,date,category,amount,payee,note\nX01,2025-03-20,consumables,50,文具店,作业纸、文具\n"), "expenses.csv", "expenses.csv");
        var beside = await Admin.PostAsync(Term + "/facts", form);
        Assert.Equal(HttpStatusCode.Created, beside.StatusCode);
        var files = (await beside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(["expenses.csv"], files);
        Assert.Equal(count + 1, await ImportCountAsync());
    }

    [Fact]
    public async Task ACorrectionThatChangesNoValue_ChangesNothing()
    {
        var count = await ImportCountAsync();
        var correction = await Admin.PostAsync(Term + "/facts/corrections", Json(
            "{\"reason\": \"核对\", \"replace\": {\"expenses\": [{\"expense_id\": \"X02\", \"date\": \"2025-04-10\", \"category\": \"venue\", \"amount\": \"30\", \"payee\": \"后勤\", \"note\": \"托管教室维护\"}]}}"));
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var body = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("repeated").GetBoolean());
        Assert.Equal(1, body.GetProperty("changes").EnumerateArray().Single().GetProperty("unchanged").GetInt32());
        Assert.Equal(count, await ImportCountAsync());
    }

    [Fact]
    public async Task ACorrectionAfterFinalisation_IsANewVersion_WithItsDifferences_AndIsAudited()
    {
        // C04 (T02's no-show on 26 March) is withdrawn, and C06 (T03 perfunctory) is decided at 40 %, not 20 %.
        var correction = """
            {
              "reason": "考核小组复议：C04 为公假，C06 改为 40%",
              "replace": { "conduct": [ { "event_id": "C06", "staff_id": "T03", "date": "2025-03-27", "kind": "perfunctory", "decided_percent": 40, "lesson_id": "L0327-2", "note": "复议" } ] },
              "remove": { "conduct": [ "C04" ] }
            }
            """;

        var response = await Admin.PostAsync(Term + "/facts/corrections", Json(correction));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var change = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray().Single();
        Assert.Equal((1, 1), (change.GetProperty("replaced").GetInt32(), change.GetProperty("removed").GetInt32()));

        var runs = Term + "/settlements";
        var draft = (await (await Admin.PostAsync(runs, null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        var finalised = await Admin.PostAsync($"{runs}/{draft}/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var body = await finalised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("run").GetProperty("finalVersion").GetInt32());
        var staff = body.GetProperty("staff").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("change").GetDecimal());

        // T02 keeps the 25.00 of the no-show lesson: 250.00 → 275.00.
        // T03's March deduction becomes 125.00 × 40/100 = 50.00 instead of 25.00: 167.50 → 142.50.
        Assert.Equal(25.00m, staff["T02"]);
        Assert.Equal(-25.00m, staff["T03"]);
        Assert.DoesNotContain("T01", staff.Keys);
        Assert.Empty(body.GetProperty("families").EnumerateArray());

        var imports = await Admin.GetFromJsonAsync<JsonElement>(Term + "/imports");
        var last = imports.EnumerateArray().Last();
        Assert.Equal("correction", last.GetProperty("kind").GetString());
        Assert.Equal("考核小组复议：C04 为公假，C06 改为 40%", last.GetProperty("reason").GetString());
        var c06 = last.GetProperty("corrections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "C06");
        Assert.Equal(("20", "40"), (c06.GetProperty("before").GetProperty("decided_percent").GetString(), c06.GetProperty("after").GetProperty("decided_percent").GetString()));
        var c04 = last.GetProperty("corrections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "C04");
        Assert.Equal("removed", c04.GetProperty("action").GetString());

        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit");
        var audited = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "facts.correct").GetProperty("outcome").GetString()!;
        Assert.Contains("考核小组复议", audited, StringComparison.Ordinal);
        Assert.Contains("\"decided_percent\":\"20\"", audited, StringComparison.Ordinal); // C06 before
        Assert.Contains("\"decided_percent\":\"40\"", audited, StringComparison.Ordinal); // and after
    }

    [Fact]
    public async Task ABadCorrectionOrBatch_NamesEachProblem_AndChangesNothing()
    {
        var before = await ImportCountAsync();
        var correction = "{\n  \"replace\": {\"lessons\": [{\"lesson_id\": \"L9999\", \"staff_id\": \"T01\", \"date\": \"2025-03-17\", \"minutes\": 40}]},\n  \"remove\": {\"conduct\": [\"C99\"], \"lessons\": [\"L0326-2\"]}\n}";

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/corrections", Json(correction)));

        Assert.Contains(problems, p => p.Field == "$.reason" && p.Message.StartsWith("required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 2 && p.Field == "$.replace.lessons[0].lesson_id" && p.Message.Contains("no lesson_id 'L9999' to replace", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Field == "$.remove.conduct[0]" && p.Message == "the term has no event_id 'C99' to remove");

        // Removing lesson L0326-2 leaves conduct C04 pointing at a lesson that is gone.
        Assert.Contains(problems, p => p.File == "conduct.csv" && p.Field == "lesson_id");

        // JSON that does not parse, and a value of the wrong type.
        var broken = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/batch", Json("{\"attendance\": [\n  {\"student_id\": \"S01\",\n")));
        Assert.StartsWith("not valid JSON", Assert.Single(broken).Message, StringComparison.Ordinal);
        var wrongType = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/batch", Json("{\"lessons\": [{\"lesson_id\": \"L9\", \"staff_id\": \"T01\", \"date\": \"2025-03-17\", \"minutes\": {\"n\": 40}}]}")));
        Assert.Contains(wrongType, p => p.Field == "$.lessons[0].minutes");
        Assert.Equal(before, await ImportCountAsync());
    }
}
