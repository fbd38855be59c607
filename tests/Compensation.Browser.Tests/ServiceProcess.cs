using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compensation.Browser.Tests;

/// <summary>
/// The real service as a separate process: src/Api's compensation.dll of the same build configuration
/// as these tests (built first through the project reference; built here if it is missing), started
/// with `dotnet compensation.dll serve` on a free loopback port, a fresh SQLite file in a temporary
/// folder, a known first admin key and the demo school (rules-samples/yongqiao-002-s1, settled and
/// finalised at start). Every wait is bounded; Dispose kills the process tree.
/// </summary>
public sealed partial class ServiceProcess : IAsyncLifetime
{
    public const string AdminKey = "cmp_browser_admin_key_0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compensation-browser-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string SchoolId { get; private set; } = "";

    public string TermId { get; private set; } = "";

    public long RunId { get; private set; }

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var dll = await FindOrBuildServiceAsync();
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, "serve", "--urls", BaseUrl.ToString().TrimEnd('/'),
                     "--Data:Provider", "sqlite", "--Data:Sqlite", Path.Combine(_folder, "compensation.db"),
                     "--Demo:Enabled", "true", "--Demo:Sample", Path.Combine(Root, "rules-samples", "yongqiao-002-s1"),
                     "--Auth:InitialAdminKey", AdminKey,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>A client of the service; with a key in X-Api-Key; never follows redirects (the tests look at them).</summary>
    public HttpClient Client(string? key = null, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A new API key made with the admin key.</summary>
    public async Task<string> CreateKeyAsync(string role, string? schoolId)
    {
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("api/keys", new { name = $"{role} ({schoolId ?? "all"}) browser test", role, schoolId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a {role} key: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            var demo = _output.Select(l => DemoSettlement().Match(l)).FirstOrDefault(m => m.Success);
            if (demo is not null)
            {
                try
                {
                    using var response = await client.GetAsync("published");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        (SchoolId, TermId, RunId) = (demo.Groups["school"].Value, demo.Groups["term"].Value, long.Parse(demo.Groups["run"].Value, System.Globalization.CultureInfo.InvariantCulture));
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
            }

            await Task.Delay(250);
        }

        Stop();
        throw new TimeoutException($"the service was not ready within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _process = null;
    }

    private static async Task<string> FindOrBuildServiceAsync()
    {
        var project = Path.Combine(Root, "src", "Api", "Compensation.Api.csproj");
        var dll = Path.Combine(Root, "src", "Api", "bin", Configuration, "net10.0", "compensation.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        var build = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", project, "-c", Configuration, "-nologo", "-v", "quiet" })
        {
            build.ArgumentList.Add(arg);
        }

        using var process = Process.Start(build)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"building {project} took longer than {BuildTimeout.TotalMinutes} minutes");
        }

        if (process.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"building {project} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return dll;
    }

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Compensation.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"demo settlement:\s+\S+/api/schools/(?<school>[^/\s]+)/terms/(?<term>[^/\s]+)/settlements/(?<run>\d+)")]
    private static partial Regex DemoSettlement();
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceProcess>
{
    public const string Name = "the service as a process";
}
