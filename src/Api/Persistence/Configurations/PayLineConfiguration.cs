using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compensation.Api.Persistence.Configurations;

public sealed class PayLineConfiguration : IEntityTypeConfiguration<PayLine>
{
    public void Configure(EntityTypeBuilder<PayLine> b)
    {
        b.ToTable("pay_lines");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.SchoolId, x.TermId, x.Month, x.StaffId });
        b.HasIndex(x => x.UpdatedAt);
        b.HasOne<SettlementRun>().WithMany().HasForeignKey(x => x.RunId);
    }
}
