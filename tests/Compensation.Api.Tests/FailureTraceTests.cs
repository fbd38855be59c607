using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compensation.Api.Persistence;
using Compensation.Api.Persistence.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compensation.Api.Tests;

/// <summary>A change that ends in a 500 can be traced: its audit row says it failed, and the log has its exception, both under the request id the answer names.</summary>
public sealed class FailureTraceTests : IDisposable
{
    private readonly Service _service = new();
    private readonly Logs _logs = new();
    private readonly WebApplicationFactory<Program> _logged;

    public FailureTraceTests() => _logged = _service.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));

    public void Dispose()
    {
        _logged.Dispose();
        _service.Dispose();
    }

    [Fact]
    public async Task AChangeEndingIn500_HasAFailedAuditRow_AndItsExceptionInTheLog_UnderItsRequestId()
    {
        var admin = _logged.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", Service.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/schools", new StringContent("""{"id": "s1", "name": "S"}""", Encoding.UTF8, "application/json"))).StatusCode);
        using (var scope = _logged.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var table = db.Model.FindEntityType(typeof(Term))!.GetTableName();
#pragma warning disable EF1002 // the table name comes from the model, not from input
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" RENAME TO \"{table}_gone\"");
#pragma warning restore EF1002
        }

        var response = await admin.PostAsync("/api/schools/s1/terms", new StringContent("""{"termId": "t", "start": "2025-03-17", "end": "2025-04-11"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        var log = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().ToList();
        var row = Assert.Single(log, e => e.GetProperty("requestId").GetString() == requestId);
        Assert.Equal(("failed", "POST /api/schools/s1/terms", "failed 500 internal-error"),
            (row.GetProperty("action").GetString(), row.GetProperty("target").GetString(), row.GetProperty("outcome").GetString()));
        Assert.Contains(_logs.Entries, e => e.Exception is not null && e.Message.Contains(requestId, StringComparison.Ordinal));
    }

    private sealed class Logs : ILoggerProvider
    {
        public ConcurrentQueue<(string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(Logs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Entries.Enqueue((formatter(state, exception), exception));
                }
            }
        }
    }
}
