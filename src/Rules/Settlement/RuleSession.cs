using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets;
using NRules;
using NRules.Extensibility;
using NRules.Fluent;
using NRules.RuleModel;
using IFact = Compensation.Rules.Facts.IFact;

namespace Compensation.Rules.Settlement;

/// <summary>Limits of a rule run.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// How many times one rule may fire in a run before the run stops with an error naming it.
    /// A rule set whose rules feed each other without end hits this instead of running forever.
    /// </summary>
    public int MaxFiringsPerRule { get; init; } = 2_000_000;
}

/// <summary>A rule fired more often than <see cref="SessionOptions.MaxFiringsPerRule"/> allows.</summary>
public sealed class RunawayRuleException(string ruleId, int limit) : RuleSetException(
    $"rule {ruleId} fired more than {limit} times: its facts feed it without end")
{
    public string RuleId { get; } = ruleId;
}

/// <summary>
/// Runs rules on NRules: the policy chooses and parameterises the rules (<see cref="RuleCatalog"/>), the rules are
/// loaded through an activator that hands out those instances, compiled once per policy, and run on a term's facts.
/// </summary>
public static class RuleSession
{
    // Compiled rule sets by the SHA-256 of the policy they were made from (the same plan version gives the same
    // policy): compiling takes longer than settling a small school. A process that sees many plans keeps the latest.
    private const int CachedPolicies = 32;
    private static readonly ConcurrentDictionary<string, Compiled> ByPolicy = new(StringComparer.Ordinal);

    /// <summary>Runs the rules the policy switches on over the facts.</summary>
    public static RuleRun Run(SchoolPolicy policy, IEnumerable<IFact> facts, ServiceCalendar calendar, SessionOptions? options = null)
    {
        var key = PolicyKey(policy);
        if (!ByPolicy.TryGetValue(key, out var compiled))
        {
            if (ByPolicy.Count >= CachedPolicies)
            {
                ByPolicy.Clear();
            }

            compiled = ByPolicy.GetOrAdd(key, _ => Compile(RuleCatalog.For(policy)));
        }

        return Run(compiled, facts, calendar, options);
    }

    /// <summary>Runs exactly the given rules over the facts (a test of one rule, say), compiled afresh.</summary>
    public static RuleRun Run(IReadOnlyList<SettlementRule> rules, IEnumerable<IFact> facts, ServiceCalendar? calendar = null, SessionOptions? options = null) =>
        Run(Compile(rules), facts, calendar, options);

    private static RuleRun Run(Compiled compiled, IEnumerable<IFact> facts, ServiceCalendar? calendar, SessionOptions? options)
    {
        var derived = new DerivedFacts();
        var guard = new Guard(options ?? new SessionOptions(), compiled.Rules, derived);
        var session = compiled.Factory.CreateSession();
        session.DependencyResolver = new Services(calendar, derived);
        session.ActionInterceptor = guard;
        session.InsertAll(FactBundles.Pack(facts));

        // Fire by stage: the facts a stage derives go in together once no rule of that stage is left to fire.
        while (true)
        {
            var empty = session.Agenda.IsEmpty;
            if (derived.Count > 0 && (empty || session.Agenda.Peek().Rule.Priority < derived.Stage))
            {
                session.InsertAll(FactBundles.Pack(derived.Take()));
            }
            else if (empty)
            {
                break;
            }
            else
            {
                session.Fire(1);
            }
        }

        return new RuleRun(compiled.Rules, FactBundles.Unpack(session.Query<IFact>()), guard.Firings);
    }

    private static Compiled Compile(IReadOnlyList<SettlementRule> rules)
    {
        var repository = new RuleRepository { Activator = new PolicyActivator(rules) };
        repository.Load(x => x.NestedTypes().From(rules.Select(r => r.GetType()).Distinct()));
        var compiler = new RuleCompiler();
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = new SameId();
        return new Compiled(rules, compiler.Compile(repository.GetRules()));
    }

    /// <summary>The SHA-256 of the policy as JSON: the key its compiled rules are kept under.</summary>
    internal static string PolicyKey(SchoolPolicy policy) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(policy))));

    private sealed record Compiled(IReadOnlyList<SettlementRule> Rules, ISessionFactory Factory);

    /// <summary>Hands NRules the instances the policy made, instead of making rules itself.</summary>
    private sealed class PolicyActivator(IReadOnlyList<SettlementRule> rules) : IRuleActivator
    {
        public IEnumerable<NRules.Fluent.Dsl.Rule> Activate(Type type) => rules.Where(r => r.GetType() == type);
    }

    /// <summary>Facts are the same fact when their ids are equal (ids are unique in a run), whatever their values.</summary>
    private sealed class SameId : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) =>
            ReferenceEquals(x, y) || (x is IFact a && y is IFact b && a.GetType() == b.GetType() && string.Equals(a.Id, b.Id, StringComparison.Ordinal));

        public int GetHashCode(object obj) => obj is IFact f ? StringComparer.Ordinal.GetHashCode(f.Id) : obj.GetHashCode();
    }

    /// <summary>What rules may ask the session for: the school's service calendar, and where their derived facts wait.</summary>
    private sealed class Services(ServiceCalendar? calendar, DerivedFacts derived) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(DerivedFacts) ? derived
            : serviceType == typeof(ServiceCalendar) && calendar is not null ? calendar
            : throw new InvalidOperationException($"rule {context.Rule.Name} asks for {serviceType.Name}, which a settlement does not provide");
    }

    /// <summary>Counts each rule's firings, stops a rule that fires without end, and one that fires again out of order.</summary>
    private sealed class Guard(SessionOptions options, IReadOnlyList<SettlementRule> rules, DerivedFacts derived) : IActionInterceptor
    {
        private readonly Dictionary<string, int> _firings = rules.Select(r => r.Id).Distinct().ToDictionary(id => id, _ => 0, StringComparer.Ordinal);

        public IReadOnlyDictionary<string, int> Firings => _firings;

        public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
        {
            var id = context.Rule.Name;
            var fired = _firings.TryGetValue(id, out var n) ? n + 1 : 1;
            _firings[id] = fired;
            if (fired > options.MaxFiringsPerRule)
            {
                throw new RunawayRuleException(id, options.MaxFiringsPerRule);
            }

            // Stages order the rules so that every fact a rule matches is complete before it fires; an activation that
            // fires again because what it matched changed afterwards (a producer in a later stage, or a rule feeding its
            // own aggregation) would insert its facts twice.
            if (context.Match.Trigger == MatchTrigger.Updated)
            {
                throw new RuleOrderException(id);
            }

            derived.Firing(context.Rule.Priority);
            foreach (var action in actions)
            {
                action.Invoke();
            }
        }
    }
}
