using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compensation.Api.Tests;

/// <summary>
/// The service as its own process with COMPENSATION_FONT_DIR naming an empty folder (the variable is the
/// process's, so it cannot be set for one in-process test): every PDF route answers a problem with a
/// stable code and the message that says how to install the font; the workbook, which needs no font, is served.
/// </summary>
public sealed class FontMissingTests : IDisposable
{
    private const string Run = "/api/schools/demo/terms/2025-spring-sample/settlements/1";
    private readonly string _folder = Directory.CreateTempSubdirectory("compensation-fonts-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task WithoutTheFont_EveryPdfRoute_Answers503FontMissing_WithHowToInstallIt()
    {
        var fonts = Directory.CreateDirectory(Path.Combine(_folder, "no-fonts")).FullName;
        using var service = await ServiceProcess.StartAsync(_folder, null, new Dictionary<string, string> { ["COMPENSATION_FONT_DIR"] = fonts }, demo: true);
        foreach (var route in new[]
                 {
                     Run + "/documents/notice.pdf", Run + "/documents/staff/T01.pdf", Run + "/documents/families/S06.pdf",
                     "/api/published/schools/demo/terms/2025-spring-sample/notice.pdf",
                 })
        {
            var response = await service.Client.GetAsync(route);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("font-missing", 503), (problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
            var title = problem.GetProperty("title").GetString()!;
            Assert.StartsWith("The PDF reports need the font LXGW WenKai", title, StringComparison.Ordinal);
            Assert.Contains("apt-get install fonts-lxgw-wenkai", title, StringComparison.Ordinal);
            Assert.Contains(fonts, title, StringComparison.Ordinal);
        }

        // Not found is still not found: the term and run are looked up before anything is rendered.
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync("/api/schools/demo/terms/2025-spring-sample/settlements/99/documents/notice.pdf")).StatusCode);
        var workbook = await service.Client.GetAsync(Run + "/documents/workbook.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
    }

    [Fact]
    public async Task TheFontFolder_IsASettingOfTheService()
    {
        var fonts = Directory.CreateDirectory(Path.Combine(_folder, "configured")).FullName;
        using var service = new Service(demo: true, settings: new Dictionary<string, string> { ["Reports:FontDirectory"] = fonts });

        var response = await service.As(Service.AdminKey).GetAsync(Run + "/documents/notice.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.Contains(fonts, title, StringComparison.Ordinal);
    }
}
