using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class SettlementOutputConfiguration : IEntityTypeConfiguration<SettlementOutput>
{
    public void Configure(EntityTypeBuilder<SettlementOutput> b)
    {
        b.ToTable("settlement_outputs");
        b.HasKey(x => x.RunId);
        b.Property(x => x.RunId).ValueGeneratedNever();
        b.Property(x => x.ContentEncoding).HasMaxLength(16);
        b.HasOne<SettlementRun>().WithOne().HasForeignKey<SettlementOutput>(x => x.RunId);
    }
}
