using System.Diagnostics;

namespace Compensation.Api.Tests;

/// <summary>Starting the service with a database it cannot use ends with one line naming the server and what to do, never a stack trace.</summary>
public sealed class ServiceStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compensation-start-" + Guid.NewGuid().ToString("N"));

    public ServiceStartTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The service as a process (the program built beside the tests), with its exit code and stderr.</summary>
    private async Task<(int Code, string Error)> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compensation.dll"));
        start.ArgumentList.Add("serve");
        foreach (var arg in args.Concat(["--urls", "http://127.0.0.1:0", "--Demo:Enabled", "false"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await error);
    }

    [Fact]
    public async Task APostgresServerThatIsNotRunning_IsOneLineNamingItsHostAndWhatToDo()
    {
        // Port 1 on loopback: nothing listens there.
        var (code, error) = await StartAsync("--Data:Provider", "postgres", "--ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=compensation;Username=postgres;Password=postgres");

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("the PostgreSQL server at 127.0.0.1:1 cannot be reached", line, StringComparison.Ordinal);
        Assert.Contains("bash scripts/main.sh --postgres", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresWithoutAConnectionString_IsOneLineSayingWhatToGive()
    {
        var (code, error) = await StartAsync("--Data:Provider", "postgres");

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Data:Provider is postgres but ConnectionStrings:Postgres is not set", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACacheSizeLimitThatIsNotAPositiveWholeNumber_IsOneLineNamingTheSetting()
    {
        foreach (var value in new[] { "0", "-5", "half a gigabyte" })
        {
            var (code, error) = await StartAsync("--Caches:SizeLimit", value);

            Assert.Equal(1, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"Caches:SizeLimit is '{value}': give the most the service may keep in memory as a whole number of bytes above 0", line, StringComparison.Ordinal);
        }
    }
}
