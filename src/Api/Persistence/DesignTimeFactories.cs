using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Compensation.Api.Persistence;

/// <summary>For `dotnet ef migrations add … --context SqliteDb`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteDb>
{
    public SqliteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDb>().UseSqlite("Data Source=design.db").Options);
}
