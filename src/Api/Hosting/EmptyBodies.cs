namespace Compensation.Api.Hosting;

/// <summary>
/// An empty body is no body, whatever its Content-Type says. Clients generated from the OpenAPI document (NSwag's among
/// them) send a POST without a request body, such as preview, draft or finalise, as zero bytes labelled
/// application/json; read as JSON those would be a 400, so the label is dropped, and the request is the one curl -X POST sends.
/// </summary>
public static class EmptyBodies
{
    public static void Use(WebApplication app) =>
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength == 0 && http.Request.HasJsonContentType())
            {
                http.Request.ContentType = null;
            }

            return next(http);
        });
}
