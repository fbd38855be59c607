namespace Compensation.Api.Services;

/// <summary>
/// How much the service keeps in memory (configuration section Caches): every cache is a kind of entry in the one
/// size-limited <see cref="Microsoft.Extensions.Caching.Memory.IMemoryCache"/>, each entry sized by an estimate of the
/// memory it holds, in bytes (<see cref="ServiceCache"/>).
/// </summary>
public sealed class CacheLimits
{
    public const string Section = "Caches";

    /// <summary>
    /// Measured on the benchmark's generated term (3,000 students): its facts took about 170 bytes a fact.
    /// A large term's facts (some 380,000 with every attendance row) are thus some 75 MB.
    /// </summary>
    public const long BytesPerFact = 200;

    /// <summary>
    /// Measured on the same term: the settlement read back from its JSON took about 5.3 bytes of memory per
    /// character of the JSON (most of it the explanation of every line).
    /// </summary>
    public const long BytesPerResultJsonByte = 6;

    /// <summary>A plan's parsed policy, per character of its text: a plan is a few KiB, so this is generous on purpose.</summary>
    public const long BytesPerPolicyChar = 16;

    /// <summary>The most all entries together may hold, in estimated bytes (Caches:SizeLimit; 512 MiB).</summary>
    public long SizeLimit { get; set; } = 512L * 1024 * 1024;
}
