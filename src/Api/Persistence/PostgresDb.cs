using Microsoft.EntityFrameworkCore;

namespace Compensation.Api.Persistence;

/// <summary>The PostgreSQL database (Data:Provider = postgres); its migrations are in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : AppDb(options);
