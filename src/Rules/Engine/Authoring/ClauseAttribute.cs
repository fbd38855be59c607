namespace Compensation.Rules.Engine.Authoring;

/// <summary>
/// The plan clause the rule implements by default, e.g. "002 §1 一(一)". A policy file may cite
/// its own plan's clause for the parameters it gives; that citation then replaces this one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ClauseAttribute(string clause) : Attribute
{
    public string Clause { get; } = clause;
}
