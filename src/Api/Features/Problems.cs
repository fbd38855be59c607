using System.Text.Json;
using Compensation.Api.Services;
using Compensation.Rules;

namespace Compensation.Api.Features;

/// <summary>An error body (application/problem+json): a stable code, a title, and for bad input every problem with its file, row, field and message.</summary>
public sealed record Problem(string Type, string Title, int Status, string Code, string RequestId, IReadOnlyList<ProblemItem> Errors);

public sealed record ProblemItem(string File, int Line, string Field, string Message);

public static class Problems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, ServiceError e) =>
        WriteAsync(http, e.Status, e.Code, e.Message, e.Errors);

    public static async Task WriteAsync(HttpContext http, int status, string code, string title, IReadOnlyList<InputError> errors)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(Create(http, status, code, title, errors), Json, "application/problem+json", http.RequestAborted);
    }

    /// <summary>The problem; past <see cref="InputLimits.MaxErrors"/> problems, the list ends with one saying how many more there are.</summary>
    public static Problem Create(HttpContext http, int status, string code, string title, IReadOnlyList<InputError> errors)
    {
        var listed = errors.Count <= InputLimits.MaxErrors ? errors : [.. errors.Take(InputLimits.MaxErrors), InputLimits.Truncated("", errors.Count - InputLimits.MaxErrors)];
        return new("https://compensation.invalid/errors/" + code, title, status, code, http.TraceIdentifier,
            [.. listed.Select(e => new ProblemItem(e.File, e.Line, e.Field, e.Message))]);
    }
}
