using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compensation.Api.Tests;

public sealed class UploadLimitTests : IDisposable
{
    private readonly Service _service = new(settings: new Dictionary<string, string> { ["Limits:MaxUploadBytes"] = "1000" });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task AnUploadAboveTheLimit_IsRefusedBeforeItIsRead_AndNothingChanges()
    {
        var admin = _service.As(Service.AdminKey);
        await admin.PostAsJsonAsync("/api/schools", new { id = "s1", name = "S" });
        await admin.PostAsJsonAsync("/api/schools/s1/terms", new { termId = "t", start = "2025-03-17", end = "2025-04-11" });
        var lessons = Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts", "lessons.csv");
        Assert.True(new FileInfo(lessons).Length > 1000, "the sample file must be larger than the test's limit");

        var response = await admin.PostAsync("/api/schools/s1/terms/t/facts", Service.Files("yongqiao-002-s1", "lessons.csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("upload-too-large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/t/imports")).GetArrayLength());
    }
}
