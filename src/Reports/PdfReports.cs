using Compensation.Reports.Pdf;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports;

/// <summary>
/// The PDF documents of a settled term: the public notice (公示), staff pay statements, family fee
/// statements and the school's internal list of family accounts. Each call returns the bytes of
/// one PDF; the same settlement and arguments always give the same bytes.
/// </summary>
public sealed class PdfReports
{
    /// <param name="fonts">Where LXGW WenKai is; null finds it (COMPENSATION_FONT_DIR, then the system's font folders).</param>
    /// <exception cref="ReportFontNotFoundException">The font is not installed.</exception>
    public PdfReports(ReportFontResolver? fonts = null)
    {
        PdfSharpSetup.Use(fonts ?? new ReportFontResolver());
    }

    /// <summary>课后服务经费收支情况公示: figures and counts only, no name, id or hardship status of anyone.</summary>
    public byte[] PublicNotice(SettlementResult settlement, SchoolPolicy policy, NoticeDetails notice)
    {
        notice.Validate();
        return Pdf.Documents.PublicNotice.Render(settlement, policy, notice);
    }

    /// <summary>教职工课后服务劳务报酬明细 of one staff member.</summary>
    /// <param name="conduct">The term's review events (TermFacts.Conduct), to show each deducted event's date and kind; optional.</param>
    public byte[] StaffStatement(SettlementResult settlement, SchoolPolicy policy, string staffId, IEnumerable<ConductEvent>? conduct = null) =>
        Pdf.Documents.StaffStatement.Render(settlement, policy, settlement.StaffMember(staffId), conduct ?? []);

    /// <summary>课后服务费结算单 of one student's family.</summary>
    public byte[] FamilyStatement(SettlementResult settlement, SchoolPolicy policy, string studentId) =>
        Pdf.Documents.FamilyStatement.Render(settlement, policy, settlement.Family(studentId));

    /// <summary>课后服务费家庭结算汇总表: every family's account on one list, for the school's own use (it names students).</summary>
    public byte[] FamilyRegister(SettlementResult settlement, SchoolPolicy policy) =>
        Pdf.Documents.FamilyRegister.Render(settlement, policy);
}
