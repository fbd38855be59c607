using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;

namespace Compensation.Api.Hosting;

/// <summary>
/// Failed authentications (401: no key, or a key that is not known) are cheap for the service and slow for the
/// caller. Each client address may fail Limits:FailedAuthentications times (default 100) in a window of
/// Limits:FailedAuthenticationWindowSeconds (default 60); past that, its requests that do not carry a valid key
/// get 429 <c>too-many-failed-authentications</c> with Retry-After until the window ends. A request with a valid
/// key is never held back. The denials are counted in memory and written to the audit log as one row per client
/// every Limits:DeniedAuditSeconds (default 60) and at shutdown, not one synchronous write per request.
/// </summary>
public sealed class FailedAuthentications : BackgroundService
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;
    private readonly TimeSpan _flushEvery;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<FailedAuthentications> _log;
    private ConcurrentDictionary<string, Denials> _pending = new(StringComparer.Ordinal);

    public FailedAuthentications(IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider clock, ILogger<FailedAuthentications> log)
    {
        var limit = configuration.GetValue<int?>("Limits:FailedAuthentications") ?? 100;
        _window = TimeSpan.FromSeconds(configuration.GetValue<double?>("Limits:FailedAuthenticationWindowSeconds") ?? 60);
        _flushEvery = TimeSpan.FromSeconds(configuration.GetValue<double?>("Limits:DeniedAuditSeconds") ?? 60);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = _window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _scopes = scopes;
        _clock = clock;
        _log = log;
    }

    /// <summary>The middleware: after authentication, before authorisation (which answers the 401s it counts).</summary>
    public static void Use(WebApplication app) =>
        app.Use(async (http, next) =>
        {
            var self = http.RequestServices.GetRequiredService<FailedAuthentications>();
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (http.User.Identity?.IsAuthenticated != true && self.RetryAfter(client) is { } wait)
            {
                self.Record(client, http, throttled: true);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Features.Problems.WriteAsync(http, 429, "too-many-failed-authentications",
                    $"too many failed authentications from this address; try again in {seconds} s", []);
                return;
            }

            await next(http);
            if (http.Response.StatusCode == 401)
            {
                using var _ = self._limiter.AttemptAcquire(client, 1);
                self.Record(client, http, throttled: false);
            }
        });

    /// <summary>How long the client must wait, or null when it may still fail.</summary>
    private TimeSpan? RetryAfter(string client)
    {
        using var lease = _limiter.AttemptAcquire(client, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
    }

    private void Record(string client, HttpContext http, bool throttled)
    {
        var now = _clock.GetUtcNow();
        var denials = _pending.GetOrAdd(client, _ => new Denials(now, http.TraceIdentifier));
        denials.Add(now, throttled);
        Features.AuditLog.MarkWritten(http);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_flushEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    public override void Dispose()
    {
        _limiter.Dispose();
        base.Dispose();
    }

    /// <summary>One audit row per client with the denials counted since the last flush.</summary>
    private async Task FlushAsync()
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, Denials>(StringComparer.Ordinal));
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            foreach (var (client, d) in batch.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                db.Audit.Add(new AuditEntry
                {
                    At = d.Last,
                    Actor = "anonymous",
                    Action = "denied",
                    Target = "client " + client,
                    Outcome = string.Create(CultureInfo.InvariantCulture,
                        $"refused 401 × {d.Failed}{(d.Throttled > 0 ? $", 429 × {d.Throttled}" : "")} from {d.First:yyyy-MM-ddTHH:mm:ssZ} to {d.Last:yyyy-MM-ddTHH:mm:ssZ}"),
                    RequestId = d.FirstRequest,
                });
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            _log.LogError(e, "The denials of {Clients} client addresses could not be written to the audit log", batch.Count);
        }
    }

    private sealed class Denials(DateTimeOffset first, string firstRequest)
    {
        private readonly Lock _lock = new();

        public DateTimeOffset First { get; } = first;

        public string FirstRequest { get; } = firstRequest;

        public DateTimeOffset Last { get; private set; } = first;

        public int Failed { get; private set; }

        public int Throttled { get; private set; }

        public void Add(DateTimeOffset at, bool throttled)
        {
            lock (_lock)
            {
                Last = at > Last ? at : Last;
                if (throttled)
                {
                    Throttled++;
                }
                else
                {
                    Failed++;
                }
            }
        }
    }
}
