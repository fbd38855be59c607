using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// A mapping of the policy with a fixed set of allowed keys. Unknown keys are reported when the
/// section is opened; values are read by key with the reader for their type, and a required key
/// that is absent (or null) is reported on the section's own line.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlValues _values;
    private readonly Dictionary<string, YamlNode> _entries = new(StringComparer.Ordinal);

    public YamlSection(YamlValues values, YamlMappingNode? mapping, int line, string field, IReadOnlyList<string> keys)
    {
        _values = values;
        Line = line;
        Field = field;
        IEnumerable<KeyValuePair<YamlNode, YamlNode>> children = mapping?.Children ?? (IEnumerable<KeyValuePair<YamlNode, YamlNode>>)[];
        foreach (var (keyNode, value) in children)
        {
            var key = values.Text(keyNode, field);
            if (key is null)
            {
                continue;
            }

            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                values.Error(keyNode, YamlValues.Child(field, key), $"unknown key '{key}'; expected one of {string.Join(", ", keys)}");
                continue;
            }

            if (!YamlValues.IsNull(value))
            {
                _entries[key] = value;
            }
        }
    }

    /// <summary>The dotted path of the section ("" for the document itself).</summary>
    public string Field { get; }

    /// <summary>The line the section starts on; where missing keys are reported.</summary>
    public int Line { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public string Path(string key) => YamlValues.Child(Field, key);

    public void Missing(string key, string message = "required") => _values.Error(Line, Path(key), message);

    /// <summary>An error about a key's value, on the value's line (or the section's, when the key is absent).</summary>
    public void Error(string key, string message)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _values.Error(node, Path(key), message);
        }
        else
        {
            _values.Error(Line, Path(key), message);
        }
    }

    public string? Text(string key, bool required = false) => Ref(key, required, _values.Text);

    public string? Id(string key, bool required = false) => Ref(key, required, _values.Id);

    /// <summary>The plan clause a section cites; "" when not given.</summary>
    public string Clause() => Text("clause") ?? "";

    public decimal? Amount(string key, bool required = false) => Value(key, required, _values.Amount);

    public decimal? Percent(string key, bool required = false) => Value(key, required, _values.Percent);

    public decimal? Number(string key, bool required = false) => Value(key, required, _values.Number);

    public int? Integer(string key, int min, bool required = false) => Value(key, required, (n, f) => _values.Integer(n, f, min));

    public bool? Boolean(string key) => Value(key, false, _values.Boolean);

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct => Value(key, required, (n, f) => _values.Choice(n, f, choices));

    public YamlSection? Section(string key, IReadOnlyList<string> keys) => Ref(key, false, (n, f) => _values.Section(n, f, keys));

    public List<(YamlNode Node, string Field)>? Items(string key, bool required = false) => Ref(key, required, _values.Items);

    public List<(string Key, YamlNode KeyNode, YamlNode Value, string Field)>? Entries(string key) => Ref(key, false, _values.Entries);

    /// <summary>The raw node of a key, for values with a shape of their own (a [min, max] range).</summary>
    public YamlNode? Node(string key) => _entries.GetValueOrDefault(key);

    private T? Value<T>(string key, bool required, Func<YamlNode, string, T?> read)
        where T : struct
    {
        if (_entries.TryGetValue(key, out var node))
        {
            return read(node, Path(key));
        }

        if (required)
        {
            Missing(key);
        }

        return null;
    }

    private T? Ref<T>(string key, bool required, Func<YamlNode, string, T?> read)
        where T : class
    {
        if (_entries.TryGetValue(key, out var node))
        {
            return read(node, Path(key));
        }

        if (required)
        {
            Missing(key);
        }

        return null;
    }
}
