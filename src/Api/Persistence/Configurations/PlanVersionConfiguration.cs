using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.ToTable("plan_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.SchoolId, x.Version }).IsUnique();
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId);
    }
}
