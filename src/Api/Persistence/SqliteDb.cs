using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Persistence;

/// <summary>The SQLite database (the default); its migrations are in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : AppDb(options);
