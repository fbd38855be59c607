namespace Compensation.Rules.Domain;

/// <summary>A sentence in Chinese and in English; every derived amount carries one.</summary>
public sealed record Bilingual(string Zh, string En)
{
    public override string ToString() => Zh + " / " + En;
}
