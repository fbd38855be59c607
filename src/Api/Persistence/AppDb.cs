using Compensation.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Persistence;

/// <summary>The service's database: SQLite by default, PostgreSQL by configuration. Money is stored as integer fen.</summary>
public abstract class AppDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<School> Schools => Set<School>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<PlanVersion> Plans => Set<PlanVersion>();
    public DbSet<FactImport> Imports => Set<FactImport>();
    public DbSet<FactFile> FactFiles => Set<FactFile>();
    public DbSet<SettlementRun> Runs => Set<SettlementRun>();
    public DbSet<SettlementOutput> Outputs => Set<SettlementOutput>();
    public DbSet<PayLine> PayLines => Set<PayLine>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks everywhere so both providers agree.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
