using Compensation.Api.Services;
using Compensation.Reports;

namespace Compensation.Api.Features.Documents;

/// <summary>An endpoint that answers a file: application/pdf or the workbook's content type, with a file name.</summary>
public abstract class DocumentEndpoint<TRequest> : ApiEndpoint<TRequest, byte[]> where TRequest : notnull
{
    protected const string Pdf = "application/pdf";
    protected const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The problem code of a PDF route when the report font is not installed on the server.</summary>
    public const string FontMissing = "font-missing";

    protected DocumentSource Documents => Resolve<DocumentSource>();

    /// <summary>The PDF renderer; without its font a 503 problem with the code font-missing and the message that says how to install it.</summary>
    protected PdfReports Reports
    {
        get
        {
            try
            {
                return Resolve<PdfReports>();
            }
            catch (ReportFontNotFoundException e)
            {
                Logger.LogError("{Route}: {Message}", HttpContext.Request.Path, e.Message);
                throw new ServiceError(503, FontMissing, e.Message);
            }
        }
    }

    /// <summary>Answers the file: a PDF to be shown (inline), a workbook to be saved (attachment), named as <see cref="ContentDispositions"/> writes it.</summary>
    protected async Task SendFileAsync(byte[] bytes, string contentType, string fileName, CancellationToken ct)
    {
        HttpContext.Response.ContentType = contentType;
        HttpContext.Response.Headers.ContentDisposition = contentType == Pdf ? ContentDispositions.Inline(fileName) : ContentDispositions.Attachment(fileName);
        HttpContext.Response.ContentLength = bytes.Length;
        await HttpContext.Response.Body.WriteAsync(bytes, ct);
    }
}
