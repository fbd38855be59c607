using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.ToTable("terms");
        b.HasKey(x => x.Id);
        b.Property(x => x.SchoolId).HasMaxLength(64);
        b.Property(x => x.TermId).HasMaxLength(64);
        b.HasIndex(x => new { x.SchoolId, x.TermId }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId);
    }
}
