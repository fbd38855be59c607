using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class FactFileConfiguration : IEntityTypeConfiguration<FactFile>
{
    public void Configure(EntityTypeBuilder<FactFile> b)
    {
        b.ToTable("fact_files");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TermId, x.FileName, x.Current });
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId);
        b.HasOne<FactImport>().WithMany().HasForeignKey(x => x.ImportId);
    }
}
