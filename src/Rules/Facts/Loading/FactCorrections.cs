using System.Text.Json;

namespace Compensation.Rules.Facts.Loading;

/// <summary>A fact named by its id in a request, and where the request names it.</summary>
public sealed record FactReference(string Id, string Field, int Line);

/// <summary>
/// A correction of a term's facts: why, the facts to put in place of those with the same ids (rows
/// still to be checked), and the ids of facts to remove.
/// </summary>
public sealed record FactCorrection(string Reason, FactSource? Replace, IReadOnlyDictionary<FactKind, IReadOnlyList<FactReference>> Remove);

/// <summary>
/// Reads a correction written as JSON:
/// <code>
/// { "reason": "L3 lasted 45 minutes",
///   "replace": { "lessons": [ { "lesson_id": "L3", "staff_id": "T2", "date": "2025-03-04", "minutes": 45 } ] },
///   "remove":  { "attendance": [ "S1 2025-03-10" ], "conduct": [ "C2" ] } }
/// </code>
/// replace holds whole facts as in facts.json; remove holds ids (for attendance, the student id and
/// the date separated by a space). Every problem names the file, line and JSON path.
/// </summary>
public static class FactCorrections
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public static FactCorrection? Read(string fileName, byte[] json, List<InputError> errors)
    {
        var before = errors.Count;
        var replace = FactsLoader.ReadJsonBatch(fileName, json, errors, within: "replace");
        if (errors.Count > before && replace is null)
        {
            return null; // not JSON at all; the batch reader said why
        }

        var body = json.AsSpan();
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var lines = JsonPaths.Lines(body, ReaderOptions);
        int LineOf(string path) => lines.TryGetValue(path, out var line) ? line : 1;
        void Error(string path, string message) => errors.Add(new InputError(fileName, LineOf(path), path, message));

        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null; // reported by the batch reader
        }

        string? reason = null;
        var remove = new Dictionary<FactKind, IReadOnlyList<FactReference>>();
        foreach (var property in root.EnumerateObject())
        {
            var path = JsonPaths.Property(JsonPaths.Root, property.Name);
            switch (property.Name)
            {
                case "replace":
                    break;
                case "reason":
                    reason = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()?.Trim() : null;
                    if (string.IsNullOrEmpty(reason))
                    {
                        Error(path, "expected the reason for the correction as a non-empty string");
                    }

                    break;
                case "remove" when property.Value.ValueKind == JsonValueKind.Null:
                    // Left out, as clients generated from the OpenAPI document send it.
                    break;
                case "remove":
                    ReadRemovals(property.Value, path, remove, Error, LineOf);
                    break;
                default:
                    Error(path, $"unknown key '{property.Name}'; expected reason, replace, remove");
                    break;
            }
        }

        if (!root.TryGetProperty("reason", out _))
        {
            Error(JsonPaths.Property(JsonPaths.Root, "reason"), "required: say why the facts are corrected");
        }

        return new FactCorrection(reason ?? "", replace, remove);
    }

    private static void ReadRemovals(JsonElement value, string path, Dictionary<FactKind, IReadOnlyList<FactReference>> remove, Action<string, string> error, Func<string, int> lineOf)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            error(path, "expected an object of lists of ids, e.g. {\"lessons\": [\"L3\"]}");
            return;
        }

        foreach (var list in value.EnumerateObject())
        {
            var listPath = JsonPaths.Property(path, list.Name);
            if (list.Value.ValueKind == JsonValueKind.Null && FactKinds.Lists.Any(k => k.JsonKey == list.Name))
            {
                continue; // a list left out
            }

            if (FactKinds.Lists.FirstOrDefault(k => k.JsonKey == list.Name) is not { } kind)
            {
                error(listPath, $"unknown key '{list.Name}'; expected one of {string.Join(", ", FactKinds.Lists.Select(k => k.JsonKey))}");
                continue;
            }

            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                error(listPath, "expected an array of ids");
                continue;
            }

            var ids = new List<FactReference>();
            var i = 0;
            foreach (var item in list.Value.EnumerateArray())
            {
                var itemPath = JsonPaths.Index(listPath, i++);
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    error(itemPath, kind.KeyColumns.Count == 1
                        ? $"expected the {kind.KeyColumns[0]} of a fact to remove, as a string"
                        : $"expected the {string.Join(" and ", kind.KeyColumns)} of a fact to remove, separated by a space (e.g. \"S1 2025-03-10\")");
                    continue;
                }

                ids.Add(new FactReference(item.GetString()!, itemPath, lineOf(itemPath)));
            }

            remove[kind] = ids;
        }
    }
}
