using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Compensation.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compensation.Api.Auth;

/// <summary>
/// Authenticates the X-Api-Key header against the stored hashes; the principal carries the key's name,
/// role and school. Without the header, a committee key may come from the committee pages' cookie
/// (<see cref="CookieName"/>, HttpOnly, SameSite=Strict), which holds a signed, expiring ticket
/// (<see cref="CommitteeTickets"/>), never the key. The cookie counts only for reads (GET, HEAD) of the
/// committee's pages and the published routes: a change, the audit log or the families' names always
/// need the header, so neither a page of another site nor a stolen cookie reaches them.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDb db,
    ApiKeyCache cache,
    CommitteeTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The cookie the committee pages' sign-in form stores the key in.</summary>
    public const string CookieName = "compensation_key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyFromHeader() is { } given)
        {
            var principal = await ResolveAsync(db, cache, given, Context.RequestAborted);
            return principal is null
                ? AuthenticateResult.Fail("unknown API key")
                : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        }

        // An expired or altered ticket is no sign-in at all: the pages send the browser to the form again.
        if (TicketFromCookie() is { } ticket && tickets.Read(ticket) is { } hash
            && await ResolveHashAsync(db, cache, hash, Context.RequestAborted) is { } committee && committee.IsInRole(Roles.Committee))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(committee, SchemeName));
        }

        return AuthenticateResult.NoResult();
    }

    /// <summary>Where the sign-in cookie counts: the committee's pages and the published routes of the API.</summary>
    public static bool IsCommitteeRoute(PathString path) =>
        path.StartsWithSegments("/published", StringComparison.Ordinal) || path.StartsWithSegments("/api/published", StringComparison.Ordinal);

    /// <summary>401 as application/problem+json: no key (code no-key), or a key that is not known (unknown-key).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        KeyFromHeader() is null
            ? Features.Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "no-key", $"this route needs an API key in the {ApiKeys.Header} header", [])
            : Features.Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unknown-key", "the API key is not known", []);

    /// <summary>403 as application/problem+json (code forbidden-role): the key is known, its role may not use the route.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "none";
        return Features.Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden-role", $"a key of the role {role} may not use this route", []);
    }

    /// <summary>The principal of a key (its name, role and school), or null for an unknown key.</summary>
    public static Task<ClaimsPrincipal?> ResolveAsync(AppDb db, ApiKeyCache cache, string key, CancellationToken ct) =>
        ResolveHashAsync(db, cache, ApiKeys.Hash(key.Trim()), ct);

    /// <summary>The principal of a key known by its hash, or null.</summary>
    public static async Task<ClaimsPrincipal?> ResolveHashAsync(AppDb db, ApiKeyCache cache, string hash, CancellationToken ct)
    {
        if (cache.TryGet(hash, out var principal))
        {
            return principal;
        }

        var stored = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, ct);
        if (stored is null)
        {
            return null;
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, stored.Name), new(ClaimTypes.Role, stored.Role) };
        if (stored.SchoolId is not null)
        {
            claims.Add(new Claim(Roles.SchoolClaim, stored.SchoolId));
        }

        principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        cache.Set(hash, principal);
        return principal;
    }

    private string? KeyFromHeader() =>
        Request.Headers.TryGetValue(ApiKeys.Header, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private string? TicketFromCookie() =>
        (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)) && IsCommitteeRoute(Request.Path)
        && Request.Cookies.TryGetValue(CookieName, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// Keys are immutable once created, so a resolved key can be remembered for the life of the process. It stays out of
/// the size-limited <see cref="Services.ServiceCache"/> and needs no limit: only keys found in the database are kept (an
/// unknown key sent by anyone is not), only an admin creates keys, and none is ever deleted, so it holds at most one
/// entry per row of the key table.
/// </summary>
public sealed class ApiKeyCache
{
    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _byHash = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out ClaimsPrincipal principal) => _byHash.TryGetValue(hash, out principal!);

    public void Set(string hash, ClaimsPrincipal principal) => _byHash[hash] = principal;
}
