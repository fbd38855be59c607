namespace Compensation.Rules.Engine.Authoring;

/// <summary>The rule's title in Chinese and English, as shown in explanations.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TitleAttribute(string zh, string en) : Attribute
{
    public string Zh { get; } = zh;
    public string En { get; } = en;
}
