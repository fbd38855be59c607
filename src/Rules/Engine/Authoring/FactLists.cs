using System.Runtime.CompilerServices;

namespace Compensation.Rules.Engine.Authoring;

/// <summary>Reading the lists of facts a rule is handed: as a span, without an interface call per fact.</summary>
public static class FactLists
{
    /// <summary>The facts of the list as a span: the engine hands out arrays, which are used as they are; another list is copied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<T> AsSpan<T>(this IReadOnlyList<T> facts) => facts is T[] array ? array : [.. facts];
}
