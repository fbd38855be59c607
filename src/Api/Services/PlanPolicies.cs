using Compensation.Api.Persistence.Entities;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Api.Services;

/// <summary>
/// Stored plan versions read as policies, each text parsed once: documents, pages and settlements of the same version,
/// and the list of a school's versions (which shows each one's title), share one <see cref="SchoolPolicy"/>. It is
/// keyed by the SHA-256 of the text, hashed from the text itself rather than taken from the row (a row whose text was
/// changed behind the service is read again, never answered with the policy of its former text), and by the readings
/// stored with the version, which are part of what the text means (the same text uploaded under other readings is
/// another policy); the file name only names the file in errors. A policy is immutable, so one instance serves every
/// request.
/// </summary>
public sealed class PlanPolicies(ServiceCache cache)
{
    private const string Kind = "policy";

    private int _parses;

    /// <summary>How many times a stored text was parsed since the service started.</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>The plan as it was uploaded, read as it was then.</summary>
    public SchoolPolicy Of(PlanVersion plan)
    {
        var key = Hashing.Sha256(plan.Content) + "\n" + plan.Readings;
        if (cache.TryGet<SchoolPolicy>(Kind, key, out var kept))
        {
            return kept;
        }

        Interlocked.Increment(ref _parses);
        var policy = Read(plan);
        cache.Set(Kind, key, policy, plan.Content.Length * CacheLimits.BytesPerPolicyChar);
        return policy;
    }

    /// <summary>Parses the stored text, whatever the cache holds.</summary>
    public static SchoolPolicy Read(PlanVersion plan) =>
        PolicyLoader.LoadText(plan.Content, plan.FileName, PolicyReadings.FromJson(plan.Readings));
}
