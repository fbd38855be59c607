using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Compensation.Api.Features;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;
using FastEndpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Compensation.Api.Hosting;

/// <summary>
/// OpenAPI through Swashbuckle, which sees FastEndpoints' endpoints through ApiExplorer but not what
/// FastEndpoints knows of them; <see cref="EndpointOperationFilter"/> adds that: summaries and
/// descriptions, route and query parameters, request bodies with examples, problem responses, roles.
/// Money is a decimal number, never a double.
/// </summary>
public static partial class OpenApi
{
    public static void AddTo(IServiceCollection services) =>
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Compensation",
                Version = "v1",
                Description = "After-school service (课后服务) settlement: schools, plans, facts, settlements, the HR pay feed and the published accounts. Every request carries an API key in the X-Api-Key header.",
            });
            o.CustomSchemaIds(t => SchemaId(t));
            o.MapType<Money>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal", Description = "yuan, two decimals" });
            o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            o.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            o.MapType<Month>(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{4}-[0-9]{2}$", Description = "yyyy-MM" });
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Auth.ApiKeys.Header, Description = "An API key; its role decides what it may do." });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", doc)] = [] });
            o.OperationFilter<EndpointOperationFilter>();
        });

    public static void Use(WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI();
    }

    private static string SchemaId(Type t) =>
        t.IsGenericType
            ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(t.GetGenericArguments().Select(SchemaId))
            : t.FullName!.Replace("Compensation.", "", StringComparison.Ordinal).Replace('+', '.');

    [GeneratedRegex("{([A-Za-z]+)}")]
    internal static partial Regex RouteParameter();
}

/// <summary>Copies what FastEndpoints knows of an endpoint into its OpenAPI operation.</summary>
public sealed class EndpointOperationFilter : IOperationFilter
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var def = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (def is null)
        {
            return;
        }

        var summary = def.EndpointSummary;
        operation.Summary = summary?.Summary;
        var roles = def.AllowedRoles is { Count: > 0 } r ? $"\n\nRoles: {string.Join(", ", r)}." : "";
        operation.Description = (summary?.Description ?? "") + roles;
        operation.Parameters ??= [];
        var route = def.Routes.FirstOrDefault() ?? "";
        var dto = def.ReqDtoType;
        foreach (var name in OpenApi.RouteParameter().Matches(route).Select(m => m.Groups[1].Value))
        {
            if (operation.Parameters.All(p => p.Name != name))
            {
                var property = dto.GetProperty(name);
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = context.SchemaGenerator.GenerateSchema(property?.PropertyType ?? typeof(string), context.SchemaRepository),
                    Description = Describe(property),
                });
            }
        }

        foreach (var property in dto.GetProperties().Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                In = ParameterLocation.Query,
                Required = false,
                Schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository),
                Description = Describe(property),
            });
        }

        if (route.EndsWith("/facts", StringComparison.Ordinal))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The same key with the same body changes nothing; with another body it is refused." });
        }

        AddBody(operation, context, def, route);
        AddProblems(operation, context);
    }

    private static void AddBody(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition def, string route)
    {
        if (def.Verbs.Contains("GET") || def.ReqDtoType == typeof(EmptyRequest))
        {
            operation.RequestBody = null;
            return;
        }

        if (operation.RequestBody?.Content?.ContainsKey("multipart/form-data") == true)
        {
            return;
        }

        if (typeof(IPlainTextRequest).IsAssignableFrom(def.ReqDtoType))
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The policy file (YAML or JSON), see docs/policy-format.md.",
                Content = new Dictionary<string, IOpenApiMediaType> { ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
            return;
        }

        var routeNames = OpenApi.RouteParameter().Matches(route).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bodyProperties = def.ReqDtoType.GetProperties().Where(p => !routeNames.Contains(p.Name) && p.GetCustomAttribute<QueryParamAttribute>() is null).ToList();
        if (bodyProperties.Count == 0)
        {
            operation.RequestBody = null;
            return;
        }

        var media = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(def.ReqDtoType, context.SchemaRepository) };
        if (def.EndpointSummary?.ExampleRequest is { } example)
        {
            media.Example = JsonNode.Parse(JsonSerializer.Serialize(example, example.GetType(), Json));
        }

        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = media } };
    }

    private static void AddProblems(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (code.StartsWith('4') && code != "401" && code != "403")
            {
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = response.Description is { Length: > 0 } d && d != "Bad Request" ? d : Describe(code),
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
                };
            }
        }

        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or an unknown one." });
    }

    private static string Describe(string code) => code switch
    {
        "400" => "Bad input: every problem with its file, line and field; nothing changed.",
        "404" => "Not found, or not visible to this key's school.",
        "409" => "Conflict: the request contradicts the current state (see the code).",
        _ => "Refused.",
    };

    private static string? Describe(PropertyInfo? property) =>
        property?.PropertyType == typeof(DateOnly) ? "yyyy-MM-dd" : null;

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions();
        SettlementJson.Apply(o);
        return o;
    }
}
