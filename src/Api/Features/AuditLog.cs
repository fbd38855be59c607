using Compensation.Api.Auth;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;

namespace Compensation.Api.Features;

/// <summary>The append-only audit log: who did what, when, with the request id and the outcome.</summary>
public static class AuditLog
{
    private const string Written = "compensation.audit-written";

    /// <summary>Whether this request has its audit entry already.</summary>
    public static bool IsWritten(HttpContext http) => http.Items.ContainsKey(Written);

    /// <summary>Marks the request as audited elsewhere (a denial counted in a batch row).</summary>
    public static void MarkWritten(HttpContext http) => http.Items[Written] = true;

    public static async Task WriteAsync(AppDb db, TimeProvider clock, HttpContext http, string action, string target, string outcome)
    {
        http.Items[Written] = true;
        db.ChangeTracker.Clear();
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = http.User.Actor(),
            Action = action,
            Target = target,
            Outcome = outcome,
            RequestId = http.TraceIdentifier,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
