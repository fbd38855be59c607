using System.Security.Claims;

namespace Compensation.Api.Auth;

/// <summary>A key of school A never sees school B: callers answer 404 when this says no.</summary>
public static class SchoolAccess
{
    public static bool CanSee(this ClaimsPrincipal user, string schoolId) =>
        user.IsInRole(Roles.Admin) || user.FindFirstValue(Roles.SchoolClaim) == schoolId;

    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
