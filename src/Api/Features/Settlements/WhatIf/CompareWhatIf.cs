using System.Text.Json;
using Compensation.Api.Services;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;
using Compensation.Rules;
using Compensation.Rules.Domain;

namespace Compensation.Api.Features.Settlements.WhatIf;

public sealed class WhatIfRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";

    /// <summary>Settle under this saved plan version …</summary>
    public int? PlanVersion { get; set; }

    /// <summary>… or under this policy text (YAML or JSON) …</summary>
    public string? Policy { get; set; }

    /// <summary>
    /// … or under the newest plan (or planVersion) with these parameters changed, by dotted path:
    /// <c>{"fees.term_fee": 300, "refunds.absence.min_weeks": 2}</c>; null takes a key out.
    /// </summary>
    public Dictionary<string, JsonElement>? Parameters { get; set; }
}

public sealed record Change(string Id, Money Before, Money After, Money Difference);

public sealed record WhatIfResponse(int BaselinePlanVersion, string Alternative, IReadOnlyList<Change> Families, IReadOnlyList<Change> Staff, IReadOnlyList<Change> Ledger);

public sealed class CompareWhatIf : ApiEndpoint<WhatIfRequest, WhatIfResponse>
{
    public override void Configure()
    {
        Post("/schools/{SchoolId}/terms/{TermId}/settlements/what-if");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("compareWhatIf").WithTags("Settlements").Produces<WhatIfResponse>(200).ProducesProblem(400).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "What if the term were settled under another plan? Nothing is saved";
            s.Description = "Settles the term's current facts under the newest plan version (the baseline) and under another saved version (planVersion), a policy sent in the request (policy), or a saved version (the newest unless planVersion says) with some parameters changed (parameters: dotted paths of the policy file, e.g. {\"fees.term_fee\": 300}), and answers the differences per family (net), per staff member (net) and per ledger line. Only what changes is listed.";
            s.ExampleRequest = new WhatIfRequest { Parameters = new() { ["fees.term_fee"] = JsonDocument.Parse("300").RootElement } };
        });
    }

    protected override async Task Handle(WhatIfRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        if ((req.PlanVersion is null && req.Parameters is null) == (req.Policy is null))
        {
            throw ServiceError.BadInput("bad-input", "say what to compare with", [new InputError("", 0, "planVersion", "give planVersion, parameters (with or without planVersion), or policy")]);
        }

        var service = Settlements;
        var baseline = await service.ComputeAsync(term, null, ct);
        SettlementResult alternative;
        string label;
        if (req.Parameters is { } parameters)
        {
            var plan = await service.PlanAsync(term.SchoolId, req.PlanVersion, ct);
            var values = parameters.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal);
            var text = PolicyParameters.Apply(plan.Content, values);
            var changes = string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value.GetRawText()}"));
            alternative = await service.ComputeUnderAsync(term, PolicyLoader.LoadText(text, $"plan version {plan.Version} with {changes}", PolicyReadings.FromJson(plan.Readings)), ct);
            label = $"plan version {plan.Version} with {changes}";
        }
        else if (req.PlanVersion is { } version)
        {
            alternative = (await service.ComputeAsync(term, version, ct)).Result;
            label = $"plan version {version}";
        }
        else
        {
            alternative = await service.ComputeUnderAsync(term, PolicyLoader.LoadText(req.Policy!, "policy (request)"), ct);
            label = "the policy in the request";
        }

        var b = baseline.Result;
        await Send.OkAsync(new WhatIfResponse(
            baseline.Plan.Version,
            label,
            Diff(b.Families.ToDictionary(f => f.StudentId, f => f.Net), alternative.Families.ToDictionary(f => f.StudentId, f => f.Net)),
            Diff(b.Staff.ToDictionary(s => s.StaffId, s => s.Net), alternative.Staff.ToDictionary(s => s.StaffId, s => s.Net)),
            Diff(LedgerLines(b.Ledger), LedgerLines(alternative.Ledger))), ct);
    }

    /// <summary>A parameter's JSON value as PolicyParameters takes it.</summary>
    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetDecimal(out var d) ? d : e.GetRawText(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static Dictionary<string, Money> LedgerLines(Rules.Settlement.Ledger l)
    {
        var lines = l.Income.Select(x => ("income:" + x.Category, x.Amount))
            .Concat(l.Refunds.Select(x => ("refunds:" + x.Category, x.Amount)))
            .Concat(l.Expenditure.Select(x => ("expenditure:" + x.Category, x.Amount)))
            .Append(("balance", l.Balance))
            .Append(("surplus-refunded", l.SurplusRefunded))
            .Append(("subsidy-returned", l.SubsidyReturned));
        return lines.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    private static List<Change> Diff(Dictionary<string, Money> before, Dictionary<string, Money> after) =>
        [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k), after.GetValueOrDefault(k) - before.GetValueOrDefault(k)))
            .Where(c => c.Difference != Money.Zero)];
}
