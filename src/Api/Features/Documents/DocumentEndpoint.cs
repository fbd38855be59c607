using Compensation.Api.Services;

namespace Compensation.Api.Features.Documents;

/// <summary>An endpoint that answers a file: application/pdf or the workbook's content type, with a file name.</summary>
public abstract class DocumentEndpoint<TRequest> : ApiEndpoint<TRequest, byte[]> where TRequest : notnull
{
    protected const string Pdf = "application/pdf";
    protected const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    protected DocumentSource Documents => Resolve<DocumentSource>();

    protected async Task SendFileAsync(byte[] bytes, string contentType, string fileName, CancellationToken ct)
    {
        HttpContext.Response.ContentType = contentType;
        HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        HttpContext.Response.ContentLength = bytes.Length;
        await HttpContext.Response.Body.WriteAsync(bytes, ct);
    }
}
