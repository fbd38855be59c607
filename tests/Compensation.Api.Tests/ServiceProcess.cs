using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compensation.Api.Tests;

/// <summary>compensation.dll (copied beside the tests) run with `dotnet`, on a free loopback port, with a SQLite file in <c>folder</c>.</summary>
internal sealed class ServiceProcess : IDisposable
{
    public const string Key = "cmp_crash_test_admin_key";

    private readonly Process _process;

    private ServiceProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>A client with the admin key.</summary>
    public HttpClient Client { get; }

    /// <param name="crashAt">A fault point where the process kills itself (Testing:CrashAt), or null.</param>
    /// <param name="environment">Environment variables of the process, beside the inherited ones.</param>
    /// <param name="demo">Whether the demo school (rules-samples/yongqiao-002-s1) is settled and finalised at start.</param>
    public static async Task<ServiceProcess> StartAsync(string folder, string? crashAt, IReadOnlyDictionary<string, string>? environment = null, bool demo = false)
    {
        var port = FreePort();
        var process = Launch(folder, port, crashAt, environment, demo);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/api/schools")).StatusCode == HttpStatusCode.OK)
                {
                    return new ServiceProcess(process, client);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the service did not start within 60 s");
    }

    /// <summary>Starts the service and waits for it to end by itself (at a crash point during start-up), for at most 60 s.</summary>
    public static bool RunsUntilItDies(string folder, string crashAt, bool demo)
    {
        using var process = Launch(folder, FreePort(), crashAt, null, demo);
        if (process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            return process.ExitCode != 0;
        }

        process.Kill(entireProcessTree: true);
        return false;
    }

    private static Process Launch(string folder, int port, string? crashAt, IReadOnlyDictionary<string, string>? environment, bool demo)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "compensation.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--Data:Sqlite", Path.Combine(folder, "crash.db"), "--Demo:Enabled", demo ? "true" : "false", "--Demo:Sample", Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1"), "--Auth:InitialAdminKey", Key })
        {
            start.ArgumentList.Add(a);
        }

        if (crashAt is not null)
        {
            start.ArgumentList.Add("--Testing:CrashAt");
            start.ArgumentList.Add(crashAt);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public bool WaitForExit() => _process.WaitForExit(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
