using System.Buffers;
using System.Text.Json;

namespace Compensation.Rules.Facts.Loading;

/// <summary>JSONPath spelling of locations ($.lessons[3].minutes) and the line each one starts on.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    private static readonly SearchValues<char> PlainNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static string Property(string parent, string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(PlainNameChars) && !char.IsAsciiDigit(name[0])
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// The 1-based line of every key and array element, by path. JsonDocument keeps no positions,
    /// so one Utf8JsonReader pass over the same (already validated) bytes records them; a key's
    /// line is where its name is written, which is where an editor should jump.
    /// </summary>
    public static Dictionary<string, int> Lines(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var lineStarts = LineStarts(json);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        string? pendingKey = null;
        var reader = new Utf8JsonReader(json, options);
        while (reader.Read())
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingKey = Property(stack.Peek().Path, reader.GetString() ?? "");
                lines[pendingKey] = line;
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            var path = ValuePath(stack, pendingKey);
            lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return lines;
    }

    private static string ValuePath(Stack<Frame> stack, string? pendingKey)
    {
        if (stack.Count == 0)
        {
            return Root;
        }

        var parent = stack.Peek();
        return parent.IsArray ? Index(parent.Path, parent.NextIndex++) : pendingKey ?? parent.Path;
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> json)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }
}
