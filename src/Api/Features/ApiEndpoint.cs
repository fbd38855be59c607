using Compensation.Api.Auth;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features;

/// <summary>
/// Base of the service's endpoints: turns refused requests (<see cref="ServiceError"/>) and bad input
/// (<see cref="InputException"/>) into problem responses, writes the audit log, and resolves
/// school and term under the rule that a key of one school never sees another (404).
/// </summary>
public abstract class ApiEndpoint<TRequest, TResponse> : Endpoint<TRequest, TResponse> where TRequest : notnull
{
    protected AppDb Db => Resolve<AppDb>();

    protected TimeProvider Clock => Resolve<TimeProvider>();

    protected SettlementService Settlements => Resolve<SettlementService>();

    protected TermFactsStore FactsStore => Resolve<TermFactsStore>();

    /// <summary>The action's name in the audit log (e.g. "facts.import"); null for reads, which are not audited.</summary>
    protected virtual string? AuditAction => null;

    /// <summary>What the audit log should say beyond the outcome (e.g. a correction's reason and the facts it changed).</summary>
    protected string? AuditNote { get; set; }

    /// <summary>The school this key may not see, when the request named one: a refused authorisation, answered as not found.</summary>
    private string? RefusedSchool { get; set; }

    public sealed override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        string outcome;
        try
        {
            await Handle(req, ct);
            outcome = "ok " + HttpContext.Response.StatusCode + (AuditNote is null ? "" : "; " + AuditNote);
        }
        catch (ServiceError e)
        {
            outcome = $"refused {e.Status} {e.Code}";
            await Problems.WriteAsync(HttpContext, e);
        }
        catch (InputException e)
        {
            outcome = $"refused 400 bad-input ({e.Errors.Count} problems)";
            await Problems.WriteAsync(HttpContext, 400, "bad-input", "the input has problems; nothing was changed", e.Errors);
        }

        if (AuditAction is { } action)
        {
            await AuditLog.WriteAsync(Db, Clock, HttpContext, action, HttpContext.Request.Path, outcome);
        }
        else if (RefusedSchool is { } school)
        {
            // A read of another school's data is refused like a missing one (404), and logged like any refused authorisation.
            await AuditLog.WriteAsync(Db, Clock, HttpContext, "denied", HttpContext.Request.Method + " " + HttpContext.Request.Path, $"{outcome}: the key may not see school {school}");
        }
    }

    protected abstract Task Handle(TRequest req, CancellationToken ct);

    protected async Task<School> SchoolAsync(string schoolId, CancellationToken ct)
    {
        if (!User.CanSee(schoolId))
        {
            RefusedSchool = schoolId;
            throw ServiceError.NotFound($"school {schoolId}");
        }

        return await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw ServiceError.NotFound($"school {schoolId}");
    }

    protected async Task<Term> TermAsync(string schoolId, string termId, CancellationToken ct)
    {
        await SchoolAsync(schoolId, ct);
        return await Db.Terms.AsNoTracking().SingleOrDefaultAsync(t => t.SchoolId == schoolId && t.TermId == termId, ct)
            ?? throw ServiceError.NotFound($"term {termId} of school {schoolId}");
    }

    /// <summary>Sends a 201 answer with a Location header: the API path of what was created, its parts escaped.</summary>
    protected async Task SendCreatedAsync(TResponse response, CancellationToken ct, params string[] path)
    {
        HttpContext.Response.Headers.Location = HttpContext.Request.PathBase + "/api/" + string.Join('/', path.Select(Uri.EscapeDataString));
        await Send.ResponseAsync(response, 201, ct);
    }

    /// <summary>A change sent again answers 200 and creates nothing; otherwise 201 with the Location of <paramref name="path"/>.</summary>
    protected Task SendCreatedUnlessRepeatedAsync(TResponse response, bool repeated, CancellationToken ct, params string[] path) =>
        repeated ? Send.ResponseAsync(response, 200, ct) : SendCreatedAsync(response, ct, path);

    protected async Task SendJsonAsync(byte[] utf8Json, CancellationToken ct)
    {
        HttpContext.Response.ContentType = "application/json; charset=utf-8";
        HttpContext.Response.ContentLength = utf8Json.Length;
        await HttpContext.Response.Body.WriteAsync(utf8Json, ct);
    }
}
