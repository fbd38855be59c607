using ClosedXML.Excel;
using Compensation.Reports.Excel;
using Compensation.Reports.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Compensation.Reports.Tests;

/// <summary>
/// The rows of 家庭 and 说明 are streamed into the package after ClosedXML has saved it: the package stays valid Open XML,
/// and streamed cells read back exactly as cells that ClosedXML wrote itself (text, numbers, formats, escapes).
/// </summary>
public sealed class WorkbookStreamingTests
{
    private static readonly DateTime Date = new(2025, 4, 11, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void TheWorkbook_IsValidOpenXml(string name)
    {
        var s = Samples.Get(name);
        AssertValid(AccountantWorkbook.Build(s.Settlement, s.Policy));
    }

    [Fact]
    public void TheWorkbookOfAGeneratedTerm_IsValidOpenXml()
    {
        AssertValid(AccountantWorkbook.Build(GeneratedTerm.Settlement, GeneratedTerm.Policy));
    }

    [Fact]
    public void StreamedFamilyRows_KeepTheirTypesAndFormats()
    {
        var settlement = GeneratedTerm.Settlement;
        using var wb = new XLWorkbook(new MemoryStream(AccountantWorkbook.Build(settlement, GeneratedTerm.Policy)));
        var sheet = wb.Worksheet("家庭");
        for (var i = 0; i < settlement.Families.Count; i++)
        {
            var f = settlement.Families[i];
            var row = sheet.Row(i + 2);
            Assert.Equal(XLDataType.Text, row.Cell(1).DataType);
            Assert.Equal(f.StudentId, row.Cell(1).GetString());
            Assert.Equal(f.Name, row.Cell(2).GetString());
            Assert.Equal(XLDataType.Number, row.Cell(6).DataType);
            Assert.Equal(f.DaysAttended, (int)row.Cell(6).GetDouble());
            Assert.Equal("0", row.Cell(6).Style.NumberFormat.Format);
            foreach (var (column, amount) in new[] { (7, f.Charged), (11, f.Payable), (12, f.Refunded), (15, f.Balance) })
            {
                Assert.Equal(XLDataType.Number, row.Cell(column).DataType);
                Assert.Equal(amount.Yuan, decimal.Round((decimal)row.Cell(column).GetDouble(), 2));
                Assert.Equal("#,##0.00", row.Cell(column).Style.NumberFormat.Format);
                Assert.False(row.Cell(column).Style.Font.Bold);
            }
        }

        var explanations = wb.Worksheet("说明");
        Assert.Equal(settlement.Explanations.Count + 1, explanations.LastRowUsed().RowNumber());
        Assert.All(explanations.Column(1).CellsUsed().Skip(1), c => Assert.Equal(XLDataType.Text, c.DataType));
    }

    /// <summary>The same rows written by ClosedXML on one sheet and streamed on another read back the same.</summary>
    [Fact]
    public void StreamedCells_ReadBackAsClosedXmlsOwn()
    {
        SheetColumn[] columns = [new("文字", 20), new("金额", 12, CellKind.Money), new("天数", 8, CellKind.Integer), new("比例", 8, CellKind.Number), new("备注", 30)];
        List<object?[]> rows =
        [
            ["first", 1234.5m, 3, 12.5m, "the row that gives the styles"],
            ["a & b < c > d \"quoted\" 'single'", -0.01m, 0, 0m, null],
            [" leading and trailing ", 0m, -7, 100m, ""],
            ["line 1\r\nline 2\nline 3\rend", 12_345_678_901.23m, int.MaxValue, 0.0001m, "\ttab"],
            ["\u0001 control \u001F characters", 350.00m, 90, 33.333m, "_X0041_ and _x00_ are no escapes"],
            ["emoji 😀 and 中文（全角）", 1m, 1, 1m, new string('长', 40_000)],
            ["2025-03", 0.10m, 5, -2.5m, "0012"],
        ];

        using var wb = new XLWorkbook();
        var plain = new SheetWriter(wb, "plain", columns);
        foreach (var row in rows)
        {
            plain.Write(row);
        }

        var sheet = new SheetWriter(wb, "streamed", columns);
        var first = sheet.Write(rows[0]);
        var streamed = new StreamedSheet("streamed", columns, sheet.Skip(rows.Count - 1), rows.Count - 1, rows.Skip(1), styleRow: first);
        // 1234.5 − 0.01 + 0 + 12,345,678,901.23 + 350 + 1 + 0.10 = 12,345,680,486.82
        sheet.TotalRow("合计", first, [(2, 12_345_680_486.82m)]);
        plain.TotalRow("合计", 2, [(2, 12_345_680_486.82m)]);
        using var saved = new MemoryStream();
        wb.SaveAs(saved);
        var package = WorkbookDeterminism.Normalize(saved.ToArray(), Date, [streamed], [plain.Values, sheet.Values]);
        AssertValid(package);

        using var back = new XLWorkbook(new MemoryStream(package));
        var expected = back.Worksheet("plain");
        var actual = back.Worksheet("streamed");
        Assert.Equal(expected.LastRowUsed().RowNumber(), actual.LastRowUsed().RowNumber());
        for (var r = 1; r <= rows.Count + 2; r++)
        {
            for (var c = 1; c <= columns.Length; c++)
            {
                var (e, a) = (expected.Cell(r, c), actual.Cell(r, c));
                var where = $"row {r} column {c}";
                Assert.True(e.GetString() == a.GetString(), $"{where}: {a.GetString()} instead of {e.GetString()}");
                Assert.True(e.DataType == a.DataType, $"{where}: {a.DataType} instead of {e.DataType}");
                Assert.True(e.IsEmpty() == a.IsEmpty(), $"{where}: empty {a.IsEmpty()}");
                Assert.True(e.Style.NumberFormat.Format == a.Style.NumberFormat.Format, $"{where}: format {a.Style.NumberFormat.Format} instead of {e.Style.NumberFormat.Format}");
                Assert.True(e.Style.Font.Bold == a.Style.Font.Bold, $"{where}: bold {a.Style.Font.Bold}");
                if (e.DataType == XLDataType.Number)
                {
                    Assert.Equal(e.GetDouble(), a.GetDouble());
                }
            }
        }

        Assert.Equal("SUM(B2:B8)", actual.Cell(rows.Count + 2, 2).FormulaA1);
        Assert.Equal(rows.Sum(r => (decimal)r[1]!), decimal.Round(Convert.ToDecimal(actual.Cell(rows.Count + 2, 2).Value, System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.Equal("line 1\nline 2\nline 3\nend", actual.Cell(5, 1).GetString());
        Assert.Equal("emoji 😀 and 中文（全角）", actual.Cell(7, 1).GetString());
        Assert.Equal(" leading and trailing ", actual.Cell(4, 1).GetString());
        Assert.Equal("\u0001 control \u001F characters", actual.Cell(6, 1).GetString());
        Assert.Equal("_X0041_ and _x00_ are no escapes", actual.Cell(6, 5).GetString());
        Assert.Equal(32_767, actual.Cell(7, 5).GetString().Length);
        Assert.Equal(XLDataType.Text, actual.Cell(8, 1).DataType);
        Assert.Equal("0012", actual.Cell(8, 5).GetString());
    }

    /// <summary>
    /// Text that XML cannot hold, and text that looks like such an escape, is escaped as ClosedXML escapes its shared strings
    /// (ClosedXML's reading of a protected literal _x0041_ is not faithful, so the written text is compared). A character
    /// outside the BMP is the one exception: ClosedXML 0.95 writes its two surrogates as escapes, the stream writes the
    /// character itself; both read back as the character (see the emoji above).
    /// </summary>
    [Fact]
    public void TheEscapes_AreClosedXmls()
    {
        string[] texts = ["plain 中文", "\u0001 ctl \u001F", "_x0041_ literal", "_x005F_x0041_ twice", "_X0041_ upper", "_x00_ short", "lone \uD800 surrogate", "\uFFFE", "end _x0041_"];
        using var wb = new XLWorkbook();
        var sheet = wb.Worksheets.Add("s");
        for (var i = 0; i < texts.Length; i++)
        {
            sheet.Cell(i + 1, 1).SetValue(texts[i]);
        }

        using var saved = new MemoryStream();
        wb.SaveAs(saved);
        using var document = SpreadsheetDocument.Open(saved, isEditable: false);
        var written = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>()
            .Select(item => item.Text!.Text).ToList();
        Assert.Equal(written, texts.Select(StreamedSheet.Encode));
    }

    [Fact]
    public void StreamingFewerRowsThanAnnounced_Fails()
    {
        SheetColumn[] columns = [new("文字", 20)];
        using var wb = new XLWorkbook();
        var sheet = new SheetWriter(wb, "streamed", columns);
        var streamed = new StreamedSheet("streamed", columns, sheet.Skip(3), 3, [["one"], ["two"]]);
        using var saved = new MemoryStream();
        wb.SaveAs(saved);
        Assert.Throws<InvalidOperationException>(() => WorkbookDeterminism.Normalize(saved.ToArray(), Date, [streamed], [sheet.Values]));
    }

    [Fact]
    public void ThePipe_HandsOnEveryByteInOrder_AndTheWritersFailure()
    {
        var bytes = new byte[1_000_003];
        new Random(7).NextBytes(bytes);
        using var target = new MemoryStream();
        PartPipe.Copy(
            part =>
            {
                for (var at = 0; at < bytes.Length;)
                {
                    var n = Math.Min(bytes.Length - at, 1 + (at % 70_001));
                    part.Write(bytes, at, n);
                    at += n;
                }
            },
            target);
        Assert.Equal(bytes, target.ToArray());

        var failure = Assert.Throws<FormatException>(() => PartPipe.Copy(
            part =>
            {
                part.Write(bytes, 0, 300_000);
                throw new FormatException("the writer fails");
            },
            new MemoryStream()));
        Assert.Equal("the writer fails", failure.Message);
    }

    private static void AssertValid(byte[] package)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(package), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }
}
