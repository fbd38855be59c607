using Compensation.Api.Auth;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Hosting;

/// <summary>
/// Before the service takes requests: applies migrations, creates the first admin key (printed once,
/// stored only as a hash) and, unless Demo:Enabled is false, loads and settles the demo school.
/// When the server listens it prints where to look.
/// </summary>
public sealed class StartupService(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime, IServer server, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync(cancellationToken);
        var newAdminKey = await EnsureAdminKeyAsync(db, cancellationToken);
        DemoSchool.Result? demo = null;
        if (!string.Equals(config["Demo:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            demo = await new DemoSchool(db, clock, scope.ServiceProvider.GetRequiredService<TermFactsStore>(), scope.ServiceProvider.GetRequiredService<SettlementService>()).EnsureAsync(config["Demo:Sample"], cancellationToken);
        }

        lifetime.ApplicationStarted.Register(() => Announce(newAdminKey, demo));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string?> EnsureAdminKeyAsync(AppDb db, CancellationToken ct)
    {
        if (await db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin, ct))
        {
            return null;
        }

        var key = config["Auth:InitialAdminKey"] is { Length: > 0 } given ? given : ApiKeys.NewKey();
        db.ApiKeys.Add(new ApiKey { Name = "admin", Hash = ApiKeys.Hash(key), Role = Roles.Admin, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    private void Announce(string? adminKey, DemoSchool.Result? demo)
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ServiceHost.DefaultUrl;
        var w = Console.Out;
        w.WriteLine();
        w.WriteLine($"Compensation is listening on {url}");
        w.WriteLine($"  OpenAPI UI:       {url}/swagger");
        w.WriteLine($"  OpenAPI document: {url}/swagger/v1/swagger.json");
        if (demo is not null)
        {
            w.WriteLine($"  demo settlement:  {url}/api/schools/{demo.SchoolId}/terms/{demo.TermId}/settlements/{demo.RunId}");
            w.WriteLine($"  published accounts (committee): {url}/api/published/schools/{demo.SchoolId}/terms/{demo.TermId}");
            w.WriteLine($"  HR pay feed:      {url}/api/pay?school={demo.SchoolId}&term={demo.TermId}");
            w.WriteLine($"  documents:        {url}/api/schools/{demo.SchoolId}/terms/{demo.TermId}/settlements/{demo.RunId}/documents/notice.pdf (and /workbook.xlsx)");
            w.WriteLine($"  committee pages (browser, committee key): {url}/published/schools/{demo.SchoolId}/terms/{demo.TermId}");
        }

        if (adminKey is not null)
        {
            w.WriteLine();
            w.WriteLine("The first admin API key (shown once; it is stored only as a hash). Send it as the X-Api-Key header:");
            w.WriteLine($"  {adminKey}");
        }

        w.WriteLine();
    }
}
