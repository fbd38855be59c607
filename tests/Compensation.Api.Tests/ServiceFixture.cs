using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compensation.Api.Tests;

/// <summary>The real service on a real SQLite file in a fresh folder, with a known first admin key.</summary>
public sealed class Service : WebApplicationFactory<Program>
{
    public const string AdminKey = "cmp_test_admin_key_0123456789";

    public Service(bool demo = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "compensation-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Demo = demo;
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
        builder.UseSetting("Data:Sqlite", Path.Combine(Folder, "test.db"));
        builder.UseSetting("Auth:InitialAdminKey", AdminKey);
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:Sample", Path.Combine(Root, "rules-samples", "yongqiao-002-s1"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
