using Compensation.Api.Services;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;
using FastEndpoints;

namespace Compensation.Api.Features.Results.Explain;

public sealed class ExplainRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
    public long RunId { get; set; }

    /// <summary>The id of a line, as in a family's or staff member's factIds (e.g. refunds.absence:S06:2025-03-31).</summary>
    [QueryParam]
    public string Line { get; set; } = "";

    /// <summary>How many levels to follow (1–20).</summary>
    [QueryParam]
    public int Depth { get; set; } = 8;
}

/// <summary>One node of the tree: a derived line (rule, clause, sentence) or an input fact (no rule).</summary>
public sealed record ExplanationNode(string Id, string? RuleId, Bilingual? RuleTitle, string? Clause, Bilingual? Sentence, int SourceCount, IReadOnlyList<ExplanationNode> Sources);

public sealed class ExplainLine : ApiEndpoint<ExplainRequest, ExplanationNode>
{
    private const int MaxChildren = 50;

    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/explain");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("explainLine").WithTags("Results").Produces<ExplanationNode>(200).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The explanation tree of a line, down to the input facts";
            s.Description = "For ?line=ID: the rule, the plan clause and the arithmetic as a sentence in Chinese and English, and the same for every fact it came from, down to the attendance, lesson and other input facts (at most 50 sources shown per node; sourceCount says how many there are).";
        });
    }

    protected override async Task Handle(ExplainRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var (_, result) = await Resolve<SavedResults>().LoadAsync(Db, term, req.RunId, ct);
        if (!result.Explanations.ContainsKey(req.Line))
        {
            throw ServiceError.NotFound($"line '{req.Line}'");
        }

        await Send.OkAsync(Node(result, req.Line, Math.Clamp(req.Depth, 1, 20)), ct);
    }

    private static ExplanationNode Node(SettlementResult r, string id, int depth)
    {
        if (!r.Explanations.TryGetValue(id, out var e))
        {
            return new ExplanationNode(id, null, null, null, null, 0, []);
        }

        var sources = depth <= 1 ? [] : e.SourceIds.Take(MaxChildren).Select(s => Node(r, s, depth - 1)).ToList();
        return new ExplanationNode(id, e.RuleId, e.RuleTitle, e.Clause, e.Sentence, e.SourceIds.Count, sources);
    }
}
