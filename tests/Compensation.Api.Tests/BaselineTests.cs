using System.Globalization;
using ClosedXML.Excel;
using Compensation.Testing;

namespace Compensation.Api.Tests;

/// <summary>
/// What the service serves, against the committed record under tests/baseline/: the OpenAPI document byte for byte,
/// and the facts template cell by cell (its bytes are not stable: the package it is saved in carries the time).
/// </summary>
public sealed class BaselineTests
{
    [Fact]
    public async Task TheOpenApiDocument_IsAsRecorded()
    {
        var failure = Baseline.Check("openapi.json", [new("/swagger/v1/swagger.json", await OpenApiSha256Async())]);
        Assert.True(failure is null, failure);
    }

    [Fact]
    public async Task TheFactsTemplatesCells_AreAsRecorded()
    {
        var failure = Baseline.Check("facts-template.json", TemplateCells(await TemplateAsync()));
        Assert.True(failure is null, failure);
    }

    [Fact]
    public async Task TheRecordedOutputs_AreTheSameFromASecondService()
    {
        Assert.Equal(await OpenApiSha256Async(), await OpenApiSha256Async());
        Assert.Equal(TemplateCells(await TemplateAsync()), TemplateCells(await TemplateAsync()));
    }

    private static async Task<string> OpenApiSha256Async()
    {
        using var service = new Service();
        return Baseline.Sha256(await service.As(null).GetByteArrayAsync("/swagger/v1/swagger.json"));
    }

    /// <summary>The template of the demo school's term (the 埇桥 sample), as an administrator downloads it.</summary>
    private static async Task<byte[]> TemplateAsync()
    {
        using var service = new Service(demo: true);
        return await service.As(Service.AdminKey).GetByteArrayAsync("/api/schools/demo/terms/2025-spring-sample/facts/template.xlsx");
    }

    /// <summary>The sheets in order, then every cell with contents as "sheet!A1" → "type: value", row by row.</summary>
    private static List<KeyValuePair<string, string>> TemplateCells(byte[] template)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var cells = new List<KeyValuePair<string, string>> { new("sheets", string.Join(", ", workbook.Worksheets.Select(w => w.Name))) };
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed().OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
            {
                var value = cell.DataType switch
                {
                    XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                    _ => cell.GetString(),
                };
                cells.Add(new($"{sheet.Name}!{cell.Address}", $"{cell.DataType}: {value}"));
            }
        }

        return cells;
    }
}
