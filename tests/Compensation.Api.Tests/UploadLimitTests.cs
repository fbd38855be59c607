using System.Net;
using System.Net.Http.Json;
using System.Text;
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
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == "refused"
            && e.GetProperty("target").GetString() == "POST /api/schools/s1/terms/t/facts" && e.GetProperty("outcome").GetString() == "refused 413");
    }

    [Fact]
    public async Task AnUploadWithoutALength_IsRefusedOnceItPassesTheLimit_WhateverReadsIt()
    {
        var admin = _service.As(Service.AdminKey);
        await admin.PostAsJsonAsync("/api/schools", new { id = "s1", name = "S" });
        await admin.PostAsJsonAsync("/api/schools/s1/terms", new { termId = "t", start = "2025-03-17", end = "2025-04-11" });
        var large = new string('#', 3000);

        var uploads = new (string Route, HttpContent Body)[]
        {
            ("/api/schools/s1/terms/t/facts", Service.Files("yongqiao-002-s1", "lessons.csv")),
            ("/api/schools/s1/terms/t/facts/workbook", Service.Text("facts.xlsx", large)),
            ("/api/schools/s1/plans", new StringContent(large, Encoding.UTF8, "text/plain")),
            ("/api/schools/s1/terms/t/facts/batch", new StringContent("{\"attendance\": [], \"note\": \"" + large + "\"}", Encoding.UTF8, "application/json")),
        };
        foreach (var (route, body) in uploads)
        {
            var response = await admin.SendAsync(Chunked.Post(route, body));

            Assert.Equal((route, HttpStatusCode.RequestEntityTooLarge), (route, response.StatusCode));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("upload-too-large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/schools/s1/terms/t/imports")).GetArrayLength());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/schools/s1/plans")).GetArrayLength());

        // Under the limit, a body without a length is read as any other.
        var small = await admin.SendAsync(Chunked.Post("/api/schools/s1/plans", new StringContent("school: x\n", Encoding.UTF8, "text/plain")));
        Assert.Equal("bad-input", (await small.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    /// <summary>A body sent without a Content-Length (chunked), with the headers of the content it wraps.</summary>
    private sealed class Chunked : HttpContent
    {
        private readonly HttpContent _inner;

        private Chunked(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers.Where(h => h.Key != "Content-Length"))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        /// <summary>A POST of the body, chunked (without the header, the test server would buffer it and send its length).</summary>
        public static HttpRequestMessage Post(string route, HttpContent body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new Chunked(body) };
            request.Headers.TransferEncodingChunked = true;
            return request;
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
