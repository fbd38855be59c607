using Compensation.Api.Auth;
using Compensation.Api.Persistence;
using Compensation.Rules.Settlement;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Hosting;

/// <summary>
/// Builds the HTTP service: FastEndpoints under /api, API-key authentication, the database chosen by
/// configuration (Data:Provider = sqlite, the default, with Data:Sqlite the file; or postgres with
/// ConnectionStrings:Postgres), OpenAPI at /swagger. Start-up work (migrations, the first admin key,
/// the demo school) runs in <see cref="StartupService"/>.
/// </summary>
public static class ServiceHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        // appsettings.json travels with the program; the working directory is the caller's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Uploads larger than this are refused (UploadLimit; Limits:MaxUploadBytes, default 64 MiB).
        var maxUpload = builder.Configuration.GetValue<long?>("Limits:MaxUploadBytes") ?? 64L * 1024 * 1024;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxUpload + 1024 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxUpload);

        Services.FaultPoints.Configure(builder.Configuration["Testing:CrashAt"]);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        AddDatabase(builder);
        services.AddSingleton<ApiKeyCache>();
        services.AddDataProtection();
        services.AddSingleton<CommitteeTickets>();
        // One memory cache for every cache of the service, its size limited (Caches:SizeLimit): see Services.CacheLimits.
        var cacheLimits = CacheLimitsOf(builder.Configuration);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(cacheLimits));
        services.AddMemoryCache(o => Services.ServiceCache.Configure(o, cacheLimits));
        services.AddSingleton<Services.ServiceCache>();
        services.AddSingleton<Services.PlanPolicies>();
        services.AddSingleton<Services.SavedResults>();
        services.AddSingleton<Services.CheckedFactsCache>();
        services.AddSingleton<Services.PayFeedPages>();
        services.AddScoped<Services.TermFactsStore>();
        services.AddScoped<Services.SettlementService>();
        services.AddScoped<Services.DocumentSource>();
        // The report font's folder: Reports:FontDirectory, else COMPENSATION_FONT_DIR, else the system's font folders.
        var fontDirectory = builder.Configuration["Reports:FontDirectory"];
        services.AddSingleton(_ => new Reports.PdfReports(new Reports.ReportFontResolver(string.IsNullOrWhiteSpace(fontDirectory) ? null : fontDirectory)));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddFastEndpoints();
        services.AddEndpointsApiExplorer();
        OpenApi.AddTo(services);
        OpenApi.UseServiceJson(services);
        services.AddHostedService<StartupService>();
        services.AddSingleton<FailedAuthentications>();
        services.AddHostedService(sp => sp.GetRequiredService<FailedAuthentications>());

        var app = builder.Build();

        BaselineHeaders.Use(app);
        ErrorResponses.Use(app);

        // Refused requests are audited too, who (if anyone) tried what: a refused authorisation (403; failed authentications,
        // 401 and 429, are counted per client and written in batches by FailedAuthentications), and a change refused before
        // an endpoint could audit it (a body too large, of the wrong type, or that does not bind).
        app.Use(async (http, next) =>
        {
            var change = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
            try
            {
                await next(http);
            }
            catch (Exception e) when (change && e is not BadHttpRequestException && !Features.AuditLog.IsWritten(http))
            {
                // A change that ends in a 500 is traceable: its audit row has the request id the answer and the log carry.
                await AuditFailureAsync(http);
                throw;
            }

            var status = http.Response.StatusCode;
            if (!Features.AuditLog.IsWritten(http) && (status is 401 or 403 || (change && status is >= 400 and < 500)))
            {
                using var scope = http.RequestServices.CreateScope();
                await Features.AuditLog.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                    http, status is 401 or 403 ? "denied" : "refused", http.Request.Method + " " + http.Request.Path, "refused " + status);
            }
        });
        UploadLimit.Use(app, maxUpload);
        EmptyBodies.Use(app);
        app.UseAuthentication();
        FailedAuthentications.Use(app);
        app.UseAuthorization();
        TextBodies.Use(app);
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            ErrorResponses.Configure(c);
            SettlementJson.Apply(c.Serializer.Options);
        });
        OpenApi.Use(app);
        return app;
    }

    private static async Task AuditFailureAsync(HttpContext http)
    {
        try
        {
            using var scope = http.RequestServices.CreateScope();
            await Features.AuditLog.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                http, "failed", http.Request.Method + " " + http.Request.Path, "failed 500 internal-error");
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The database itself may be what failed; the log still has the request id (ErrorResponses).
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Compensation.Api.Failures")
                .LogError(e, "Request {RequestId}: its failure could not be written to the audit log", http.TraceIdentifier);
        }
    }

    /// <summary>Caches:SizeLimit, a whole number of bytes above 0 (512 MiB when not given).</summary>
    private static Services.CacheLimits CacheLimitsOf(IConfiguration configuration)
    {
        var key = Services.CacheLimits.Section + ":" + nameof(Services.CacheLimits.SizeLimit);
        var limits = new Services.CacheLimits();
        if (configuration[key] is not { } text)
        {
            return limits;
        }

        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
        {
            throw new StartupProblem($"{key} is '{text}': give the most the service may keep in memory as a whole number of bytes above 0, e.g. --{key} {limits.SizeLimit} (512 MiB, the default)");
        }

        limits.SizeLimit = bytes;
        return limits;
    }

    /// <summary>Contexts are pooled: the HR feed and the committee pages make one per request, many a second.</summary>
    private static void AddDatabase(WebApplicationBuilder builder)
    {
        var provider = (builder.Configuration["Data:Provider"] ?? "sqlite").ToLowerInvariant();
        switch (provider)
        {
            case "sqlite":
                var path = Path.GetFullPath(builder.Configuration["Data:Sqlite"] ?? Path.Combine("data", "compensation.db"));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                builder.Services.AddDbContextPool<SqliteDb>(o => o.UseSqlite($"Data Source={path}").AddInterceptors(new SqlitePragmas()));
                builder.Services.AddScoped<AppDb>(sp => sp.GetRequiredService<SqliteDb>());
                break;
            case "postgres":
                var connection = builder.Configuration.GetConnectionString("Postgres")
                    ?? throw new StartupProblem("Data:Provider is postgres but ConnectionStrings:Postgres is not set: give it, e.g. --ConnectionStrings:Postgres \"Host=127.0.0.1;Database=compensation;Username=postgres;Password=postgres\", or start with bash scripts/main.sh --postgres");
                builder.Services.AddDbContextPool<PostgresDb>(o => o.UseNpgsql(connection));
                builder.Services.AddScoped<AppDb>(sp => sp.GetRequiredService<PostgresDb>());
                break;
            default:
                throw new StartupProblem($"Data:Provider '{provider}' is not supported; use sqlite or postgres");
        }
    }
}
