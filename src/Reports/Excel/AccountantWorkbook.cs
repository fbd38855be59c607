using ClosedXML.Excel;
using Compensation.Reports.Excel;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Reports;

/// <summary>
/// The accountant's workbook of a settled term (ClosedXML): 收支 (ledger), 家庭 (families),
/// 教职工 (staff by month), 扣除 (deductions), 提示 (findings) and 说明 (explanations). Headers
/// are Chinese and frozen, amounts are numbers in yuan formatted #,##0.00, and totals are =SUM()
/// formulas stored with their values (the settlement's figures). No clock: the document dates are the term's end, and the same settlement gives the
/// same bytes. The rows of 家庭 and 说明, thousands and tens of thousands in a large school, are
/// streamed into the package after ClosedXML has saved it (<see cref="StreamedSheet"/>), which keeps
/// time and memory bounded.
/// </summary>
public static class AccountantWorkbook
{
    public static readonly IReadOnlyList<string> SheetNames =
        [LedgerSheet.Name, FamilySheet.Name, StaffSheet.Name, DeductionSheet.Name, FindingSheet.Name, ExplanationSheet.Name];

    public static byte[] Build(SettlementResult settlement, SchoolPolicy policy)
    {
        var date = new DateTime(settlement.TermEnd.Year, settlement.TermEnd.Month, settlement.TermEnd.Day, 0, 0, 0, DateTimeKind.Utc);
        var streamed = new List<StreamedSheet>();
        var formulas = new List<FormulaValues>();
        var package = Save(settlement, policy, date, streamed, formulas);
        return WorkbookDeterminism.Normalize(package, date, streamed, formulas);
    }

    /// <summary>
    /// The package as ClosedXML saves it, without the rows of <paramref name="streamed"/> (the workbook is let go before
    /// they are streamed in) and without the values of its formulas (in <paramref name="formulas"/>).
    /// </summary>
    private static byte[] Save(SettlementResult settlement, SchoolPolicy policy, DateTime date, List<StreamedSheet> streamed, List<FormulaValues> formulas)
    {
        using var workbook = new XLWorkbook();
        SheetWriter Sheet(string name, IReadOnlyList<SheetColumn> columns)
        {
            var sheet = new SheetWriter(workbook, name, columns);
            formulas.Add(sheet.Values);
            return sheet;
        }

        LedgerSheet.Write(Sheet(LedgerSheet.Name, LedgerSheet.Columns), settlement.Ledger);
        streamed.Add(FamilySheet.Write(Sheet(FamilySheet.Name, FamilySheet.Columns), settlement, policy));
        StaffSheet.Write(Sheet(StaffSheet.Name, StaffSheet.Columns), settlement);
        DeductionSheet.Write(Sheet(DeductionSheet.Name, DeductionSheet.Columns), settlement);
        FindingSheet.Write(Sheet(FindingSheet.Name, FindingSheet.Columns), settlement);
        streamed.Add(ExplanationSheet.Write(Sheet(ExplanationSheet.Name, ExplanationSheet.Columns), settlement));

        workbook.Properties.Created = date;
        workbook.Properties.Modified = date;
        workbook.Properties.Author = settlement.School;
        workbook.Properties.LastModifiedBy = "Compensation";
        workbook.Properties.Title = $"{settlement.School} 课后服务经费结算 {settlement.TermId}";
        workbook.Properties.Subject = settlement.Plan;

        // ClosedXML 0.95 writes formulas without cached values (FormulaValues adds them); the workbook's calcId (Excel 2007)
        // still makes Excel recalculate on opening.
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
