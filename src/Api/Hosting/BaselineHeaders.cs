using Microsoft.Net.Http.Headers;

namespace Compensation.Api.Hosting;

/// <summary>
/// Headers every response carries, whoever writes it (an endpoint, the error handler, Swagger): no content
/// sniffing; not stored by any cache unless the route says otherwise, since most answers hold names or amounts;
/// the HR pay feed <c>private, no-cache</c> with <c>Vary: X-Api-Key</c>, so an HR client keeps its copy and
/// revalidates it with If-None-Match, and no shared cache hands one key's answer to another; the Swagger UI
/// loads only its own scripts and cannot be framed. Kestrel's <c>Server</c> header is off (ServiceHost).
/// </summary>
public static class BaselineHeaders
{
    /// <summary>What Swagger UI needs and no more: its own scripts and styles (React sets inline styles), data: icons, its own API.</summary>
    public const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Use(WebApplication app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var path = http.Request.Path;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (path.StartsWithSegments("/api/pay", StringComparison.Ordinal))
                {
                    headers.CacheControl = "private, no-cache";
                    headers.Append(HeaderNames.Vary, Auth.ApiKeys.Header);
                }
                else if (string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                if (path.StartsWithSegments("/swagger", StringComparison.Ordinal) && !path.Value!.EndsWith(".json", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = SwaggerUiPolicy;
                    headers.XFrameOptions = "DENY";
                }

                headers.Remove(HeaderNames.Server);
                return Task.CompletedTask;
            });
            return next(http);
        });
}
