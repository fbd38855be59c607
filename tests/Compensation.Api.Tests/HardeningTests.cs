using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// No request breaks the service: text nested past what a parser can recurse into, bytes that are not UTF-8,
/// workbooks whose XML is broken or whose numbers cannot be held, and floods of bad rows are each a 400 naming
/// where the problem is, and the service goes on answering.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private const string School = "/api/schools/s1";
    private const string Term = School + "/terms/t";
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    private HttpClient Admin => _service.As(Service.AdminKey);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static async Task<List<(string File, int Line, string Field, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bad-input", body.GetProperty("code").GetString());
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (
            e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    private async Task SchoolAndTermAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools", Json("""{"id": "s1", "name": "S"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/schools/s1/terms", Json("""{"termId": "t", "start": "2025-03-17", "end": "2025-04-11"}"""))).StatusCode);
    }

    private static string Plan => File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "policy.yaml"));

    [Fact]
    public async Task APlanNested35000LevelsDeep_IsABadInputOnItsLine_AndTheServiceStaysUp()
    {
        await SchoolAndTermAsync();
        var deep = "school: S\nplan: P\nx: " + new string('[', 35_000) + new string(']', 35_000) + "\n";

        var problem = Assert.Single(await ProblemsAsync(await Admin.PostAsync(School + "/plans?fileName=deep.yaml", new StringContent(deep, Encoding.UTF8, "text/plain"))));

        Assert.Equal(("deep.yaml", 3), (problem.File, problem.Line));
        Assert.Contains("nested more than 64 levels", problem.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/schools")).StatusCode);
    }

    [Fact]
    public async Task AJsonBodyNestedPast64Levels_IsABadInput()
    {
        var deep = """{"id": "s9", "name": """ + new string('[', 65) + new string(']', 65) + "}";
        Assert.NotEmpty(await ProblemsAsync(await Admin.PostAsync("/api/schools", Json(deep))));
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/schools")).StatusCode);
    }

    [Fact]
    public async Task APlanThatIsNotUtf8_IsRefusedNamingItsLine()
    {
        await SchoolAndTermAsync();

        // 示例 in GB18030 is CA BE C0 FD; C0 can begin no UTF-8 sequence.
        var gbk = Encoding.ASCII.GetBytes("plan: P\nschool: ").Concat(new byte[] { 0xCA, 0xBE, 0xC0, 0xFD, (byte)'\n' }).ToArray();
        var problem = Assert.Single(await ProblemsAsync(await Admin.PostAsync(School + "/plans?fileName=gbk.yaml", Body(gbk, "text/plain"))));

        Assert.Equal(("gbk.yaml", 2), (problem.File, problem.Line));
        Assert.StartsWith("the text is not UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>(School + "/plans")).EnumerateArray());
    }

    [Fact]
    public async Task APlanInUtf8WithABom_OrUtf16WithABom_IsAccepted()
    {
        await SchoolAndTermAsync();

        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Plan)).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync(School + "/plans", Body(utf8, "text/plain"))).StatusCode);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Plan.Replace("埇桥", "埇桥区", StringComparison.Ordinal))).ToArray();
        var response = await Admin.PostAsync(School + "/plans", Body(utf16, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ABatchThatIsNotUtf8_IsRefused()
    {
        await SchoolAndTermAsync();
        var latin1 = Encoding.Latin1.GetBytes("""{"enrolments": [{"student_id": "S1", "name": "José", "class": "1", "weekdays": "12345"}]}""");

        var problem = Assert.Single(await ProblemsAsync(await Admin.PostAsync(Term + "/facts/batch", Body(latin1, "application/json"))));

        Assert.Equal(("the request body", 1), (problem.File, problem.Line));
        Assert.StartsWith("the text is not UTF-8: the byte 0xE9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchWithAnAmountPastTheMaximum_OrAControlCharacter_IsRefusedNamingTheField()
    {
        await SchoolAndTermAsync();
        const string batch = """
            {
              "enrolments": [{"student_id": "S1", "name": "李\u001b华", "class": "1", "weekdays": "12345"}],
              "payments": [{"payment_id": "P1", "student_id": "S1", "date": "2025-03-17", "amount": 79000000000000000000000000000}]
            }
            """;

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/batch", Json(batch)));

        Assert.Contains(problems, p => p.Line == 2 && p.Field.EndsWith("name", StringComparison.Ordinal) && p.Message.StartsWith("expected text without control characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Field.EndsWith("amount", StringComparison.Ordinal) && p.Message.StartsWith("expected an amount of at most 100,000,000 yuan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFloodOfBadRows_AnswersTheFirstThousandProblems_AndSaysItStopped()
    {
        await SchoolAndTermAsync();
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"S{i},2025-03-17,gone\n"));

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts", Service.Text("attendance.csv", "student_id,date,status\n" + rows)));

        Assert.Equal(1_001, problems.Count);
        Assert.Contains(problems, p => p.Message == "reading stopped after the first 1,000 problems; there may be more");
    }

    /// <summary>A workbook of one sheet "lessons" whose sheet XML is <paramref name="sheetXml"/>.</summary>
    private static MultipartFormDataContent Workbook(string sheetXml)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="lessons" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", sheetXml);
        }

        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "file", "facts.xlsx");
        return form;
    }

    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>lesson_id</t></is></c><c r="B1" t="inlineStr"><is><t>staff_id</t></is></c></row>""";

    private static string Sheet(string rows, string prolog = "") =>
        $"""<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{Header}{rows}</sheetData></worksheet>""";

    public static TheoryData<string, int, string> MalformedSheets => new()
    {
        { Sheet("""<row r="2"><c r="XFE2" t="inlineStr"><is><t>x</t></is></c></row>"""), 2, "the cell reference 'XFE2' is not a column A to XFD" },
        { Sheet("""<row r="2"><c r="ZZZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>"""), 2, "the cell reference 'ZZZZZZZZZZZZ2' is not a column A to XFD" },
        { Sheet("""<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</c></row>"""), 3, "the sheet's XML cannot be read" },
        { Sheet("", """<!DOCTYPE worksheet [<!ENTITY x "y">]>"""), 0, "the sheet's XML cannot be read" },
    };

    [Theory]
    [MemberData(nameof(MalformedSheets))]
    public async Task AMalformedWorkbook_IsABadInputNamingTheSheetAndRow(string sheetXml, int row, string message)
    {
        await SchoolAndTermAsync();

        var problem = Assert.Single(await ProblemsAsync(await Admin.PostAsync(Term + "/facts/workbook", Workbook(sheetXml))));

        Assert.Equal(("facts.xlsx/lessons", row), (problem.File, problem.Line));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkbookNumberOf1e300_IsABadInputNamingItsCell()
    {
        await SchoolAndTermAsync();
        var sheet = Sheet("""<row r="2"><c r="A2" t="inlineStr"><is><t>L1</t></is></c><c r="B2"><v>1E+300</v></c></row>""");

        var problems = await ProblemsAsync(await Admin.PostAsync(Term + "/facts/workbook", Workbook(sheet)));

        Assert.Contains(problems, p => p.File == "facts.xlsx/lessons" && p.Line == 2 && p.Message == "the number '1E+300' is larger than any value a fact may hold");
    }

    [Fact]
    public async Task TheSameSchoolOrTermCreatedAtOnce_IsCreatedOnce_AndEveryOtherRequestIs409()
    {
        // Requests sent together pass the existence check together; the unique key refuses all but one insert.
        for (var round = 0; round < 5; round++)
        {
            var school = $"race-{round}";
            var schools = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Admin.PostAsync("/api/schools", Json($$"""{"id": "{{school}}", "name": "S"}"""))));
            Assert.Equal(1, schools.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.All(schools.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var refused in schools.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.Equal("school-exists", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }

            var terms = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Admin.PostAsync($"/api/schools/{school}/terms", Json("""{"termId": "t", "start": "2025-03-17", "end": "2025-04-11"}"""))));
            Assert.Equal(1, terms.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.All(terms.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var refused in terms.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.Equal("term-exists", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }
        }
    }
}
