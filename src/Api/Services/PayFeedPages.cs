namespace Compensation.Api.Services;

/// <summary>
/// Pages of the HR pay feed as sent (the JSON bytes and their ETag), by the request and the final settlements they
/// were read from, in the service's memory cache (<see cref="ServiceCache"/>). A final settlement and its pay lines
/// never change, and a newer finalisation is another settlement, hence another key: a page found here is exactly what
/// reading the database again would give. Payroll systems poll the same pages over and over; this spares the database
/// and the serializer.
/// </summary>
public sealed class PayFeedPages(ServiceCache cache)
{
    private const string Kind = "pay-feed-page";

    public sealed record Page(byte[] Json, string ETag);

    public bool TryGet(string key, out Page page)
    {
        if (cache.TryGet<Page>(Kind, key, out var kept))
        {
            page = kept;
            return true;
        }

        page = null!;
        return false;
    }

    public void Add(string key, Page page) => cache.Set(Kind, key, page, page.Json.LongLength + (2L * page.ETag.Length));
}
