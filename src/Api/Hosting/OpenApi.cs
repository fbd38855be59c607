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
                Contact = new OpenApiContact { Name = "Compensation, free software under the AGPL-3.0: ask whoever runs this server" },
                License = new OpenApiLicense { Name = "AGPL-3.0-only", Url = new Uri("https://www.gnu.org/licenses/agpl-3.0.html") },
            });
            o.SchemaFilter<NullableBilingualFilter>();
            o.CustomSchemaIds(t => SchemaId(t));
            o.MapType<Money>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal", Description = "yuan, two decimals" });
            o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            o.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            o.MapType<Month>(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{4}-[0-9]{2}$", Description = "yyyy-MM" });
            o.MapType<Features.Facts.Batch.FactBatchBody>(() => FactBatchSchema("Lists named as in facts.json (docs/facts-format.md), without the term; each fact an object of its columns."));
            o.MapType<Features.Facts.Correct.FactCorrectionBody>(FactCorrectionSchema);
            o.MapType<Features.Facts.Import.FactFilesForm>(FactFilesSchema);
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Auth.ApiKeys.Header, Description = "An API key; its role decides what it may do." });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", doc)] = [] });
            o.OperationFilter<EndpointOperationFilter>();
            o.DocumentFilter<TagDescriptionsFilter>();
        });

    /// <summary>
    /// Schemas from the options the service answers with, so that enums are the kebab-case strings it sends
    /// ("absence", "warning"), not the integers of their C# values.
    /// </summary>
    public static void UseServiceJson(IServiceCollection services)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SettlementJson.Apply(json);
        services.AddSingleton<ISerializerDataContractResolver>(new JsonSerializerDataContractResolver(json));
    }

    public static void Use(WebApplication app)
    {
        // The server a client reached the document on is the one its calls go to.
        app.UseSwagger(c => c.PreSerializeFilters.Add((doc, request) =>
            doc.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}", Description = "this server" }]));
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

    /// <summary>
    /// The CSV import's form: a file part for each fact file (docs/facts-format.md), named as the file, none of them
    /// required on its own, so that a generated client has one argument per file.
    /// </summary>
    private static OpenApiSchema FactFilesSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One file part per fact file, named as the file; the files sent replace the term's files of the same name.",
        AdditionalPropertiesAllowed = false,
        Properties = FactKinds.Lists.ToDictionary(k => k.CsvName, k => (IOpenApiSchema)new OpenApiSchema
        {
            // Nullable too: a client leaves out the files it does not send.
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Format = "binary",
            Description = $"{k.CsvName}: columns {string.Join(", ", k.Columns)}",
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

        if (def.EndpointType == typeof(Features.Pay.Feed.GetPayFeed))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Required = false,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "The ETag of a copy the client keeps (also W/ the tag, a list, or *): 304 without a body while the page is unchanged.",
            });
        }

        AddBody(operation, context, def, route);
        AddResponseExamples(operation, context, def);
        AddDownloads(operation);
        AddProblems(operation, context, def);
        AddHeaders(operation, def);
    }

    /// <summary>Files (PDF, xlsx) are bytes in their own media type, not base64 text.</summary>
    private static void AddDownloads(OpenApiOperation operation)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (code.StartsWith('2') && response is OpenApiResponse r && r.Content is { } content)
            {
                var files = content.Keys.Where(m => !m.Contains("json", StringComparison.Ordinal)).ToList();
                foreach (var mediaType in files)
                {
                    content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }

                if (files.Count > 0)
                {
                    r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    r.Headers["Content-Disposition"] = Header("The file's name, e.g. inline; filename=\"notice-2025-spring.pdf\".");
                }
            }
        }
    }

    /// <summary>The headers the service answers: where a created resource is, the tags and hashes that identify a copy, how long to wait.</summary>
    private static void AddHeaders(OpenApiOperation operation, EndpointDefinition def)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse r)
            {
                continue;
            }

            var headers = new Dictionary<string, IOpenApiHeader>(r.Headers ?? new Dictionary<string, IOpenApiHeader>());
            if (code == "201")
            {
                headers["Location"] = Header("Where the created resource (or, for facts and plan versions, the list that now holds it) is read.", "uri-reference");
            }

            if (def.EndpointType == typeof(Features.Pay.Feed.GetPayFeed) && code is "200" or "304")
            {
                headers["ETag"] = Header("The page's tag: send it back in If-None-Match to revalidate the copy.");
                headers["Cache-Control"] = Header("private, no-cache: a client may keep the page, and revalidates it with If-None-Match before using it.");
            }

            if (def.EndpointType == typeof(Features.Settlements.Get.GetSettlement) && code == "200")
            {
                headers["ETag"] = Header("The SHA-256 of the settlement's JSON, quoted.");
                headers["X-Output-Sha256"] = Header("The SHA-256 of the settlement's JSON (before any Content-Encoding), as outputSha256 of the run.");
                headers["X-Input-Sha256"] = Header("The SHA-256 of the run's inputs (plan version and fact files), as inputSha256 of the run.");
                headers["X-Settlement-Status"] = Header("draft or final.");
                headers["X-Final-Version"] = Header("The final version (0 for a draft).", type: JsonSchemaType.Integer);
            }

            if (code == "429")
            {
                headers["Retry-After"] = Header("Seconds to wait before trying again.", type: JsonSchemaType.Integer);
            }

            if (headers.Count > 0)
            {
                r.Headers = headers;
            }
        }
    }

    private static OpenApiHeader Header(string description, string? format = null, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type, Format = format } };

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
        operation.Responses["429"] = new OpenApiResponse { Description = "Too many failed authentications from this client address; wait as Retry-After says." };
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
        "429" => "Too many requests: wait as Retry-After says.",
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

/// <summary>
/// A text that may be absent (an explanation's input fact has no rule title and no sentence) as a nullable object of its
/// own: OpenAPI 3.0 cannot make a reference nullable, and a null must match the schema an example is checked against.
/// </summary>
public sealed class NullableBilingualFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.Type is null)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties().Where(p => p.PropertyType == typeof(Bilingual) && Nullability.Create(p).ReadState == NullabilityState.Nullable))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (properties.ContainsKey(name))
            {
                properties[name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = "Chinese and English; null for an input fact.",
                    Required = new HashSet<string> { "zh", "en" },
                    AdditionalPropertiesAllowed = false,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["zh"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["en"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                };
            }
        }
    }
}

/// <summary>What each group of operations is for, as the README's table of routes says.</summary>
public sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Schools"] = "The schools, each with its own plans, terms, facts and settlements.",
        ["Keys"] = "API keys with a role (admin, accountant, committee, hr) and a school.",
        ["Terms"] = "A school's terms: first and last day, and the service calendar.",
        ["Plans"] = "Versions of the school's plan (方案) as policy files.",
        ["Facts"] = "A term's facts: CSV files, the Excel workbook, JSON batches, audited corrections, and the list of imports.",
        ["Settlements"] = "Preview, draft, finalise, reproduce and compare (what-if) a term's settlement.",
        ["Results"] = "The lines of a saved settlement and the explanation of each down to the input facts.",
        ["Documents"] = "The PDF notice (公示) and statements and the accountant's workbook of a saved settlement.",
        ["Pay feed"] = "Staff pay from final settlements, for payroll.",
        ["Published accounts"] = "What the parents' committee reads: the final ledger and counts, and the notice, without names.",
        ["Audit"] = "The append-only log of changes and refused authorisations.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
