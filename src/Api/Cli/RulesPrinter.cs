using Compensation.Rules;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Runtime;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.RuleSets;

namespace Compensation.Api.Cli;

/// <summary>Lists the rules a policy switches on, in the order the engine runs them.</summary>
public static class RulesPrinter
{
    public static int Print(string policyPath, TextWriter w, TextWriter err)
    {
        try
        {
            var policy = PolicyLoader.LoadFile(policyPath);
            var calendar = new ServiceCalendar(new DateOnly(2000, 1, 3), new DateOnly(2000, 1, 7), []);
            var definitions = RuleCatalog.For(policy, calendar).Select(r => r.Compile()).ToList();
            var strata = new Session(definitions).Strata;
            var table = new TextTable("stratum", "priority", "rule", "title", "clause");
            foreach (var d in definitions.OrderBy(d => strata[d.Id]).ThenByDescending(d => d.Priority).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                table.Add(strata[d.Id].ToString(System.Globalization.CultureInfo.InvariantCulture), d.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d.Id, $"{d.Title.Zh} {d.Title.En}", d.Clause);
            }

            w.WriteLine($"{policy.School} · {policy.Plan}: {definitions.Count} rules");
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
