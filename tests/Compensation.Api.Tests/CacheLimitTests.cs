using Compensation.Api.Services;
using Compensation.Rules.Facts.Loading;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compensation.Api.Tests;

/// <summary>
/// The service's caches are entries of one size-limited memory cache (Caches:SizeLimit): an entry beyond the limit
/// evicts the least recently used ones instead of the cache growing without bound.
/// </summary>
public sealed class CacheLimitTests
{
    [Fact]
    public void AnEntryBeyondTheLimit_EvictsTheOldest_AndTheCacheStaysWithinTheLimit()
    {
        // Limit 100, entries of 40: a and b make 80; c would make 120 > 100, so a (the least recently used) goes: 80.
        var (cache, memory) = NewCache(100);
        Add(cache, "a", 40);
        Add(cache, "b", 40);
        Add(cache, "c", 40);
        Assert.False(cache.TryGet<string>("test", "a", out _));
        Assert.True(cache.TryGet<string>("test", "b", out _));
        Assert.True(cache.TryGet<string>("test", "c", out _));
        Assert.Equal(80, memory.GetCurrentStatistics()!.CurrentEstimatedSize);
    }

    [Fact]
    public void AnEntryReadSinceTheOthers_IsKept_AndTheLeastRecentlyUsedGoes()
    {
        // a and b (80); a is read, so b is the least recently used when c (40) needs room.
        var (cache, _) = NewCache(100);
        Add(cache, "a", 40);
        Add(cache, "b", 40);
        Assert.True(cache.TryGet<string>("test", "a", out _));
        Thread.Sleep(2);
        Add(cache, "c", 40);
        Assert.True(cache.TryGet<string>("test", "a", out _));
        Assert.False(cache.TryGet<string>("test", "b", out _));
        Assert.True(cache.TryGet<string>("test", "c", out _));
    }

    [Fact]
    public void AnEntryLargerThanTheWholeLimit_IsNotKept_AndEvictsNothing()
    {
        var (cache, memory) = NewCache(100);
        Add(cache, "a", 40);
        Add(cache, "huge", 101);
        Assert.False(cache.TryGet<string>("test", "huge", out _));
        Assert.True(cache.TryGet<string>("test", "a", out _));
        Assert.Equal(40, memory.GetCurrentStatistics()!.CurrentEstimatedSize);
    }

    [Fact]
    public void TheServicesCaches_ShareOneLimit_FromCachesSizeLimit()
    {
        // The 埇桥 sample's checked facts are sized at 200 bytes a fact (F); the limit is F + 500. Pay feed pages of
        // 100 bytes with a 3-character ETag are 100 + 2 × 3 = 106 each: four (424) fit beside the facts, a fifth
        // (530 > 500) evicts the facts, the least recently used entry.
        var facts = FactsLoader.LoadFolder(Path.Combine(Service.Root, "rules-samples", "yongqiao-002-s1", "facts"));
        var factsSize = facts.Kinds().Sum(k => (long)k.Count) * 200;
        using var service = new Service(settings: new Dictionary<string, string> { ["Caches:SizeLimit"] = (factsSize + 500).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var checkedFacts = service.Services.GetRequiredService<CheckedFactsCache>();
        var pages = service.Services.GetRequiredService<PayFeedPages>();
        var memory = Assert.IsType<MemoryCache>(service.Services.GetRequiredService<IMemoryCache>());

        checkedFacts.Add("term", facts);
        Assert.Equal(factsSize, memory.GetCurrentStatistics()!.CurrentEstimatedSize);
        for (var i = 1; i <= 4; i++)
        {
            Thread.Sleep(2);
            pages.Add($"page {i}", new PayFeedPages.Page(new byte[100], "\"e\""));
        }

        // Still held: the facts and four pages (reading the facts here would make them the most recently used).
        Assert.Equal(factsSize + 424, memory.GetCurrentStatistics()!.CurrentEstimatedSize);

        Thread.Sleep(2);
        pages.Add("page 5", new PayFeedPages.Page(new byte[100], "\"e\""));
        Assert.False(checkedFacts.TryGet("term", out _));
        Assert.All(Enumerable.Range(1, 5), i => Assert.True(pages.TryGet($"page {i}", out _)));
        Assert.Equal(530, memory.GetCurrentStatistics()!.CurrentEstimatedSize);
    }

    private static void Add(ServiceCache cache, string id, long size)
    {
        cache.Set("test", id, id.ToUpperInvariant(), size);

        // Least recently used is told by the time of each entry's last use: entries added apart are told apart.
        Thread.Sleep(2);
    }

    private static (ServiceCache Cache, MemoryCache Memory) NewCache(long sizeLimit)
    {
        var limits = new CacheLimits { SizeLimit = sizeLimit };
        var options = new MemoryCacheOptions();
        ServiceCache.Configure(options, limits);
        var memory = new MemoryCache(Options.Create(options));
        return (new ServiceCache(memory, Options.Create(limits)), memory);
    }
}
