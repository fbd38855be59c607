using System.Security.Cryptography;
using System.Text;

namespace Compensation.Api.Auth;

/// <summary>API keys are random, shown once, and stored only as their SHA-256.</summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public static string NewKey() => "cmp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
