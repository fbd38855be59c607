using Compensation.Api.Features.Facts.Import;
using Compensation.Api.Services;

namespace Compensation.Api.Features.Facts.Template;

public sealed class GetFactsTemplate : ApiEndpoint<ImportFactsRequest, byte[]>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/facts/template.xlsx");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithName("getFactsTemplate").WithTags("Facts").Produces(200, typeof(byte[]), FactsWorkbook.ContentType).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "The Excel template for the term's facts";
            s.Description = "A 说明 sheet, then one sheet per kind of fact (校历调整, 报名学生, 考勤, 困难减免, 缴费, 财政补助, 教职工, 课时, 考核事件, 值守, 支出, 奖励) with Chinese headers that also carry the column names of docs/facts-format.md, and two grey example rows dated inside the term. Fill it and send it to the workbook import; example rows left as they are are refused.";
        });
    }

    protected override async Task Handle(ImportFactsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var bytes = FactsWorkbook.Template(term);
        HttpContext.Response.ContentType = FactsWorkbook.ContentType;
        HttpContext.Response.Headers.ContentDisposition = ContentDispositions.Attachment($"facts-{req.TermId}.xlsx");
        HttpContext.Response.ContentLength = bytes.Length;
        await HttpContext.Response.Body.WriteAsync(bytes, ct);
    }
}
