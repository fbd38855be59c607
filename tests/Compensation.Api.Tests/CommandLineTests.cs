using Compensation.Api.Cli;

namespace Compensation.Api.Tests;

public sealed class CommandLineTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "compensation-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string Sample(string name) => Path.Combine(Root, "rules-samples", name);

    [Fact]
    public void SettlingASample_PrintsTheSummaryAndExitsZero()
    {
        var (code, output, _) = Run("settle", Sample("yongqiao-002-s1"));
        Assert.Equal(0, code);
        Assert.Contains("埇桥区示例小学", output);
        Assert.Contains("1785.00", output); // Σ payable: 350 + 350 + 210 + 0 + 175 + 350 + 350
        Assert.Contains("1367.50", output); // Σ staff net: 350 + 250 + 167.50 + 600
    }

    [Fact]
    public void TheSettlementJson_IsTheSameBytesEveryTime()
    {
        var a = Path.Combine(_temp, "a.json");
        var b = Path.Combine(_temp, "b.json");
        Assert.Equal(0, Run("settle", Sample("p4-001-flat-600"), "--out", a).Code);
        Assert.Equal(0, Run("settle", Sample("p4-001-flat-600"), "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Contains("\"surplusRefunded\": 800.00", File.ReadAllText(a));
    }

    [Fact]
    public void ABadRow_IsReportedWithFileRowAndColumn_AndNothingIsSettled()
    {
        var copy = Path.Combine(_temp, "sample");
        CopyFolder(Sample("yongqiao-002-s1"), copy);
        var lessons = Path.Combine(copy, "facts", "lessons.csv");
        var lines = File.ReadAllLines(lessons);
        var header = lines[0].Split(',');
        var minutes = Array.IndexOf(header, "minutes");
        var cells = lines[2].Split(',');
        cells[minutes] = "forty";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(lessons, lines);
        var output = Path.Combine(_temp, "out.json");

        var (code, _, err) = Run("settle", copy, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("lessons.csv:3: minutes:", err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Explain_PrintsTheTreeDownToTheInputFacts()
    {
        var (code, output, _) = Run("explain", Sample("yongqiao-002-s1"), "refunds.absence:S06:2025-03-31");
        Assert.Equal(0, code);
        Assert.Contains("[refunds.absence · 002 §1 一(一)]", output);
        Assert.Contains("105.00", output); // 350 × 6 / 20
        Assert.Contains("attendance:S06:2025-04-08  (input)", output);
    }

    [Fact]
    public void Rules_ListsWhatThePolicySwitchesOnWithClauses()
    {
        var (code, output, _) = Run("rules", Path.Combine(Sample("p3-001-per-lesson"), "policy.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("stipends.admin-duty-share", output);
        Assert.Contains("deductions.review/incident", output);
        Assert.DoesNotContain("pay.pool", output);
    }

    [Fact]
    public void Documents_WritesTheNoticeEveryStatementAndTheWorkbook()
    {
        var folder = Path.Combine(_temp, "docs");
        var (code, output, _) = Run("documents", Sample("yongqiao-002-s1"), "--out", folder);
        Assert.Equal(0, code);
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("notice.pdf", names);
        Assert.Contains("workbook.xlsx", names);
        Assert.Equal(7, names.Count(n => n!.StartsWith("family-", StringComparison.Ordinal))); // S01 … S07
        Assert.Equal(6, names.Count(n => n!.StartsWith("staff-", StringComparison.Ordinal)));  // T01–T03, G01, L01, Q01
        Assert.Contains("15 documents", output);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(folder, "notice.pdf")), 0, 4));
    }

    [Fact]
    public async Task Documents_WithoutTheFont_SayHowToInstallIt_ExitFour_AndWriteNothing()
    {
        // A real process (compensation.dll copied beside the tests): the font folder is an environment variable of the process,
        // and an unhandled exception would show as exit code 134 and a stack trace, which an in-process call would not.
        var fonts = Directory.CreateDirectory(Path.Combine(_temp, "no-fonts")).FullName;
        var folder = Path.Combine(_temp, "docs");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "compensation.dll"), "documents", Sample("yongqiao-002-s1"), "--out", folder })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["COMPENSATION_FONT_DIR"] = fonts;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(4, process.ExitCode);
        var err = await stderr;
        Assert.StartsWith("the documents cannot be rendered: The PDF reports need the font LXGW WenKai", err, StringComparison.Ordinal);
        Assert.Contains($"which was not found in {fonts}.", err, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-lxgw-wenkai", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", err, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Compensation.", err, StringComparison.Ordinal);
        Assert.Equal("", await stdout);
        Assert.False(Directory.Exists(folder), "no output folder");
    }

    /// <summary>
    /// 002 §1 二(四)5 当月10%——100%: C06 decided at 5 % (conduct.csv row 7) is refused by settle and documents alike
    /// (exit 2, nothing written), naming the file, row, event, value and range.
    /// </summary>
    [Theory]
    [InlineData("settle")]
    [InlineData("documents")]
    public void ADecidedPercentageOutsideTheRange_IsRefusedWithExitTwo_NamingRowEventValueAndRange(string verb)
    {
        var copy = Path.Combine(_temp, "sample");
        CopyFolder(Sample("yongqiao-002-s1"), copy);
        var conduct = Path.Combine(copy, "facts", "conduct.csv");
        var text = File.ReadAllText(conduct);
        Assert.Contains("C06,T03,2025-03-27,perfunctory,20,", text, StringComparison.Ordinal);
        File.WriteAllText(conduct, text.Replace("C06,T03,2025-03-27,perfunctory,20,", "C06,T03,2025-03-27,perfunctory,5,", StringComparison.Ordinal));
        var output = Path.Combine(_temp, "out");

        var (code, _, err) = Run(verb, copy, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("conduct.csv:7: decided_percent: event C06 (perfunctory): the decided percentage 5% is outside the range 10%–100%", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output) || Directory.Exists(output), "nothing written");
    }

    [Fact]
    public void SettleOut_IntoAFolderThatDoesNotExist_MakesIt()
    {
        var path = Path.Combine(_temp, "not", "yet", "settlement.json");
        var (code, output, _) = Run("settle", Sample("p4-001-flat-600"), "--out", path);
        Assert.Equal(0, code);
        Assert.True(File.Exists(path));
        Assert.Contains("settlement written to " + path, output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputThatCannotBeWritten_ExitsFive_WithOneLine_AndNoStackTrace()
    {
        // The output's folder is a file: nothing can be made there, whoever runs the test.
        var file = Path.Combine(_temp, "a-file");
        File.WriteAllText(file, "");
        foreach (var args in new[] { new[] { "settle", Sample("p4-001-flat-600"), "--out", Path.Combine(file, "settlement.json") }, ["documents", Sample("p4-001-flat-600"), "--out", Path.Combine(file, "docs")] })
        {
            var (code, _, error) = Run(args);
            if (code == 4)
            {
                continue; // the report font is not installed here: documents stop before writing
            }

            Assert.Equal(5, code);
            Assert.StartsWith("a file or folder cannot be read or written: ", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownVerb_PrintsUsage() => Assert.Equal(3, Run("pay", "x").Code);

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
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
}
