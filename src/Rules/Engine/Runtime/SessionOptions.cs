namespace Compensation.Rules.Engine.Runtime;

public sealed record SessionOptions
{
    /// <summary>
    /// How many times one rule may fire in a session before the session stops with an error naming it.
    /// A rule set whose rules feed each other without end hits this instead of running forever.
    /// </summary>
    public int MaxFiringsPerRule { get; init; } = 2_000_000;
}
