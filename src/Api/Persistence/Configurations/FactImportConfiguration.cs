using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class FactImportConfiguration : IEntityTypeConfiguration<FactImport>
{
    public void Configure(EntityTypeBuilder<FactImport> b)
    {
        b.ToTable("fact_imports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16).HasDefaultValue(Services.TermFactsStore.Kinds.Csv);
        b.HasIndex(x => new { x.TermId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.TermId, x.BodySha256 });
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId);
    }
}
