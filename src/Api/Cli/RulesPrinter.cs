using Compensation.Rules;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.RuleSets;

namespace Compensation.Api.Cli;

/// <summary>Lists the rules a policy switches on, in the order they run: by stage, then by id.</summary>
public static class RulesPrinter
{
    public static int Print(string policyPath, TextWriter w, TextWriter err)
    {
        try
        {
            var policy = PolicyLoader.LoadFile(policyPath);
            var rules = RuleCatalog.For(policy);
            var table = new TextTable("stage", "rule", "title", "clause");
            foreach (var r in rules.OrderByDescending(r => r.Info.Stage).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                table.Add(r.Info.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id, $"{r.Info.Title.Zh} {r.Info.Title.En}", r.PolicyClause ?? "");
            }

            w.WriteLine($"{policy.School} · {policy.Plan}: {rules.Count} rules");
            table.Write(w);
            return 0;
        }
        catch (InputException ex)
        {
            err.WriteLine($"the policy cannot be used ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}):");
            foreach (var e in ex.Errors)
            {
                err.WriteLine("  " + e);
            }

            return 2;
        }
    }
}
