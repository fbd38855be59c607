namespace Compensation.Rules.Engine.Runtime;

/// <summary>A rule set that cannot run: a cycle through an aggregation, a runaway rule, a duplicate fact id, an undeclared output.</summary>
public sealed class RuleEngineException(string message, string? ruleId = null) : Exception(message)
{
    public string? RuleId { get; } = ruleId;
}
