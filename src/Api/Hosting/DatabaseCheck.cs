using Npgsql;

namespace Compensation.Api.Hosting;

/// <summary>
/// Before the service starts on PostgreSQL, whether its server answers: a server that is installed but not
/// running, or a wrong password, is then one line naming the host and what to do, instead of an unhandled
/// exception from the migrations with a stack trace.
/// </summary>
public static class DatabaseCheck
{
    /// <summary>Null when the database can be used (a database that does not exist yet is made by the migrations); else the message.</summary>
    public static async Task<string?> ProblemAsync(IConfiguration configuration, CancellationToken ct = default)
    {
        if (!string.Equals(configuration["Data:Provider"], "postgres", StringComparison.OrdinalIgnoreCase)
            || configuration.GetConnectionString("Postgres") is not { Length: > 0 } connection)
        {
            return null;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connection) { Timeout = 5, Pooling = false };
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:Postgres cannot be read: {e.Message}";
        }

        var server = $"{builder.Host}:{builder.Port}";
        try
        {
            await using var db = new NpgsqlConnection(builder.ConnectionString);
            await db.OpenAsync(ct);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return $"the PostgreSQL server at {server} refused user '{builder.Username}' ({e.MessageText}): check Username and Password in ConnectionStrings:Postgres";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"the PostgreSQL server at {server} cannot be reached ({(e.InnerException ?? e).Message}): start it (bash scripts/main.sh --postgres starts this machine's, as scripts/postgres.sh does) or correct Host and Port in ConnectionStrings:Postgres";
        }
    }
}
