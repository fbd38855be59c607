using System.Text.Json;

namespace Compensation.Rules.Facts.Loading;

/// <summary>
/// Reads facts.json into rows: <c>term</c> is an object, every other key an array of objects whose
/// keys are the CSV column names. Values become the text the CSV form would hold, so both forms
/// go through the same checks: strings as written, numbers as their JSON text, true/false, and
/// <c>weekdays</c> either as "135" or as [1, 3, 5]. null counts as absent.
/// </summary>
internal sealed class JsonSource
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    private readonly string _file;
    private readonly List<InputError> _errors;
    private readonly bool _withTerm;
    private readonly string? _within;
    private Dictionary<string, int> _lines = [];

    private JsonSource(string file, List<InputError> errors, bool withTerm, string? within = null)
    {
        _file = file;
        _errors = errors;
        _withTerm = withTerm;
        _within = within;
    }

    public static FactSource? Read(string path, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(new InputError(file, 0, "", "the file does not exist"));
            return null;
        }

        return new JsonSource(file, errors, withTerm: true).Read(File.ReadAllBytes(path));
    }

    /// <summary>A batch of facts for a term that exists already: the lists only, no term.</summary>
    /// <remarks>
    /// With <paramref name="within"/>, the lists are the value of that key of the root object (absent:
    /// no facts), and paths and lines still count from the whole document ($.replace.lessons[0]).
    /// </remarks>
    public static FactSource? ReadBatch(string file, byte[] bytes, List<InputError> errors, string? within = null) =>
        new JsonSource(file, errors, withTerm: false, within).Read(bytes);

    private FactSource? Read(byte[] bytes)
    {
        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = ReaderOptions.CommentHandling, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            _errors.Add(new InputError(_file, checked((int)(ex.LineNumber ?? 0)) + 1, JsonPaths.Root, SyntaxMessage(ex)));
            return null;
        }

        using (document)
        {
            _lines = JsonPaths.Lines(json.Span, ReaderOptions);
            if (_within is null)
            {
                return FromRoot(document.RootElement, JsonPaths.Root);
            }

            // null stands for a part left out, as clients generated from the OpenAPI document send it.
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(_within, out var inner) && inner.ValueKind != JsonValueKind.Null
                ? FromRoot(inner, JsonPaths.Property(JsonPaths.Root, _within))
                : new FactSource(f => JsonPaths.Property(JsonPaths.Root, f.JsonKey), null, new Dictionary<FactKind, IReadOnlyList<FactRow>>());
        }
    }

    /// <summary>System.Text.Json appends its own 0-based position; the error already carries the line.</summary>
    private static string SyntaxMessage(JsonException ex)
    {
        var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "not valid JSON: " + (cut > 0 ? ex.Message[..cut] : ex.Message);
    }

    private FactSource? FromRoot(JsonElement root, string rootPath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(rootPath, $"expected an object with {(_withTerm ? "term and " : "")}the lists of facts, got {Describe(root.ValueKind)}");
            return null;
        }

        FactRow? term = null;
        var termSeen = false;
        var lists = new Dictionary<FactKind, IReadOnlyList<FactRow>>();
        var expected = (_withTerm ? "term, " : "") + string.Join(", ", FactKinds.Lists.Select(f => f.JsonKey));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var path = JsonPaths.Property(rootPath, property.Name);
            if (!seen.Add(property.Name))
            {
                Error(path, $"duplicate key '{property.Name}'");
            }
            else if (property.Name == FactKinds.Term.JsonKey && !_withTerm)
            {
                Error(path, "a batch adds facts to a term that exists; leave the term out");
            }
            else if (property.Name == FactKinds.Term.JsonKey)
            {
                termSeen = true;
                term = ObjectRow(FactKinds.Term, path, property.Value);
            }
            else if (FactKinds.Lists.FirstOrDefault(f => f.JsonKey == property.Name) is { } file)
            {
                // A list sent as null is one left out, as clients generated from the OpenAPI document send it.
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    lists[file] = ArrayRows(file, path, property.Value);
                }
            }
            else
            {
                Error(path, $"unknown key '{property.Name}'; expected one of {expected}");
            }
        }

        if (!termSeen && _withTerm)
        {
            Error(JsonPaths.Property(JsonPaths.Root, FactKinds.Term.JsonKey), "required", LineOf(JsonPaths.Root));
        }

        return new FactSource(f => JsonPaths.Property(rootPath, f.JsonKey), term, lists);
    }

    private List<FactRow> ArrayRows(FactKind file, string path, JsonElement array)
    {
        var rows = new List<FactRow>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected an array of objects, got {Describe(array.ValueKind)}");
            return rows;
        }

        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (ObjectRow(file, JsonPaths.Index(path, i++), element) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private JsonFactRow? ObjectRow(FactKind file, string path, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an object, got {Describe(element.ValueKind)}");
            return null;
        }

        var columns = file.Columns.ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var field = JsonPaths.Property(path, property.Name);
            if (!columns.Contains(property.Name))
            {
                Error(field, $"unknown key '{property.Name}'; expected one of {string.Join(", ", file.Columns)}");
            }
            else if (values.ContainsKey(property.Name) || reported.Contains(property.Name))
            {
                Error(field, $"duplicate key '{property.Name}'");
            }
            else if (Text(property.Name, field, property.Value) is { } text)
            {
                values[property.Name] = text;
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                reported.Add(property.Name);
            }
        }

        return new JsonFactRow(_file, path, LineOf(path), values, reported, _lines);
    }

    /// <summary>The value as the CSV form would write it; null for JSON null or for a value of the wrong shape (reported).</summary>
    private string? Text(string column, string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Array when column == "weekdays":
                return WeekdayDigits(field, value);
            default:
                Error(field, $"expected a string or a number, got {Describe(value.ValueKind)}");
                return null;
        }
    }

    /// <summary>[1, 3, 5] → "135"; each element must be a single digit so the usual weekday check applies to the joined text.</summary>
    private string? WeekdayDigits(string field, JsonElement array)
    {
        var digits = new List<string>();
        foreach (var day in array.EnumerateArray())
        {
            var text = day.ValueKind switch
            {
                JsonValueKind.Number => day.GetRawText(),
                JsonValueKind.String => day.GetString() ?? "",
                _ => "",
            };
            if (text.Length != 1)
            {
                Error(field, $"expected weekdays as an array of numbers 1–5 (e.g. [1, 3, 5]), got {array.GetRawText()}");
                return null;
            }

            digits.Add(text);
        }

        return string.Concat(digits);
    }

    private int LineOf(string path) => _lines.TryGetValue(path, out var line) ? line : 1;

    private void Error(string path, string message, int? line = null) =>
        _errors.Add(new InputError(_file, line ?? LineOf(path), path, message));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
