using Compensation.Reports;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Cli;

/// <summary>
/// Writes a settlement's documents to a folder: the public notice, every staff member's and family's
/// statement, and the accountant's workbook. The notice is dated the term's last day and posted for
/// a week from then unless the caller says otherwise; nothing reads the clock. The caller makes the
/// renderer first (<see cref="PdfReports"/> fails when the font is missing), so a missing font leaves
/// no folder behind.
/// </summary>
public static class DocumentsWriter
{
    public static IReadOnlyList<string> Write(PdfReports pdf, SettlementResult result, SchoolPolicy policy, TermFacts facts, string folder, DateOnly? noticeDate)
    {
        Directory.CreateDirectory(folder);
        var date = noticeDate ?? result.TermEnd;
        var written = new List<string>();
        void Save(string name, byte[] bytes)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }

        Save("notice.pdf", pdf.PublicNotice(result, policy, new NoticeDetails(date, date, date.AddDays(6))));
        foreach (var s in result.Staff)
        {
            Save($"staff-{s.StaffId}.pdf", pdf.StaffStatement(result, policy, s.StaffId, facts.Conduct));
        }

        foreach (var f in result.Families)
        {
            Save($"family-{f.StudentId}.pdf", pdf.FamilyStatement(result, policy, f.StudentId));
        }

        Save("workbook.xlsx", AccountantWorkbook.Build(result, policy));
        return written;
    }
}
