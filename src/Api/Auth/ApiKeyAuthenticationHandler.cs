using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Compensation.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compensation.Api.Auth;

/// <summary>Authenticates the X-Api-Key header against the stored hashes; the principal carries the key's name, role and school.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDb db,
    ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values.ToString().Trim());
        if (!cache.TryGet(hash, out var principal))
        {
            var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
            if (key is null)
            {
                return AuthenticateResult.Fail("unknown API key");
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, key.Role) };
            if (key.SchoolId is not null)
            {
                claims.Add(new Claim(Roles.SchoolClaim, key.SchoolId));
            }

            principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            cache.Set(hash, principal);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Keys are immutable once created, so a resolved key can be remembered for the life of the process.</summary>
public sealed class ApiKeyCache
{
    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _byHash = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out ClaimsPrincipal principal) => _byHash.TryGetValue(hash, out principal!);

    public void Set(string hash, ClaimsPrincipal principal) => _byHash[hash] = principal;
}
