using System.IO.Compression;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Compensation.Api.Services;

/// <summary>Settlement outputs as stored (gzip) and as read (the JSON's bytes, whose SHA-256 is the run's OutputSha256).</summary>
public static class StoredOutputs
{
    public static SettlementOutput Of(long runId, byte[] json)
    {
        using var compressed = new MemoryStream(json.Length / 16);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new SettlementOutput { RunId = runId, Content = compressed.ToArray(), ContentEncoding = SettlementOutput.Gzip };
    }

    public static async Task<SettlementOutput> LoadAsync(AppDb db, long runId, CancellationToken ct) =>
        await db.Outputs.AsNoTracking().SingleOrDefaultAsync(o => o.RunId == runId, ct)
            ?? throw new InvalidOperationException($"settlement {runId} has no saved output");

    public static async Task<byte[]> JsonAsync(AppDb db, long runId, CancellationToken ct) => Json(await LoadAsync(db, runId, ct));

    public static byte[] Json(SettlementOutput output)
    {
        switch (output.ContentEncoding)
        {
            case SettlementOutput.Identity:
                return output.Content;
            case SettlementOutput.Gzip:
                using (var gzip = new GZipStream(new MemoryStream(output.Content), CompressionMode.Decompress))
                using (var json = new MemoryStream(output.Content.Length * 20))
                {
                    gzip.CopyTo(json);
                    return json.ToArray();
                }

            default:
                throw new InvalidOperationException($"settlement {output.RunId} is stored as '{output.ContentEncoding}', which this version cannot read");
        }
    }

    /// <summary>Sends the JSON: as stored (Content-Encoding: gzip) to a client that accepts gzip, decoded to any other.</summary>
    public static async Task SendAsync(HttpContext http, SettlementOutput output, CancellationToken ct)
    {
        var response = http.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        var body = output.Content;
        if (output.ContentEncoding == SettlementOutput.Gzip && AcceptsGzip(http.Request))
        {
            response.Headers.ContentEncoding = SettlementOutput.Gzip;
        }
        else
        {
            body = Json(output);
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals(SettlementOutput.Gzip, StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}
