using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compensation.Api.Tests;

/// <summary>The OpenAPI document describes every endpoint fully; an endpoint without a summary, a declared route parameter, a response schema or its error responses fails.</summary>
public sealed partial class OpenApiTests : IDisposable
{
    private readonly Service _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task EveryEndpoint_IsDescribedCompletely()
    {
        var json = await _service.As(null).GetStringAsync("/swagger/v1/swagger.json");
        var doc = JsonDocument.Parse(json).RootElement;
        var problems = new List<string>();
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                operations++;
                var at = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var o = op.Value;
                if (!o.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
                {
                    problems.Add(at + ": no summary");
                }

                if (!o.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
                {
                    problems.Add(at + ": no tag");
                }

                var declared = o.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToHashSet()
                    : [];
                foreach (Match m in RouteParameter().Matches(path.Name))
                {
                    if (!declared.Contains(m.Groups[1].Value))
                    {
                        problems.Add($"{at}: route parameter {m.Groups[1].Value} not declared");
                    }
                }

                var responses = o.GetProperty("responses").EnumerateObject().ToList();
                var success = responses.FirstOrDefault(r => r.Name.StartsWith('2'));
                if (success.Value.ValueKind == JsonValueKind.Undefined || !success.Value.TryGetProperty("content", out _))
                {
                    problems.Add(at + ": no success response with a schema");
                }

                if (!responses.Any(r => r.Name == "401"))
                {
                    problems.Add(at + ": 401 not declared");
                }

                foreach (var error in responses.Where(r => r.Name is "400" or "404" or "409"))
                {
                    if (!error.Value.TryGetProperty("content", out var c) || !c.TryGetProperty("application/problem+json", out _))
                    {
                        problems.Add($"{at}: {error.Name} is not application/problem+json");
                    }
                }

                if (op.Name == "post" && o.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var media) && !media.TryGetProperty("example", out _))
                {
                    problems.Add(at + ": JSON request body without an example");
                }
            }
        }

        Assert.True(operations >= 16, $"only {operations} operations documented");
        Assert.Empty(problems);
        Assert.DoesNotContain("\"format\": \"double\"", json.Replace("\":\"", "\": \""));
        var feedLine = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Single(x => x.Name.EndsWith("PayFeedLine", StringComparison.Ordinal)).Value;
        var net = feedLine.GetProperty("properties").GetProperty("net");
        Assert.Equal(("number", "decimal"), (net.GetProperty("type").GetString(), net.GetProperty("format").GetString()));
    }

    [GeneratedRegex("{([A-Za-z]+)}")]
    private static partial Regex RouteParameter();
}
