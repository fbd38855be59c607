using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Model;

namespace Compensation.Rules.Engine.Authoring;

/// <summary>The authoring DSL: Match / Join / Then for pattern rules, Aggregate / GroupBy / Then for aggregations.</summary>
public sealed class RuleBuilder
{
    private readonly List<PatternDefinition> _patterns = [];
    private readonly List<Type> _reads = [];
    private readonly List<Type> _produces = [];
    private AggregateDefinition? _aggregate;
    private Action<IRuleContext, IReadOnlyList<object>>? _action;

    public RuleBuilder Produces<T>() where T : DerivedFact
    {
        _produces.Add(typeof(T));
        return this;
    }

    /// <summary>Declares that the action reads all facts of <typeparamref name="T"/>; the rule then runs after every producer of T.</summary>
    public RuleBuilder Reads<T>() where T : class, IFact
    {
        _reads.Add(typeof(T));
        return this;
    }

    public Pattern<T1> Match<T1>(Func<T1, bool>? filter = null) where T1 : class, IFact
    {
        if (_patterns.Count > 0)
        {
            throw new InvalidOperationException("a rule has one Match; further patterns are joined to it with Join");
        }

        _patterns.Add(new PatternDefinition(typeof(T1), filter is null ? null : [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => filter((T1)o), null, null));
        return new Pattern<T1>(this);
    }

    public Aggregation<T> Aggregate<T>(Func<T, bool>? filter = null) where T : class, IFact => new(this, filter);

    internal void AddJoin<TAnchor, TJoin, TKey>(Func<TAnchor, TKey> anchorKey, Func<TJoin, TKey> ownKey, Func<TJoin, bool>? filter)
        where TKey : notnull
    {
        _patterns.Add(new PatternDefinition(
            typeof(TJoin),
            filter is null ? null : [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => filter((TJoin)o),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => anchorKey((TAnchor)o),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => ownKey((TJoin)o)));
    }

    internal void SetAggregate(AggregateDefinition aggregate) => _aggregate = aggregate;

    internal void SetAction(Action<IRuleContext, IReadOnlyList<object>> action)
    {
        if (_action is not null)
        {
            throw new InvalidOperationException("a rule has one action");
        }

        _action = action;
    }

    internal RuleDefinition Build(string id, Bilingual title, string ruleSet, string clause, int priority)
    {
        if (_action is null)
        {
            throw new InvalidOperationException($"rule {id} has no action (Then)");
        }

        return new RuleDefinition(id, title, ruleSet, clause, priority, _patterns, _aggregate, _reads, _produces, _action);
    }

    public sealed class Pattern<T1>(RuleBuilder b) where T1 : class, IFact
    {
        public Pattern<T1, T2> Join<T2, TKey>(Func<T1, TKey> anchorKey, Func<T2, TKey> ownKey, Func<T2, bool>? filter = null)
            where T2 : class, IFact where TKey : notnull
        {
            b.AddJoin(anchorKey, ownKey, filter);
            return new Pattern<T1, T2>(b);
        }

        public void Then(Action<IRuleContext, T1> action) => b.SetAction([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) => action(ctx, (T1)f[0]));
    }

    public sealed class Pattern<T1, T2>(RuleBuilder b) where T1 : class, IFact where T2 : class, IFact
    {
        public Pattern<T1, T2, T3> Join<T3, TKey>(Func<T1, TKey> anchorKey, Func<T3, TKey> ownKey, Func<T3, bool>? filter = null)
            where T3 : class, IFact where TKey : notnull
        {
            b.AddJoin(anchorKey, ownKey, filter);
            return new Pattern<T1, T2, T3>(b);
        }

        public void Then(Action<IRuleContext, T1, T2> action) => b.SetAction([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) => action(ctx, (T1)f[0], (T2)f[1]));
    }

    public sealed class Pattern<T1, T2, T3>(RuleBuilder b) where T1 : class, IFact where T2 : class, IFact where T3 : class, IFact
    {
        public void Then(Action<IRuleContext, T1, T2, T3> action) => b.SetAction([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) => action(ctx, (T1)f[0], (T2)f[1], (T3)f[2]));
    }

    public sealed class Aggregation<T>(RuleBuilder b, Func<T, bool>? filter) where T : class, IFact
    {
        private const string All = "all";

        public Grouped<TKey> GroupBy<TKey>(Func<T, TKey> key) where TKey : notnull => GroupBy(key, null);

        /// <summary>One group holding every matching fact (a whole-term total).</summary>
        public void ThenAll(Action<IRuleContext, IReadOnlyList<T>> action) =>
            GroupBy(static (_) => All, All).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, _, items) => action(ctx, items));

        private Grouped<TKey> GroupBy<TKey>(Func<T, TKey> key, object? oneGroupKey) where TKey : notnull
        {
            b.SetAggregate(new AggregateDefinition(typeof(T), filter is null ? null : [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => filter((T)o), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) => key((T)o), static n => new T[n])
            {
                OneGroupKey = oneGroupKey,
            });
            return new Grouped<TKey>(b);
        }

        public sealed class Grouped<TKey>(RuleBuilder b) where TKey : notnull
        {
            public void Then(Action<IRuleContext, TKey, IReadOnlyList<T>> action) =>
                b.SetAction([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f) => action(ctx, (TKey)f[0], (IReadOnlyList<T>)f[1]));
        }
    }
}
