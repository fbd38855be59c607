namespace Compensation.Reports.Tests.Support;

/// <summary>One renderer for the whole run: PDFsharp's font resolver is process-wide.</summary>
public static class Render
{
    private static readonly Lazy<PdfReports> Instance = new(() => new PdfReports());

    public static PdfReports Pdf => Instance.Value;

    /// <summary>The notice dates used throughout: published the Monday after the term, for a week.</summary>
    public static NoticeDetails Notice(Sample sample) =>
        new(sample.Settlement.TermEnd.AddDays(3), sample.Settlement.TermEnd.AddDays(3), sample.Settlement.TermEnd.AddDays(9));
}
