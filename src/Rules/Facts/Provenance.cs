using Compensation.Rules.Domain;

namespace Compensation.Rules.Facts;

/// <summary>Where a derived fact came from: the rule, the plan's clause, the facts it was derived from, and the arithmetic as a sentence.</summary>
public sealed record Provenance(string RuleId, string Clause, IReadOnlyList<string> SourceIds, Bilingual Explanation);
