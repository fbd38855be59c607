using PdfSharp;
using PdfSharp.Fonts;

namespace Compensation.Reports.Pdf;

/// <summary>
/// PDFsharp's licence and font resolver are process-wide and may be set only once (its documentation:
/// "must be called only once and before any font operation"), so every renderer goes through here.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static ReportFontResolver? installed;

    public static void Use(ReportFontResolver fonts)
    {
        lock (Gate)
        {
            if (installed is null)
            {
                PdfSharpLicense.SetAgplLicense();
                if (GlobalFontSettings.FontResolver is not null)
                {
                    throw new InvalidOperationException("another font resolver is already installed in PDFsharp; the reports need theirs (LXGW WenKai)");
                }

                GlobalFontSettings.FontResolver = fonts;
                installed = fonts;
                return;
            }

            // PDFsharp caches fonts by face name, so a second set of files could never take effect: refuse it clearly.
            if (!installed.UsesSameFilesAs(fonts))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already uses the report fonts from {installed.RegularPath}; fonts from {fonts.RegularPath} cannot be used in the same process");
            }
        }
    }
}
