using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Compensation.Rules;
using FastEndpoints;

namespace Compensation.Api.Hosting;

/// <summary>
/// The bodies read as text (a plan, a JSON batch or correction) must be UTF-8, or UTF-16 with its byte order mark,
/// as CSV imports must: any other bytes would be read as U+FFFD and reach the public notice as such. A body that
/// is not is refused with 400 <c>bad-input</c> naming its line, before the endpoint reads it.
/// </summary>
public static class TextBodies
{
    private static readonly byte[] Utf16Le = [0xFF, 0xFE];
    private static readonly byte[] Utf16Be = [0xFE, 0xFF];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static void Use(WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType is { } type && typeof(IPlainTextRequest).IsAssignableFrom(type))
            {
                http.Request.EnableBuffering();
                using var copy = new MemoryStream();
                await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
                http.Request.Body.Position = 0;
                if (Problem(copy.GetBuffer().AsSpan(0, checked((int)copy.Length))) is { } problem)
                {
                    var file = http.Request.Query["fileName"].ToString() is { Length: > 0 } name ? Path.GetFileName(name) : "the request body";
                    await Features.Problems.WriteAsync(http, 400, ErrorResponses.BadInput, "the input has problems; nothing was changed",
                        [new InputError(file, problem.Line, "", problem.Message)]);
                    return;
                }
            }

            await next(http);
        });

    /// <summary>Null for text in UTF-8 (with or without its BOM) or UTF-16 with a BOM; otherwise where it stops being that.</summary>
    public static (int Line, string Message)? Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf16Le) || bytes.StartsWith(Utf16Be))
        {
            var encoding = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true);
            try
            {
                _ = encoding.GetCharCount(bytes[2..]);
                return null;
            }
            catch (DecoderFallbackException)
            {
                return (0, "the text has a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8");
            }
        }

        var text = bytes.StartsWith(Utf8Bom) ? bytes[3..] : bytes;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            if (Utf8.ToUtf16(text, chars, out var read, out _, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return null;
            }

            var line = text[..read].Count((byte)'\n') + 1;
            return (line, $"the text is not UTF-8: the byte 0x{text[read]:X2} on this line cannot be read; save the file as UTF-8");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
