namespace Compensation.Api.Services;

/// <summary>
/// Crash points for the crash-safety tests: when Testing:CrashAt names a point, the process dies
/// there at once (as if killed), e.g. between writing an import and committing it. Unset in normal use.
/// </summary>
public static class FaultPoints
{
    private static string? _crashAt;

    public static void Configure(string? crashAt) => _crashAt = string.IsNullOrWhiteSpace(crashAt) ? null : crashAt;

    public static void Hit(string point)
    {
        if (_crashAt == point)
        {
            Environment.FailFast("crash point reached: " + point);
        }
    }
}
