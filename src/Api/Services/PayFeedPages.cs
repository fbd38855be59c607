using System.Collections.Concurrent;

namespace Compensation.Api.Services;

/// <summary>
/// Pages of the HR pay feed as sent (the JSON bytes and their ETag), by the request and the final settlements they
/// were read from. A final settlement and its pay lines never change, and a newer finalisation is another settlement,
/// hence another key: a page found here is exactly what reading the database again would give. Payroll systems poll
/// the same pages over and over; this spares the database and the serializer.
/// </summary>
public sealed class PayFeedPages
{
    /// <summary>Pages kept; at some 50 KiB a page, a few megabytes at most.</summary>
    private const int Capacity = 512;

    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public sealed record Page(byte[] Json, string ETag);

    public bool TryGet(string key, out Page page) => _pages.TryGetValue(key, out page!);

    public void Add(string key, Page page)
    {
        if (!_pages.TryAdd(key, page))
        {
            return;
        }

        _order.Enqueue(key);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _pages.TryRemove(old, out _);
        }
    }
}
