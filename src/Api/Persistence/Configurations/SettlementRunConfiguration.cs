using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class SettlementRunConfiguration : IEntityTypeConfiguration<SettlementRun>
{
    public void Configure(EntityTypeBuilder<SettlementRun> b)
    {
        b.ToTable("settlement_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<int>().IsConcurrencyToken();

        // One final version number per term, and one "latest final" per term: the database decides which of two concurrent finalisations wins.
        b.HasIndex(x => new { x.TermId, x.FinalVersion }).IsUnique().HasFilter("\"FinalVersion\" > 0");
        b.HasIndex(x => new { x.TermId, x.LatestFinal }).IsUnique();
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId);
        b.HasOne<PlanVersion>().WithMany().HasForeignKey(x => x.PlanVersionId);
    }
}
