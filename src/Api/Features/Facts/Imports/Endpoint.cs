using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Features.Facts.Imports;

public sealed class ListImportsRequest
{
    public string SchoolId { get; set; } = "";
    public string TermId { get; set; } = "";
}

public sealed record ImportListItem(long ImportId, DateTimeOffset ImportedAt, string ImportedBy, string Files, string? IdempotencyKey);

public sealed class Endpoint : ApiEndpoint<ListImportsRequest, IReadOnlyList<ImportListItem>>
{
    public override void Configure()
    {
        Get("/schools/{SchoolId}/terms/{TermId}/imports");
        Roles(Auth.Roles.Admin, Auth.Roles.Accountant);
        Description(b => b.WithTags("Facts").Produces<IReadOnlyList<ImportListItem>>(200).ProducesProblem(404));
        Summary(s => s.Summary = "List the term's imports: who imported what, when");
    }

    protected override async Task Handle(ListImportsRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var rows = await Db.Imports.AsNoTracking().Where(i => i.TermId == term.Id).OrderBy(i => i.Id).ToListAsync(ct);
        await Send.OkAsync([.. rows.Select(i => new ImportListItem(i.Id, i.ImportedAt, i.ImportedBy, i.Summary, i.IdempotencyKey))], ct);
    }
}
