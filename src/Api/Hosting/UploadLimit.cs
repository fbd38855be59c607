namespace Compensation.Api.Hosting;

/// <summary>
/// Uploads larger than the limit (Limits:MaxUploadBytes) are refused with 413 <c>upload-too-large</c>: at once
/// when the Content-Length says so, and when a body sent without one (chunked) grows past the limit, as soon as
/// it does, whatever reads it (a form, JSON, a policy file). Nothing is changed either way.
/// </summary>
public static class UploadLimit
{
    public static void Use(WebApplication app, long maxUpload) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > maxUpload)
            {
                await Features.Problems.WriteAsync(http, 413, ErrorResponses.UploadTooLarge,
                    $"the request body of {http.Request.ContentLength} bytes is larger than the limit of {maxUpload} bytes; nothing was read or changed", []);
                return;
            }

            if (http.Request.ContentLength is null)
            {
                http.Request.Body = new LimitedStream(http.Request.Body, maxUpload);
            }

            await next(http);
        });

    /// <summary>A request body that fails as Kestrel does past its limit (BadHttpRequestException, 413) once more than the limit is read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"the request body is larger than the limit of {limit} bytes", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
