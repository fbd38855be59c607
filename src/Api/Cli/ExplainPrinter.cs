using Compensation.Rules.Settlement;

namespace Compensation.Api.Cli;

/// <summary>Prints the explanation tree of a derived fact down to the input facts.</summary>
public static class ExplainPrinter
{
    private const int MaxChildren = 12;

    public static int Print(SettlementResult r, string id, TextWriter w, TextWriter err)
    {
        if (!r.Explanations.ContainsKey(id))
        {
            var matches = r.Explanations.Keys.Where(k => k.Contains(id, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(20).ToList();
            err.WriteLine($"no line with id '{id}'" + (matches.Count > 0 ? "; did you mean:\n  " + string.Join("\n  ", matches) : ""));
            return 3;
        }

        Node(r, id, "", w, []);
        return 0;
    }

    private static void Node(SettlementResult r, string id, string indent, TextWriter w, HashSet<string> seen)
    {
        if (!r.Explanations.TryGetValue(id, out var e))
        {
            w.WriteLine($"{indent}{id}  (input)");
            return;
        }

        w.WriteLine(string.IsNullOrEmpty(e.Clause) ? $"{indent}{id}  [{e.RuleId}]" : $"{indent}{id}  [{e.RuleId} · {e.Clause}]");
        w.WriteLine($"{indent}  {e.Sentence?.Zh}");
        w.WriteLine($"{indent}  {e.Sentence?.En}");
        if (!seen.Add(id))
        {
            return;
        }

        foreach (var source in e.SourceIds.Take(MaxChildren))
        {
            Node(r, source, indent + "  ", w, seen);
        }

        if (e.SourceIds.Count > MaxChildren)
        {
            w.WriteLine($"{indent}  … and {e.SourceIds.Count - MaxChildren} more");
        }
    }
}
