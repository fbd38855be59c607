namespace Compensation.Api.Hosting;

/// <summary>A setting the service cannot start with; the program prints its message as one line and exits 1.</summary>
public sealed class StartupProblem(string message) : Exception(message);
