using System.Diagnostics;
using System.Text;

namespace Compensation.Reports.Tests.Support;

/// <summary>
/// The programs other people open our documents with (Ghostscript, qpdf, pdftotext, openpyxl, LibreOffice),
/// run as they are installed by scripts/setup.sh. A missing program fails the test, naming the package.
/// </summary>
public static class Tools
{
    /// <summary>Debian's Python, which python3-openpyxl is installed for (a python3 earlier on the PATH, such as pyenv's, lacks it).</summary>
    public const string Python = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Result Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}): run scripts/setup.sh", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 3 minutes");
            }

            return new Result(process.ExitCode, output.Result, errors.Result);
        }
    }

    /// <summary>Runs <paramref name="program"/> and fails the test, with what it said, unless it exits with 0.</summary>
    public static Result Succeed(string program, params string[] arguments)
    {
        var result = Run(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}\n{result.Errors}");
        return result;
    }

    /// <summary>A fresh folder under the system's temporary folder, deleted when disposed.</summary>
    public sealed class Scratch : IDisposable
    {
        public Scratch() => Directory.CreateDirectory(Folder);

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "compensation-tools-" + Guid.NewGuid().ToString("N"));

        public string File(string name) => Path.Combine(Folder, name);

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
