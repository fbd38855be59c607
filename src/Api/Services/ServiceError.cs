using Compensation.Rules;

namespace Compensation.Api.Services;

/// <summary>A request the service refuses: an HTTP status, a stable code, a title, and the input problems if any.</summary>
public sealed class ServiceError(int status, string code, string title, IReadOnlyList<InputError>? errors = null) : Exception(title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<InputError> Errors { get; } = errors ?? [];

    public static ServiceError NotFound(string what) => new(404, "not-found", what + " was not found");

    public static ServiceError BadInput(string code, string title, IReadOnlyList<InputError> errors) => new(400, code, title, errors);
}
