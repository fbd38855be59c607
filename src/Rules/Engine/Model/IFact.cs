namespace Compensation.Rules.Engine.Model;

/// <summary>Anything the engine matches. Ids are unique within a session and stable across runs.</summary>
public interface IFact
{
    string Id { get; }
}
