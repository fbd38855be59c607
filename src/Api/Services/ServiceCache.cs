using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Compensation.Api.Services;

/// <summary>
/// The service's caches as entries of the one <see cref="IMemoryCache"/>, whose size limit is
/// <see cref="CacheLimits.SizeLimit"/>: each entry is named by its kind and key and sized in estimated bytes. What is
/// kept is a pure function of its key (files, texts and outputs named by their SHA-256), so an entry found here is
/// exactly what reading it again would give, and one evicted is only read again.
/// </summary>
public sealed class ServiceCache(IMemoryCache cache, IOptions<CacheLimits> limits)
{
    private readonly record struct Key(string Kind, string Id);

    /// <summary>The options of the one memory cache: its size limit, and statistics so that room can be made.</summary>
    public static void Configure(MemoryCacheOptions options, CacheLimits limits)
    {
        options.SizeLimit = limits.SizeLimit;
        options.TrackStatistics = true;
    }

    public bool TryGet<T>(string kind, string id, [MaybeNullWhen(false)] out T value) where T : class
    {
        if (cache.TryGetValue(new Key(kind, id), out var found) && found is T kept)
        {
            value = kept;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Keeps a value, evicting the least recently used entries until it fits. The framework alone would refuse an
    /// entry that does not fit and compact in the background only down to 95% of the limit, so a large new entry
    /// (the term just imported) would not be kept while older ones fill the cache. A value larger than the whole
    /// limit is not kept.
    /// </summary>
    public void Set<T>(string kind, string id, T value, long size) where T : class
    {
        size = Math.Max(size, 1);
        var limit = limits.Value.SizeLimit;
        if (size > limit)
        {
            return;
        }

        if (cache is MemoryCache memory)
        {
            for (var entries = memory.Count; entries > 0 && memory.GetCurrentStatistics()?.CurrentEstimatedSize + size > limit; entries--)
            {
                // Compact removes a share of the entries, counted, least recently used first: 1.5 / n of n is one.
                memory.Compact(1.5 / Math.Max(memory.Count, 1));
            }
        }

        cache.Set(new Key(kind, id), value, new MemoryCacheEntryOptions { Size = size });
    }
}
