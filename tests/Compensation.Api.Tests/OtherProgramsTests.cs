using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Compensation.Api.Services;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Compensation.Api.Tests;

/// <summary>
/// The service with the programs schools and parents use: a facts template filled by openpyxl and saved again
/// by LibreOffice, and downloads named so that every browser keeps the name and a phone opens the PDFs.
/// On the demo school (the 埇桥 sample, finalised at start).
/// </summary>
public sealed class OtherProgramsTests : IDisposable
{
    private const string Term = "/api/schools/demo/terms/2025-spring-sample";
    private const string Settlement = Term + "/settlements/1";
    private readonly Service _service = new(demo: true);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "compensation-programs-" + Guid.NewGuid().ToString("N"));

    public OtherProgramsTests() => Directory.CreateDirectory(_scratch);

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    private HttpClient Admin => _service.As(Service.AdminKey);

    [Fact]
    public async Task ATemplateFilledByOpenpyxl_AndSavedByLibreOffice_ImportsAndSettlesLikeTheCsvFiles()
    {
        var template = Path.Combine(_scratch, "template.xlsx");
        await File.WriteAllBytesAsync(template, await Admin.GetByteArrayAsync(Term + "/facts/template.xlsx"));
        var filled = Path.Combine(_scratch, "filled.xlsx");
        Execute(Tool.Python, Path.Combine(Service.Root, "tests", "Compensation.Api.Tests", "Tools", "fill-template.py"),
            template, Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts"), filled);

        // LibreOffice writes the yes/no cells of the text-formatted column as formulas with numbers: <f>FALSE()</f><v>0</v>.
        var converted = Path.Combine(_scratch, "converted");
        Execute("soffice", $"-env:UserInstallation=file://{Path.Combine(_scratch, "profile")}", "--headless", "--convert-to", "xlsx", "--outdir", converted, filled);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(converted, "filled.xlsx"));

        var settled = await Admin.GetFromJsonAsync<JsonElement>(Settlement); // settled from the sample's CSV files
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(FactsWorkbook.ContentType);
        form.Add(part, "file", "facts.xlsx");
        var response = await Admin.PostAsync(Term + "/facts/workbook", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var preview = await (await Admin.PostAsync(Term + "/settlements/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var section in new[] { "families", "staff", "ledger", "findings" })
        {
            Assert.Equal(settled.GetProperty(section).GetRawText(), preview.GetProperty(section).GetRawText());
        }

        // T02: 12 × 25.00 − (25.00 no-show + 25.00 late) = 250.00 (rules-samples/yongqiao-002-s1/README.md).
        Assert.Equal(250.00m, preview.GetProperty("staff").EnumerateArray().Single(s => s.GetProperty("staffId").GetString() == "T02").GetProperty("net").GetDecimal());
    }

    [Fact]
    public async Task Downloads_NameTheirFileInUtf8_PdfsToShowAndWorkbooksToSave()
    {
        var admin = Admin;
        var key = (await (await admin.PostAsJsonAsync("/api/keys", new { name = "家委会", role = "committee", schoolId = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var expected = new (HttpClient Client, string Path, string Header)[]
        {
            (admin, Settlement + "/documents/notice.pdf", "inline; filename=\"notice-2025-spring-sample.pdf\"; filename*=UTF-8''notice-2025-spring-sample.pdf"),
            (admin, Settlement + "/documents/staff/T01.pdf", "inline; filename=\"staff-T01.pdf\"; filename*=UTF-8''staff-T01.pdf"),
            (admin, Settlement + "/documents/families/S06.pdf", "inline; filename=\"family-S06.pdf\"; filename*=UTF-8''family-S06.pdf"),
            (_service.As(key), "/api/published/schools/demo/terms/2025-spring-sample/notice.pdf", "inline; filename=\"notice-2025-spring-sample.pdf\"; filename*=UTF-8''notice-2025-spring-sample.pdf"),
            (admin, Settlement + "/documents/workbook.xlsx", "attachment; filename=\"settlement-2025-spring-sample-1.xlsx\"; filename*=UTF-8''settlement-2025-spring-sample-1.xlsx"),
            (admin, Term + "/facts/template.xlsx", "attachment; filename=\"facts-2025-spring-sample.xlsx\"; filename*=UTF-8''facts-2025-spring-sample.xlsx"),
        };
        foreach (var (client, path, header) in expected)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(header, response.Content.Headers.NonValidated["Content-Disposition"].ToString());
        }
    }

    [Fact]
    public void AChineseName_IsPercentEncodedInUtf8_WithAnAsciiFallback()
    {
        // 结 U+7ED3 = E7 BB 93, 算 U+7B97 = E7 AE 97, 春 U+6625 = E6 98 A5; a space is %20, a quote %22 (and "_" in the fallback).
        Assert.Equal("attachment; filename=\"__-2025_ _.xlsx\"; filename*=UTF-8''%E7%BB%93%E7%AE%97-2025%E6%98%A5%20%22.xlsx",
            ContentDispositions.Attachment("结算-2025春 \".xlsx"));
        Assert.Equal("inline; filename=\"staff-T01.pdf\"; filename*=UTF-8''staff-T01.pdf", ContentDispositions.Inline("staff-T01.pdf"));
    }

    [Fact]
    public void LibreOfficesBooleanFormulas_AreReadAsTrueAndFalse_OtherFormulasAsTheirValues()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            var part = book.AddNewPart<WorksheetPart>();
            static Cell Formula(string at, string formula, string value) =>
                new() { CellReference = at, DataType = CellValues.Number, CellFormula = new CellFormula(formula), CellValue = new CellValue(value) };
            part.Worksheet = new Worksheet(new SheetData(new Row(
                Formula("A1", "TRUE()", "1"), Formula("B1", "FALSE()", "0"), Formula("C1", "1+1", "2"), Formula("D1", "true()", "1")) { RowIndex = 1 }));
            book.Workbook = new Workbook(new Sheets(new Sheet { Name = "教职工", SheetId = 1, Id = book.GetIdOfPart(part) }));
        }

        var cells = XlsxCells.Read(stream.ToArray()).Single().Rows.Single().Cells;
        Assert.Equal(["true", "false", "2", "true"], cells.Select(c => c.Text));
        Assert.All(cells, c => Assert.Null(c.Problem));
    }

    private static class Tool
    {
        /// <summary>Debian's Python, which python3-openpyxl is installed for (a python3 earlier on the PATH, such as pyenv's, lacks it).</summary>
        public const string Python = "/usr/bin/python3";
    }

    private static void Execute(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start: run scripts/setup.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{program} did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{errors.Result}");
    }
}
