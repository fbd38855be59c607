using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compensation.Api.Tests;

/// <summary>
/// The real service with a known first admin key, on a real SQLite file in a fresh folder; or, when
/// COMPENSATION_TEST_POSTGRES holds a connection string (without a database), on a fresh PostgreSQL
/// database that is dropped afterwards.
/// </summary>
public sealed class Service : WebApplicationFactory<Program>
{
    public const string AdminKey = "cmp_test_admin_key_0123456789";

    private static readonly string? Postgres = Environment.GetEnvironmentVariable("COMPENSATION_TEST_POSTGRES");

    private readonly string _database = "compensation_test_" + Guid.NewGuid().ToString("N");

    private readonly IReadOnlyDictionary<string, string> _settings;

    public Service(bool demo = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Folder = Path.Combine(Path.GetTempPath(), "compensation-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Demo = demo;
    }

    public static bool OnPostgres => !string.IsNullOrEmpty(Postgres);

    /// <summary>The connection string of a database on the tests' PostgreSQL server.</summary>
    public static string PostgresDatabase(string database) => $"{Postgres};Database={database}";

    /// <summary>Drops a database of the tests' PostgreSQL server, when they run on one.</summary>
    public static void DropPostgresDatabase(string database)
    {
        if (!OnPostgres)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(PostgresDatabase("postgres"));
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    public string Folder { get; }

    public bool Demo { get; }

    public static string Root { get; } = FindRoot();

    public HttpClient As(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (OnPostgres)
        {
            builder.UseSetting("Data:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Postgres", PostgresDatabase(_database));
        }
        else
        {
            builder.UseSetting("Data:Sqlite", Path.Combine(Folder, "test.db"));
        }

        builder.UseSetting("Auth:InitialAdminKey", AdminKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:Sample", Path.Combine(Root, "rules-samples", "yongqiao-002-s1"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DropPostgresDatabase(_database);

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static MultipartFormDataContent Files(string sample, params string[] names)
    {
        var form = new MultipartFormDataContent();
        foreach (var name in names)
        {
            var part = new ByteArrayContent(File.ReadAllBytes(Path.Combine(Root, "rules-samples", sample, "facts", name)));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, name, name);
        }

        return form;
    }

    public static MultipartFormDataContent Text(string name, string csv)
    {
        var form = new MultipartFormDataContent();
        var part = new StringContent(csv);
        form.Add(part, name, name);
        return form;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Compensation.sln not found");
    }
}
