using Compensation.Rules.Facts.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// Typed reading of YAML nodes. Each reader returns null for a wrong or missing value and adds an
/// error naming the node's line and the dotted field, so one pass over a policy reports every problem.
/// </summary>
/// <remarks>
/// Numbers and booleans must be plain (unquoted) scalars, as in JSON: <c>"350"</c> is text, and the
/// JSON Schema says the same. Text may be any scalar and is taken exactly as written, so a clause
/// such as <c>002</c> keeps its leading zeros. A plain empty value, <c>~</c> or <c>null</c> counts as absent.
/// </remarks>
internal sealed class YamlValues(string fileName)
{
    public List<InputError> Errors { get; } = [];

    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public void Error(int line, string field, string message) => Errors.Add(new InputError(fileName, line, field, message));

    public void Error(YamlNode node, string field, string message) => Error(LineOf(node), field, message);

    public string? Text(YamlNode node, string field) =>
        node is YamlScalarNode scalar ? Check(node, field, scalar.Value ?? "", TextValues.FreeText(scalar.Value ?? "")) : Wrong(node, field, "text");

    public string? Id(YamlNode node, string field) =>
        Text(node, field) is { } text ? Check(node, field, text, text.Length == 0 ? "expected an id, got nothing" : TextValues.Id(text)) : null;

    public decimal? Amount(YamlNode node, string field) => Number<decimal>(node, field, TextValues.Amount);

    public decimal? Percent(YamlNode node, string field) => Number<decimal>(node, field, TextValues.Percent);

    public decimal? Number(YamlNode node, string field) => Number<decimal>(node, field, TextValues.Number);

    public int? Integer(YamlNode node, string field, int min) =>
        Number(node, field, (string t, out int v) => TextValues.Integer(t, min, InputLimits.MaxCount, out v));

    public bool? Boolean(YamlNode node, string field) => Number<bool>(node, field, TextValues.Boolean);

    public T? Choice<T>(YamlNode node, string field, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        if (Text(node, field) is not { } text)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(node, field, TextValues.Choice(text, [.. values.Keys]) ?? "");
        return null;
    }

    /// <summary>The items of a sequence with their paths (field[0], field[1], …); null when the node is not a sequence.</summary>
    public List<(YamlNode Node, string Field)>? Items(YamlNode node, string field)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Wrong(node, field, "a list");
            return null;
        }

        return [.. sequence.Children.Select((item, i) => (item, $"{field}[{i}]"))];
    }

    /// <summary>A mapping with a known set of keys; explicit null reads as an empty mapping (a section given without settings).</summary>
    public YamlSection? Section(YamlNode node, string field, IReadOnlyList<string> keys)
    {
        if (IsNull(node))
        {
            return new YamlSection(this, null, LineOf(node), field, keys);
        }

        if (node is not YamlMappingNode mapping)
        {
            Wrong(node, field, $"a mapping with keys {string.Join(", ", keys)}");
            return null;
        }

        return new YamlSection(this, mapping, LineOf(mapping), field, keys);
    }

    /// <summary>A mapping whose keys are data (waiver category codes, duties): each key with its value and path.</summary>
    public List<(string Key, YamlNode KeyNode, YamlNode Value, string Field)>? Entries(YamlNode node, string field)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            Wrong(node, field, "a mapping");
            return null;
        }

        var entries = new List<(string, YamlNode, YamlNode, string)>();
        foreach (var (key, value) in mapping.Children)
        {
            if (Text(key, field) is { } name)
            {
                entries.Add((name, key, value, Child(field, name)));
            }
        }

        return entries;
    }

    public static string Child(string field, string key) => field.Length == 0 ? key : field + "." + key;

    private delegate string? Parser<T>(string text, out T value);

    private T? Number<T>(YamlNode node, string field, Parser<T> parse)
        where T : struct
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, field, $"{Expected(parse)}, got {Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? "";
        var problem = parse(text, out var value);
        if (problem is null && scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            problem = $"{Expected(parse)}, got the quoted text '{text}'";
        }

        if (problem is not null)
        {
            Error(node, field, problem);
            return null;
        }

        return value;
    }

    private string? Check(YamlNode node, string field, string text, string? problem)
    {
        if (problem is null)
        {
            return text;
        }

        Error(node, field, problem);
        return null;
    }

    private string? Wrong(YamlNode node, string field, string expected)
    {
        Error(node, field, $"expected {expected}, got {Describe(node)}");
        return null;
    }

    /// <summary>The "expected …" part of a parser's message, found by parsing text no parser accepts.</summary>
    private static string Expected<T>(Parser<T> parse)
    {
        var message = parse("?", out _) ?? "expected a value";
        var cut = message.LastIndexOf(", got", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: { Length: > 60 } v } => $"'{v[..57]}…' ({v.Length} characters)",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };
}
