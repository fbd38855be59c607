namespace Compensation.Rules.Domain;

public enum Severity
{
    Info,
    Warning,
    Error,
}
