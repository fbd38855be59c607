using Compensation.Reports;
using Compensation.Rules;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.RuleSets;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Cli;

/// <summary>
/// compensation settle POLICY FACTS [--out FILE]   settle a term and print its summary
/// compensation explain POLICY FACTS ID             print the explanation tree of one line
/// compensation rules POLICY                        list the rules the policy switches on
/// compensation documents POLICY FACTS --out DIR     write the notice, statements and workbook
/// Exit codes: 0 settled, 1 settled with error findings, 2 bad input, 3 usage, 4 the documents cannot
/// be rendered (the report font is not installed; nothing is written), 5 a file or folder cannot be read
/// or written, 6 an unexpected failure (a fault of the program). Each failure prints one message to
/// stderr, never a stack trace. An output folder that does not exist yet is made.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          compensation settle  <policy.yaml> <facts-folder|facts.json> [--out settlement.json]
          compensation explain <policy.yaml> <facts-folder|facts.json> <line-id>
          compensation settle  <sample-folder>      (a folder with policy.yaml and facts/)
          compensation rules   <policy.yaml>        (the rules the policy switches on)
          compensation documents <sample-folder | policy.yaml facts> --out <folder> [--notice-date yyyy-MM-dd]
        """;

    public static bool IsCommand(string verb) => verb is "settle" or "explain" or "rules" or "documents";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return RunCommand(args, stdout, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("a file or folder cannot be read or written: " + e.Message);
            return 5;
        }
        catch (Exception e)
        {
            // A person at a terminal gets what went wrong in one line; the stack trace would tell them nothing more.
            stderr.WriteLine($"the command failed unexpectedly ({e.GetType().Name}): {e.Message}");
            return 6;
        }
    }

    private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || !IsCommand(args[0]))
        {
            stderr.WriteLine(Usage);
            return 3;
        }

        if (args[0] == "rules")
        {
            return RulesPrinter.Print(args[1], stdout, stderr);
        }

        var positional = new List<string>();
        string? outFile = null;
        DateOnly? noticeDate = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                outFile = args[++i];
            }
            else if (args[i] == "--notice-date" && i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                noticeDate = d;
                i++;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count == 1 || (args[0] == "explain" && positional.Count == 2 && Directory.Exists(positional[0])))
        {
            positional.InsertRange(0, [Path.Combine(positional[0], "policy.yaml"), Path.Combine(positional[0], "facts")]);
            positional.RemoveAt(2);
        }

        if (positional.Count < 2)
        {
            stderr.WriteLine(Usage);
            return 3;
        }

        SettlementResult result;
        Rules.Policy.SchoolPolicy policy;
        Rules.Facts.TermFacts facts;
        try
        {
            policy = PolicyLoader.LoadFile(positional[0]);
            facts = FactsLoader.Load(positional[1]);
            result = Settler.Settle(policy, facts);
        }
        catch (InputException ex)
        {
            stderr.WriteLine($"the input cannot be settled ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}):");
            foreach (var e in ex.Errors)
            {
                stderr.WriteLine("  " + e);
            }

            return 2;
        }
        catch (RuleSetException ex)
        {
            stderr.WriteLine("the rules could not run: " + ex.Message);
            return 2;
        }

        if (args[0] == "explain")
        {
            if (positional.Count < 3)
            {
                stderr.WriteLine(Usage);
                return 3;
            }

            return ExplainPrinter.Print(result, positional[2], stdout, stderr);
        }

        if (args[0] == "documents")
        {
            if (outFile is null)
            {
                stderr.WriteLine(Usage);
                return 3;
            }

            PdfReports pdf;
            try
            {
                pdf = new PdfReports();
            }
            catch (ReportFontNotFoundException ex)
            {
                stderr.WriteLine("the documents cannot be rendered: " + ex.Message);
                return 4;
            }

            var written = DocumentsWriter.Write(pdf, result, policy, facts, outFile, noticeDate);
            stdout.WriteLine($"{written.Count} documents written to {outFile}");
            return 0;
        }

        if (outFile is not null)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(outFile)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(outFile, SettlementJson.Serialize(result));
        }

        SummaryPrinter.Print(result, stdout);
        if (outFile is not null)
        {
            stdout.WriteLine($"settlement written to {outFile}");
        }

        return result.Findings.Any(f => f.Severity == Rules.Domain.Severity.Error) ? 1 : 0;
    }
}
