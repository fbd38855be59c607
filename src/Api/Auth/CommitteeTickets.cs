using Microsoft.AspNetCore.DataProtection;

namespace Compensation.Api.Auth;

/// <summary>
/// What the committee's sign-in cookie holds: not the key, but a ticket signed and encrypted by the service
/// (ASP.NET Core data protection) that names the key by its hash and expires after Auth:CommitteeSignInHours
/// (default 12). A copied cookie therefore never reveals the key, stops working when it expires, and cannot be
/// forged or made to name another key.
/// </summary>
public sealed class CommitteeTickets(IDataProtectionProvider provider, IConfiguration configuration)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Compensation.CommitteeSignIn.v1").ToTimeLimitedDataProtector();

    public TimeSpan Lifetime { get; } = TimeSpan.FromHours(configuration.GetValue<double?>("Auth:CommitteeSignInHours") ?? 12);

    public string Issue(string keyHash) => _protector.Protect(keyHash, Lifetime);

    /// <summary>The key hash a ticket names, or null for a ticket that is expired, altered or not one of ours.</summary>
    public string? Read(string ticket)
    {
        try
        {
            return _protector.Unprotect(ticket);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
