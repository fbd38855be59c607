using System.Security.Cryptography;
using System.Text;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
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
        Assert.Equal((7, SettlementOutput.Identity), (output.RunId, output.ContentEncoding));
        Assert.Equal(Encoding.UTF8.GetBytes(Saved), output.Content);
        Assert.Equal((await db.Runs.AsNoTracking().SingleAsync()).OutputSha256, Sha256(StoredOutputs.Json(output)));

        await migrator.MigrateAsync(before);
        var restored = await db.Database.SqlQueryRaw<string>("SELECT \"ResultJson\" AS \"Value\" FROM settlement_runs WHERE \"Id\" = 7").SingleAsync();
        Assert.Equal(Saved, restored);
    }

    [Fact]
    public async Task UndoingIsRefused_WhileAnOutputIsStoredGzipEncoded_AndNothingIsLost()
    {
        await using var db = NewDb();
        await db.Database.MigrateAsync();
        db.Schools.Add(new School { Id = "s1", Name = "示例小学" });
        var term = new Term { SchoolId = "s1", TermId = "t1", Start = new DateOnly(2025, 3, 17), End = new DateOnly(2025, 4, 11) };
        db.Terms.Add(term);
        var plan = new PlanVersion { SchoolId = "s1", Version = 1, FileName = "policy.yaml", Content = "x", Sha256 = "h", UploadedBy = "a", Readings = Compensation.Rules.Policy.PolicyReadings.Current.ToJson() };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var run = new SettlementRun { TermId = term.Id, PlanVersionId = plan.Id, Status = RunStatus.Draft, InputSha256 = "i", OutputSha256 = "o", FactFileIds = "", CreatedBy = "a" };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        db.Outputs.Add(StoredOutputs.Of(run.Id, Encoding.UTF8.GetBytes(Saved)));
        await db.SaveChangesAsync();

        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<Exception>(() => db.GetService<IMigrator>().MigrateAsync(before));

        db.ChangeTracker.Clear();
        Assert.EndsWith("_SettlementOutputs", (await db.Database.GetAppliedMigrationsAsync()).Last(), StringComparison.Ordinal);
        var kept = await db.Outputs.AsNoTracking().SingleAsync();
        Assert.Equal((SettlementOutput.Gzip, Saved), (kept.ContentEncoding, Encoding.UTF8.GetString(StoredOutputs.Json(kept))));
    }

    /// <summary>
    /// A plan stored before the plans' readings were stated, leaning on every default those readings changed, and on
    /// two combinations they now refuse (a lesson-hour bound without lesson_hour_minutes; an absence refund with
    /// per-lesson-hour fees).
    /// </summary>
    private const string PlanOnEarlierDefaults = """
        school: 示例小学
        plan: 旧方案
        fees: { mode: per-lesson-hour, rate_per_lesson_hour: 3, lesson_hours_per_day: 3 }
        refunds:
          absence: { statuses: [absent, leave] }
          surplus: { mode: refund }
        pay:
          mode: pool
          floor: { amount: 60, unit: lesson-hour }
        stipends:
          admin_duty_share: { percent: 8, lesson_value: 7 }
        deductions:
          rules:
            - { id: lateness, kinds: [late], each: day, escalation: { at: 3, percent: 50 } }
            - { id: complaint, kinds: [complaint], each: decided, range: [10, 100] }
        awards: { reserve: 500 }
        """;

    [Fact]
    public async Task APlanStoredBeforeThePlansReadings_KeepsTheEarlierDefaults_AndStillLoads()
    {
        await using var db = NewDb();
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_FinaliseOverride", StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO schools (\"Id\", \"Name\", \"CreatedAt\") VALUES ('s1', '示例小学', 0)");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO plan_versions (\"Id\", \"SchoolId\", \"Version\", \"FileName\", \"Content\", \"Sha256\", \"UploadedAt\", \"UploadedBy\") VALUES (1, 's1', 1, 'policy.yaml', {0}, 'h', 0, 'a')",
            PlanOnEarlierDefaults);

        await migrator.MigrateAsync();

        var stored = await db.Plans.AsNoTracking().SingleAsync();
        Assert.Equal(Compensation.Rules.Policy.PolicyReadings.Earlier, Compensation.Rules.Policy.PolicyReadings.FromJson(stored.Readings));
        var policy = PlanPolicies.Read(stored); // the combinations refused today still load: the plan lists, renders and reproduces
        Assert.Equal(6, policy.Refunds.Absence!.MinServiceDays); // 6 consecutive service days, not one week
        Assert.Equal(Compensation.Rules.Policy.SubsidyPart.RefundToFamilies, policy.Refunds.Surplus.SubsidyPart); // the whole balance refunded
        Assert.Equal(60, policy.Pay.LessonHourMinutes);
        Assert.Equal(Compensation.Rules.Policy.ExternalLessons.AlsoLessonPay, policy.Pay.ExternalLessons);
        Assert.True(policy.Pay.PoolDeductsAwardReserve);
        Assert.Equal(Compensation.Rules.Policy.AdminDutyRounding.WholeLessons, policy.Stipends.AdminDutyShare!.Rounding);
        Assert.Equal(Compensation.Rules.Policy.EscalationMode.Replace, policy.Deductions.Rules[0].Escalation!.Mode);
        Assert.Equal(Compensation.Rules.Policy.DecidedOutOfRange.Clamp, policy.Deductions.OutOfRange);

        // The same text uploaded today is read with today's defaults, and refused for both combinations.
        var refused = Assert.Throws<Compensation.Rules.InputException>(() => Compensation.Rules.Policy.Loading.PolicyLoader.LoadText(PlanOnEarlierDefaults, "policy.yaml"));
        Assert.Contains(refused.Errors, e => e.Field == "refunds.absence");
        Assert.Contains(refused.Errors, e => e.Field == "pay.lesson_hour_minutes");
    }

    public void Dispose()
    {
        SqliteCleanUp();
        Service.DropPostgresDatabase(_database);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private AppDb NewDb()
    {
        if (Service.OnPostgres)
        {
            return new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(Service.PostgresDatabase(_database)).Options);
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
