using System.Security.Cryptography;
using System.Text;
using Compensation.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compensation.Api.Tests;

/// <summary>
/// A database made before settlement outputs had a table of their own keeps every saved settlement, byte for byte,
/// when it is migrated; and gets it back in place when the migration is undone. On SQLite, and on PostgreSQL when
/// COMPENSATION_TEST_POSTGRES is set.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private const string Before = "FactImportKinds";
    private const string Saved = "{\n  \"school\": \"埇桥区示例小学\",\n  \"note\": \"多退少补 ✓\"\n}";

    private static readonly string? Postgres = Environment.GetEnvironmentVariable("COMPENSATION_TEST_POSTGRES");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compensation-migration-" + Guid.NewGuid().ToString("N"));
    private readonly string _database = "compensation_migration_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ASettlementSavedBeforeTheOutputTable_KeepsItsBytes_AndGetsThemBackWhenUndone()
    {
        await using var db = NewDb();
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO schools (\"Id\", \"Name\", \"CreatedAt\") VALUES ('s1', '示例小学', 0)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO terms (\"Id\", \"SchoolId\", \"TermId\", \"Start\", \"End\", \"CreatedAt\") VALUES (1, 's1', 't1', '2025-03-17', '2025-04-11', 0)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO plan_versions (\"Id\", \"SchoolId\", \"Version\", \"FileName\", \"Content\", \"Sha256\", \"UploadedAt\", \"UploadedBy\") VALUES (1, 's1', 1, 'policy.yaml', 'x', 'h', 0, 'a')");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO settlement_runs (\"Id\", \"TermId\", \"PlanVersionId\", \"Status\", \"FinalVersion\", \"InputSha256\", \"OutputSha256\", \"FactFileIds\", \"ResultJson\", \"CreatedAt\", \"CreatedBy\") "
            + "VALUES (7, 1, 1, 1, 0, 'i', {0}, '', {1}, 0, 'a')",
            Sha256(Encoding.UTF8.GetBytes(Saved)), Saved);

        await migrator.MigrateAsync();
        var output = await db.Outputs.AsNoTracking().SingleAsync();
        Assert.Equal(7, output.RunId);
        Assert.Equal(Encoding.UTF8.GetBytes(Saved), output.Json);
        Assert.Equal((await db.Runs.AsNoTracking().SingleAsync()).OutputSha256, Sha256(output.Json));

        await migrator.MigrateAsync(before);
        var restored = await db.Database.SqlQueryRaw<string>("SELECT \"ResultJson\" AS \"Value\" FROM settlement_runs WHERE \"Id\" = 7").SingleAsync();
        Assert.Equal(Saved, restored);
    }

    public void Dispose()
    {
        SqliteCleanUp();
        if (Postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection($"{Postgres};Database=postgres");
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private AppDb NewDb()
    {
        if (!string.IsNullOrEmpty(Postgres))
        {
            return new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql($"{Postgres};Database={_database}").Options);
        }

        Directory.CreateDirectory(_folder);
        return new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite($"Data Source={Path.Combine(_folder, "old.db")}").Options);
    }

    private void SqliteCleanUp()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
