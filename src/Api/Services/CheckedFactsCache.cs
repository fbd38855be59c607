using Compensation.Rules.Facts;

namespace Compensation.Api.Services;

/// <summary>
/// The facts of recently stored fact files, checked and built, by the SHA-256 of every file, in the service's memory
/// cache (<see cref="ServiceCache"/>). Reading and checking a large term's files (some 300,000 rows) takes longer than
/// settling it, and the same files are read by the import that brings them, the draft, the finalisation and the
/// statements. Building facts is a pure function of the files' bytes, and <see cref="TermFacts"/> is immutable, so an
/// entry found by its files' hashes is exactly what reading the files again would give.
/// </summary>
public sealed class CheckedFactsCache(ServiceCache cache)
{
    private const string Kind = "checked-facts";

    /// <summary>The key of a set of files: each file's name and SHA-256, in name order.</summary>
    public static string KeyOf(IEnumerable<(string FileName, string Sha256)> files) =>
        Hashing.Sha256(string.Join("\n", files.OrderBy(f => f.FileName, StringComparer.Ordinal).Select(f => f.FileName + ":" + f.Sha256)));

    public bool TryGet(string key, out TermFacts facts)
    {
        if (cache.TryGet<TermFacts>(Kind, key, out var kept))
        {
            facts = kept;
            return true;
        }

        facts = null!;
        return false;
    }

    public void Add(string key, TermFacts facts) =>
        cache.Set(Kind, key, facts, facts.Kinds().Sum(kind => (long)kind.Count) * CacheLimits.BytesPerFact);
}
