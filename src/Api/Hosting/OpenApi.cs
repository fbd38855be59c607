using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Compensation.Api.Features;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Settlement;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Compensation.Api.Hosting;

/// <summary>
/// OpenAPI through Swashbuckle, which sees FastEndpoints' endpoints through ApiExplorer but not what
/// FastEndpoints knows of them; <see cref="EndpointOperationFilter"/> adds that: summaries and
/// descriptions, route and query parameters, the request body as the route takes it (its media types are those
/// routing accepts; any other gets 415), examples of requests and responses (<see cref="OpenApiExamples"/>),
/// problem responses, roles. Money is a decimal number, never a double.
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
            o.MapType<Features.Facts.Batch.FactBatchBody>(() => FactBatchSchema("Lists named as in facts.json (docs/facts-format.md), without the term; each fact an object of its columns."));
            o.MapType<Features.Facts.Correct.FactCorrectionBody>(FactCorrectionSchema);
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Auth.ApiKeys.Header, Description = "An API key; its role decides what it may do." });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", doc)] = [] });
            o.OperationFilter<EndpointOperationFilter>();
        });

    public static void Use(WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI();
    }

    /// <summary>A batch of facts as JSON: a list for each kind of fact, each fact with its columns (the required ones listed) as strings or numbers.</summary>
    private static OpenApiSchema FactBatchSchema(string description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        AdditionalPropertiesAllowed = false,
        Properties = FactKinds.Lists.ToDictionary(k => k.JsonKey, k => (IOpenApiSchema)new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = k.Required.ToHashSet(),
                AdditionalPropertiesAllowed = false,
                Properties = k.Columns.ToDictionary(c => c, _ => (IOpenApiSchema)new OpenApiSchema()),
            },
        }),
    };

    /// <summary>A correction: its reason, whole facts to put in place of those with their ids, and the ids of facts to remove.</summary>
    private static OpenApiSchema FactCorrectionSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "reason" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Why the facts change; kept in the import list and the audit log." },
            ["replace"] = FactBatchSchema("Whole facts, each replacing the term's fact with its id."),
            ["remove"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The ids of facts to remove, by kind (attendance: the student id and the date, \"S01 2025-03-10\").",
                AdditionalPropertiesAllowed = false,
                Properties = FactKinds.Lists.ToDictionary(k => k.JsonKey, _ => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }),
            },
        },
    };

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

        if (typeof(Features.Facts.Import.IIdempotentImport).IsAssignableFrom(def.EndpointType))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The same key with the same body changes nothing; with another body it is refused." });
        }

        AddBody(operation, context, def, route);
        AddResponseExamples(operation, context, def);
        AddProblems(operation, context, def);
    }

    private static void AddBody(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition def, string route)
    {
        if (def.Verbs.Contains("GET") || def.ReqDtoType == typeof(EmptyRequest))
        {
            operation.RequestBody = null;
            return;
        }

        var example = def.EndpointSummary?.ExampleRequest ?? OpenApiExamples.Request(def.ReqDtoType);

        // Files, a JSON document read as text, a policy file: the body as the route takes it, in each media type routing accepts.
        var accepts = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault();
        if (accepts?.RequestType is { } bodyType && (typeof(IPlainTextRequest).IsAssignableFrom(def.ReqDtoType) || accepts.ContentTypes.Contains("multipart/form-data")))
        {
            var schema = context.SchemaGenerator.GenerateSchema(bodyType, context.SchemaRepository);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = accepts.ContentTypes.ToDictionary(t => t, IOpenApiMediaType (_) => new OpenApiMediaType { Schema = schema, Example = ToNode(example) }),
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

        var media = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(def.ReqDtoType, context.SchemaRepository), Example = ToNode(example) };
        // A route whose body may be left out (finalise: the override reason) says so, and takes it in JSON only.
        operation.RequestBody = new OpenApiRequestBody { Required = accepts?.IsOptional != true, Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = media } };
    }

    /// <summary>An example on every JSON success response: the endpoint's own, or one of its response type.</summary>
    private static void AddResponseExamples(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition def)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (code.StartsWith('2') && response.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
            {
                var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
                var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(t => t.StatusCode == status)?.Type;
                json.Example = ToNode(def.EndpointSummary?.ResponseExamples.GetValueOrDefault(status) ?? OpenApiExamples.Response(type));
            }
        }
    }

    private static void AddProblems(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition def)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        operation.Responses["401"] = new OpenApiResponse { Description = "No API key (no-key), or an unknown one (unknown-key)." };
        if (def.AllowedRoles is { Count: > 0 })
        {
            operation.Responses["403"] = new OpenApiResponse { Description = "The key's role may not use this route (forbidden-role)." };
        }

        if (operation.RequestBody is not null)
        {
            operation.Responses["413"] = new OpenApiResponse { Description = "The body is larger than the upload limit, with a Content-Length or sent chunked (upload-too-large); nothing changed." };
            operation.Responses["415"] = new OpenApiResponse { Description = "The body is not of a type the route takes (unsupported-media-type)." };
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (code.StartsWith('4') || code.StartsWith('5'))
            {
                var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = response.Description is { Length: > 0 } d && d != ReasonPhrases.GetReasonPhrase(status) ? d : Describe(code),
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = problem, Example = ToNode(OpenApiExamples.Problem(status)) },
                    },
                };
            }
        }
    }

    private static JsonNode? ToNode(object? example) => example switch
    {
        null => null,
        string text => JsonValue.Create(text),
        _ => JsonNode.Parse(JsonSerializer.Serialize(example, example.GetType(), Json)),
    };

    private static string Describe(string code) => code switch
    {
        "400" => "Bad input: every problem with its file, line and field; nothing changed.",
        "404" => "Not found, or not visible to this key's school.",
        "409" => "Conflict: the request contradicts the current state (see the code).",
        "503" => "Not available on this server now (see the code).",
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
