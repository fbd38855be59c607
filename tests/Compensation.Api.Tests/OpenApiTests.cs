using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compensation.Api.Tests;

/// <summary>
/// The OpenAPI document describes every endpoint fully; an endpoint without a summary, a declared route parameter, a
/// response schema, its error responses, an example of its request body and of its JSON responses (money with two
/// decimals), or a body described in media types its route does not take, fails.
/// </summary>
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
        var moneyChecked = 0;
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

                foreach (var bodyMedia in o.TryGetProperty("requestBody", out var requestBody) ? requestBody.GetProperty("content").EnumerateObject() : [])
                {
                    if (!bodyMedia.Value.TryGetProperty("example", out var example))
                    {
                        problems.Add($"{at}: {bodyMedia.Name} request body without an example");
                    }
                    else
                    {
                        moneyChecked += MoneyProblems(doc, example, bodyMedia.Value.GetProperty("schema"), $"{at} request example", problems);
                    }
                }

                foreach (var response in responses.Where(r => r.Name.StartsWith('2')))
                {
                    if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var jsonMedia))
                    {
                        if (!jsonMedia.TryGetProperty("example", out var example))
                        {
                            problems.Add($"{at}: {response.Name} JSON response without an example");
                        }
                        else
                        {
                            moneyChecked += MoneyProblems(doc, example, jsonMedia.GetProperty("schema"), $"{at} {response.Name} example", problems);
                        }
                    }
                }

                if (o.GetProperty("description").GetString()!.Contains("Roles:", StringComparison.Ordinal) && !responses.Any(r => r.Name == "403"))
                {
                    problems.Add(at + ": a route for some roles without 403");
                }

                var headers = o.TryGetProperty("parameters", out var hs) ? hs.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).ToList() : [];
                if (o.GetProperty("description").GetString()!.Contains("Idempotency-Key", StringComparison.Ordinal) && !headers.Contains("Idempotency-Key"))
                {
                    problems.Add(at + ": honours Idempotency-Key but does not declare it");
                }
            }
        }

        Assert.True(operations >= 16, $"only {operations} operations documented");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(moneyChecked > 50, $"only {moneyChecked} amounts of money in the examples");
        Assert.DoesNotContain("\"format\": \"double\"", json.Replace("\":\"", "\": \""));
        var feedLine = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Single(x => x.Name.EndsWith("PayFeedLine", StringComparison.Ordinal)).Value;
        var net = feedLine.GetProperty("properties").GetProperty("net");
        Assert.Equal(("number", "decimal"), (net.GetProperty("type").GetString(), net.GetProperty("format").GetString()));
    }

    /// <summary>
    /// A request body is described in exactly the media types its route takes: a body of a documented type gets past
    /// routing (whatever the answer then), a body of any other of the common types is refused with 415.
    /// </summary>
    [Fact]
    public async Task RequestBodies_AreDescribedInTheMediaTypesTheRoutesTake()
    {
        var admin = _service.As(Service.AdminKey);
        var doc = JsonDocument.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var probes = new Dictionary<string, Func<HttpContent>>
        {
            ["application/json"] = () => new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            ["text/plain"] = () => new StringContent("school: x", System.Text.Encoding.UTF8, "text/plain"),
            ["application/yaml"] = () => new StringContent("school: x", System.Text.Encoding.UTF8, "application/yaml"),
            ["multipart/form-data"] = () => Service.Text("staff.csv", "staff_id,name,role\n"),
        };
        var problems = new List<string>();
        var bodies = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("post", out var post) || !post.TryGetProperty("requestBody", out var body))
            {
                continue;
            }

            bodies++;
            var documented = body.GetProperty("content").EnumerateObject().Select(m => m.Name).ToHashSet();
            problems.AddRange(documented.Where(m => !probes.ContainsKey(m)).Select(m => $"{path.Name}: {m} is not probed"));
            var url = RouteParameter().Replace(path.Name, m => m.Groups[1].Value == "RunId" ? "1" : "x");
            foreach (var (mediaType, content) in probes)
            {
                var status = (await admin.PostAsync(url, content())).StatusCode;
                if (documented.Contains(mediaType) != (status != HttpStatusCode.UnsupportedMediaType))
                {
                    problems.Add($"POST {path.Name}: {mediaType} is {(documented.Contains(mediaType) ? "" : "not ")}documented, and the route answers it {(int)status}");
                }
            }
        }

        Assert.True(bodies >= 9, $"only {bodies} request bodies documented");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The examples of the bodies that change a term (plan, batch, correction, what-if) are taken as they are, on the demo school.</summary>
    [Fact]
    public async Task TheExamplesOfPlanAndFactBodies_AreTakenAsTheyAre()
    {
        using var demo = new Service(demo: true);
        var admin = demo.As(Service.AdminKey);
        var paths = JsonDocument.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json")).RootElement.GetProperty("paths");
        foreach (var (route, mediaType) in new[]
        {
            ("/api/schools/{SchoolId}/plans", "application/yaml"),
            ("/api/schools/{SchoolId}/plans", "text/plain"),
            ("/api/schools/{SchoolId}/terms/{TermId}/facts/batch", "application/json"),
            ("/api/schools/{SchoolId}/terms/{TermId}/facts/corrections", "application/json"),
            ("/api/schools/{SchoolId}/terms/{TermId}/settlements/what-if", "application/json"),
        })
        {
            var example = paths.GetProperty(route).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty(mediaType).GetProperty("example");
            var body = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
            var url = route.Replace("{SchoolId}", "demo", StringComparison.Ordinal).Replace("{TermId}", "2025-spring-sample", StringComparison.Ordinal);
            var response = await admin.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, mediaType));
            Assert.True(response.IsSuccessStatusCode, $"{route} ({mediaType}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Checks that every amount of money (the schema of Money) in an example has two decimals; returns how many it saw.</summary>
    private static int MoneyProblems(JsonElement doc, JsonElement example, JsonElement schema, string at, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        var seen = 0;
        foreach (var combined in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var part in schema.TryGetProperty(combined, out var parts) ? parts.EnumerateArray() : [])
            {
                seen += MoneyProblems(doc, example, part, at, problems);
            }
        }

        if (schema.TryGetProperty("description", out var d) && d.GetString() == "yuan, two decimals" && example.ValueKind == JsonValueKind.Number)
        {
            if (!TwoDecimals().IsMatch(example.GetRawText()))
            {
                problems.Add($"{at}: money {example.GetRawText()} without two decimals");
            }

            return seen + 1;
        }

        if (example.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            seen += example.EnumerateArray().Sum(e => MoneyProblems(doc, e, items, at, problems));
        }
        else if (example.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in example.EnumerateObject())
            {
                if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    seen += MoneyProblems(doc, property.Value, propertySchema, at, problems);
                }
                else if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                {
                    seen += MoneyProblems(doc, property.Value, values, at, problems);
                }
            }
        }

        return seen;
    }

    [GeneratedRegex("{([A-Za-z]+)}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]{2}$")]
    private static partial Regex TwoDecimals();
}
