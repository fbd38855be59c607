using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compensation.Api.Features;
using Compensation.Rules;
using FastEndpoints;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;

namespace Compensation.Api.Hosting;

/// <summary>
/// Every error the service answers is application/problem+json with a stable code (<see cref="Problems"/>), also
/// those it does not raise itself: a request FastEndpoints cannot bind (bad JSON, a value of the wrong type in
/// the body, route or query string: 400 <c>bad-input</c>, each problem with its field), a body of a type the
/// route does not accept (415), a route or method that does not exist (404, 405), an upload over the limit
/// however it is sent (413 <c>upload-too-large</c>) and an unexpected failure (500 <c>internal-error</c>, with
/// the request id and without the exception's details, which go to the log).
/// </summary>
public static partial class ErrorResponses
{
    public const string BadInput = "bad-input";
    public const string UploadTooLarge = "upload-too-large";
    public const string InternalError = "internal-error";

    /// <summary>Binding failures of FastEndpoints as the service's own bad-input problems.</summary>
    public static void Configure(Config c)
    {
        c.Errors.ContentType = "application/problem+json";
        c.Errors.ProducesMetadataType = typeof(Problem);
        c.Errors.ResponseBuilder = (failures, http, status) => Problems.Create(http, status, BadInput, "the request could not be read; nothing was changed",
            [.. failures.Select(f => new InputError("", f.CustomState is int line ? line : 0, FieldName(f.PropertyName), f.ErrorMessage))]);
        c.Binding.FailureMessage = (type, _, value) => $"'{value}' is not {Describe(type)}";
        // A form that cannot be read is bad input, but one read past the upload limit (UploadLimit) is a 413 and
        // anything else a fault: those go on to the exception handler.
        c.Binding.FormExceptionTransformer = e =>
        {
            if (e is BadHttpRequestException { StatusCode: 413 } or not (IOException or InvalidDataException))
            {
                ExceptionDispatchInfo.Throw(e);
            }

            return new ValidationFailure("", "the multipart form data cannot be read: " + e.Message.Trim());
        };
        c.Binding.JsonExceptionTransformer = e => new ValidationFailure(e.Path is null or "$" ? "" : e.Path[2..], JsonMessage(e))
        {
            CustomState = e.LineNumber is { } line ? (int)line + 1 : 0,
        };
    }

    /// <summary>The outermost middleware: unexpected failures and bodiless error statuses as problems.</summary>
    public static void Use(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteExceptionAsync,
            // The handler logs a failure itself, with the request id the answer names (LogFailure).
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = c => WriteStatusAsync(c.HttpContext) });
    }

    private static Task WriteExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not BadHttpRequestException)
        {
            LogFailure(http, error);
        }

        return error switch
        {
            BadHttpRequestException { StatusCode: 413 } => Problems.WriteAsync(http, 413, UploadTooLarge, "the request body is larger than the limit; nothing was changed", []),
            BadHttpRequestException b => Problems.WriteAsync(http, b.StatusCode, "bad-request", "the request could not be read; nothing was changed", []),
            _ => Problems.WriteAsync(http, 500, InternalError, "the service failed to answer this request; the request id identifies it in the service's log", []),
        };
    }

    /// <summary>The exception in the service's log with the request id the 500 answer and the audit log carry.</summary>
    private static void LogFailure(HttpContext http, Exception? error) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Compensation.Api.Failures").LogError(error,
            "Request {RequestId} ({Method} {Path}) failed: 500 internal-error", http.TraceIdentifier, http.Request.Method, http.Request.Path.Value);

    private static Task WriteStatusAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var (code, title) = status switch
        {
            404 => ("not-found", "there is no such route"),
            405 => ("method-not-allowed", $"the route does not take {http.Request.Method}"),
            413 => (UploadTooLarge, "the request body is larger than the limit; nothing was changed"),
            415 => ("unsupported-media-type", $"the route does not take a body of type '{http.Request.ContentType}'; see its request body in the OpenAPI document"),
            500 => (InternalError, "the service failed to answer this request; the request id identifies it in the service's log"),
            _ => ("http-" + status, "the request was refused"),
        };
        return Problems.WriteAsync(http, status, code, title, []);
    }

    /// <summary>The field a failure names; FastEndpoints' names for the body as a whole are none.</summary>
    private static string FieldName(string name) =>
        name.Equals("SerializerErrors", StringComparison.OrdinalIgnoreCase) || name.Equals("GeneralErrors", StringComparison.OrdinalIgnoreCase) ? "" : name;

    /// <summary>What the serializer said, without its position (the problem has the line) or the service's type names.</summary>
    private static string JsonMessage(JsonException e)
    {
        var message = Position().Replace(e.InnerException?.Message ?? e.Message, "").Trim();
        return TypeName().Replace(message, m => Describe(Type.GetType(m.Value)));
    }

    private static string Describe(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(DateOnly) => "a date (yyyy-MM-dd)",
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "an instant (ISO 8601)",
        var t when t == typeof(string) => "a string",
        _ => "a value of the expected kind",
    };

    [GeneratedRegex(@"\s*(Path: [^|]*\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex Position();

    [GeneratedRegex(@"\b(System|Compensation)\.[A-Za-z0-9_.`\[\]]+[A-Za-z0-9_\]]")]
    private static partial Regex TypeName();
}
