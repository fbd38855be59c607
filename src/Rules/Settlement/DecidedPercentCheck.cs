using System.Globalization;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;

namespace Compensation.Rules.Settlement;

/// <summary>
/// 002 §1 二(四)5–6 and 001 篇三 (二)5–6: the review group (考核小组) decides a percentage within the plan's range
/// (当月10%——100%, 50%——100%). A value outside it, or none where the rule deducts the decided percentage, is an input
/// error the group corrects, not a value to move to the nearest bound; so with <c>deductions.out_of_range: refuse</c>
/// (the default) settling stops. It is checked when settling, not when the facts are loaded, because the plan can
/// change after the facts were imported.
/// </summary>
public static class DecidedPercentCheck
{
    /// <summary>Throws an <see cref="InputException"/> naming each event's file, row, value and range.</summary>
    public static void Check(SchoolPolicy policy, TermFacts facts)
    {
        if (policy.Deductions.OutOfRange != DecidedOutOfRange.Refuse)
        {
            return;
        }

        var byKind = new Dictionary<string, DeductionRulePolicy>(StringComparer.Ordinal);
        foreach (var rule in policy.Deductions.Rules)
        {
            if (rule.Each == DeductionEach.Decided)
            {
                foreach (var kind in rule.Kinds)
                {
                    byKind[kind] = rule;
                }
            }
        }

        if (byKind.Count == 0)
        {
            return;
        }

        var errors = new List<(InputError Error, string EventId)>();
        foreach (var e in facts.Conduct)
        {
            if (!byKind.TryGetValue(e.Kind, out var rule))
            {
                continue;
            }

            var (min, max) = rule.Range ?? (0m, 100m);
            var range = $"{P(min)}%–{P(max)}%";
            var problem = e.DecidedPercent switch
            {
                null => $"event {e.EventId} ({e.Kind}) has no decided percentage; deduction rule '{rule.Id}' needs the review group's percentage in the range {range}",
                { } p when p < min || p > max => $"event {e.EventId} ({e.Kind}): the decided percentage {P(p)}% is outside the range {range} of deduction rule '{rule.Id}'",
                _ => null,
            };
            if (problem is null)
            {
                continue;
            }

            var at = facts.ConductOrigins.TryGetValue(e.EventId, out var origin) ? origin : new FactOrigin("conduct.csv", 0, "decided_percent");
            errors.Add((new InputError(at.File, at.Line, at.Field, problem + "; the review group corrects it (deductions.out_of_range: clamp would apply the nearest bound)"), e.EventId));
        }

        if (errors.Count > 0)
        {
            throw new InputException([.. errors
                .OrderBy(x => x.Error.File, StringComparer.Ordinal).ThenBy(x => x.Error.Line).ThenBy(x => x.EventId, StringComparer.Ordinal)
                .Select(x => x.Error)]);
        }
    }

    private static string P(decimal percent) => percent.ToString("0.####", CultureInfo.InvariantCulture);
}
