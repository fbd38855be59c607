using Compensation.Rules.Facts.Input;
using Compensation.Rules.Facts.Loading;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>The deductions section: the plan's review rules, their kinds, percentages, ranges and escalations.</summary>
internal sealed partial class PolicyMapper
{
    private DeductionPolicy Deductions(YamlSection? s)
    {
        if (s is null)
        {
            return new DeductionPolicy();
        }

        var rules = new List<DeductionRulePolicy>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var kindOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, field) in s.Items("rules") ?? [])
        {
            if (values.Section(node, field, PolicyKeys.DeductionRule) is { } r && Rule(r, ids, kindOwners) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return new DeductionPolicy
        {
            Base = s.Choice("base", PolicyKeys.DeductionBases) ?? DeductionBase.LessonPay,
            Rules = rules,
            OutOfRange = s.Choice("out_of_range", PolicyKeys.OutOfRange) ?? readings.OutOfRange,
            Clause = s.Clause(),
        };
    }

    private DeductionRulePolicy? Rule(YamlSection r, Dictionary<string, string> ids, Dictionary<string, string> kindOwners)
    {
        var id = r.Id("id", required: true);
        if (id is not null && !ids.TryAdd(id, r.Field))
        {
            r.Error("id", $"duplicate rule id '{id}' (also {ids[id]})");
        }

        var kinds = RuleKinds(r, id, kindOwners);
        var each = r.Choice("each", PolicyKeys.DeductionEaches, required: true);
        var percent = r.Percent("percent");
        if (each == DeductionEach.Percent)
        {
            Require(r, "percent", "each is percent");
        }

        var range = Range(r);
        if (each == DeductionEach.Decided && range is null && !r.Has("range"))
        {
            r.Missing("range", "required when each is decided: [min, max] percent the review group may decide");
        }

        var escalation = Escalation(r.Section("escalation", PolicyKeys.Escalation));
        var scope = r.Choice("scope", PolicyKeys.Scopes);
        var baseKind = r.Choice("base", PolicyKeys.DeductionBases);
        if (id is null || kinds is null || each is null)
        {
            return null;
        }

        return new DeductionRulePolicy
        {
            Id = id,
            Kinds = kinds,
            Each = each.Value,
            Percent = percent ?? 0m,
            Range = range,
            Escalation = escalation,
            Scope = scope ?? DeductionScope.Month,
            Base = baseKind,
            Clause = r.Clause(),
        };
    }

    /// <summary>Known conduct kinds, each deducted by one rule only: two rules for one event would deduct it twice.</summary>
    private List<string>? RuleKinds(YamlSection r, string? ruleId, Dictionary<string, string> kindOwners)
    {
        var kinds = DistinctChoices(r, "kinds", ConductEvent.Kinds, nonEmpty: true, required: true);
        if (kinds is null || ruleId is null)
        {
            return kinds;
        }

        var items = r.Items("kinds") ?? [];
        for (var i = 0; i < kinds.Count; i++)
        {
            // When the kinds were read without error they match the list items one for one.
            if (!kindOwners.TryAdd(kinds[i], ruleId) && kindOwners[kinds[i]] != ruleId)
            {
                values.Error(items[i].Node, items[i].Field, $"conduct kind '{kinds[i]}' is already deducted by rule '{kindOwners[kinds[i]]}'");
            }
        }

        return kinds;
    }

    private (decimal Min, decimal Max)? Range(YamlSection r)
    {
        if (r.Node("range") is not { } node || values.Items(node, r.Path("range")) is not { } items)
        {
            return null;
        }

        if (items.Count != 2)
        {
            values.Error(node, r.Path("range"), $"expected [min, max], two percentages, got {items.Count} values");
            return null;
        }

        var min = values.Percent(items[0].Node, items[0].Field);
        var max = values.Percent(items[1].Node, items[1].Field);
        if (min is { } lo && max is { } hi)
        {
            if (lo <= hi)
            {
                return (lo, hi);
            }

            values.Error(node, r.Path("range"), $"the minimum {lo} is above the maximum {hi}");
        }

        return null;
    }

    private Escalation? Escalation(YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        var at = s.Integer("at", 1, required: true);
        var percent = s.Percent("percent", required: true);
        var mode = s.Choice("mode", PolicyKeys.EscalationModes);
        return at is { } a && percent is { } p ? new Escalation(a, p, mode ?? readings.EscalationMode) : null;
    }
}
