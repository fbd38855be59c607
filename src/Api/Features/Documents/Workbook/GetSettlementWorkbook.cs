using Compensation.Reports;

namespace Compensation.Api.Features.Documents.Workbook;

public sealed class GetSettlementWorkbook : DocumentEndpoint<RunDocumentRequest>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/settlements/{RunId}/documents/workbook.xlsx");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getSettlementWorkbook").WithTags("Documents").Produces(200, typeof(byte[]), Xlsx).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The accountant's Excel workbook of a saved settlement";
            s.Description = "Sheets 收支, 家庭, 教职工, 扣除, 提示, 说明; Chinese headers, frozen header rows, amounts in yuan, totals as formulas.";
        });
    }

    protected override async Task Handle(RunDocumentRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var d = await Documents.LoadAsync(term, req.RunId, ct);
        await SendFileAsync(AccountantWorkbook.Build(d.Result, d.Policy), Xlsx, $"settlement-{req.TermId}-{req.RunId}.xlsx", ct);
    }
}
