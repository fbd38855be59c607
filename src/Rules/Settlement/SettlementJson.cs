using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Settlement;

/// <summary>
/// The settlement as JSON: money as numbers with two decimals, months as "yyyy-MM", enums in
/// kebab-case, explanations in id order. The same settlement always gives the same bytes.
/// </summary>
public static class SettlementJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        Encoder = Options.Encoder,
        SkipValidation = true,
    };

    public static string Serialize(SettlementResult result) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(result));

    /// <summary>
    /// The settlement as UTF-8 JSON. The explanations (tens of thousands in a large school) are written straight to
    /// the writer in id order; everything else goes through the serializer, property by property.
    /// </summary>
    public static byte[] SerializeToUtf8Bytes(SettlementResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in Options.GetTypeInfo(typeof(SettlementResult)).Properties)
            {
                if (property.Get is not { } get || property.Name == "explanations")
                {
                    continue;
                }

                writer.WritePropertyName(property.Name);
                JsonSerializer.Serialize(writer, get(result), property.PropertyType, Options);
            }

            writer.WritePropertyName("explanations");
            WriteExplanations(writer, result.Explanations);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>From this many explanations on, they are written in parts on every core and the parts joined.</summary>
    internal const int ParallelFrom = 4096;

    private static void WriteExplanations(Utf8JsonWriter writer, IReadOnlyDictionary<string, ExplanationEntry> explanations)
    {
        var keys = new List<string>(explanations.Count);
        keys.AddRange(explanations.Keys);
        keys.Sort(StringComparer.Ordinal);
        if (keys.Count < ParallelFrom)
        {
            writer.WriteStartObject();
            foreach (var key in keys)
            {
                WriteEntry(writer, key, explanations[key]);
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteRawValue(ExplanationsInParts(keys, explanations), skipInputValidation: true);
    }

    /// <summary>
    /// The explanations object as the writer would write it at the second level of the document, written in parts at
    /// once (an entry's sentence is put together when it is first read, which is most of the work). Each part is
    /// written inside <c>{"x": {…}}</c>, so that its entries are indented as in the document, and its entries cut out.
    /// </summary>
    private static byte[] ExplanationsInParts(List<string> keys, IReadOnlyDictionary<string, ExplanationEntry> explanations)
    {
        var newLine = Encoding.UTF8.GetBytes(WriterOptions.NewLine);
        byte[] head = [(byte)'{', .. newLine, .. "  \"x\": {"u8];
        byte[] tail = [.. newLine, .. "  }"u8, .. newLine, (byte)'}'];
        var count = Math.Min(keys.Count / 1024, 4 * Environment.ProcessorCount);
        var parts = new byte[count][];
        Parallel.For(0, count, i =>
        {
            var from = (int)((long)keys.Count * i / count);
            var to = (int)((long)keys.Count * (i + 1) / count);
            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteStartObject("x");
                for (var k = from; k < to; k++)
                {
                    WriteEntry(w, keys[k], explanations[keys[k]]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            var written = buffer.WrittenSpan;
            if (!written.StartsWith(head) || !written.EndsWith(tail))
            {
                throw new InvalidOperationException("a part of the explanations is not framed as expected");
            }

            parts[i] = written[head.Length..^tail.Length].ToArray();
        });

        var joined = new byte[1 + parts.Sum(p => p.Length) + (count - 1) + newLine.Length + 3];
        var at = 0;
        joined[at++] = (byte)'{';
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                joined[at++] = (byte)',';
            }

            parts[i].CopyTo(joined, at);
            at += parts[i].Length;
        }

        newLine.CopyTo(joined, at);
        at += newLine.Length;
        joined[at++] = (byte)' ';
        joined[at++] = (byte)' ';
        joined[at] = (byte)'}';
        return joined;
    }

    private static void WriteEntry(Utf8JsonWriter writer, string key, ExplanationEntry e)
    {
        writer.WritePropertyName(key);
        writer.WriteStartObject();
        writer.WriteString("id", e.Id);
        writer.WriteString("ruleId", e.RuleId);
        WriteBilingual(writer, "ruleTitle", e.RuleTitle);
        writer.WriteString("clause", e.Clause);
        WriteBilingual(writer, "sentence", e.Sentence);
        writer.WriteStartArray("sourceIds");
        foreach (var id in e.SourceIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBilingual(Utf8JsonWriter writer, string name, Bilingual? text)
    {
        if (text is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("zh", text.Zh);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }

    /// <summary>Applies the settlement's conventions (camelCase, money as numbers, months, kebab-case enums) to other options.</summary>
    public static void Apply(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new MoneyConverter());
        o.Converters.Add(new MonthConverter());
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        Apply(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.Of(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Yuan.ToString("0.00", CultureInfo.InvariantCulture));
    }

    private sealed class MonthConverter : JsonConverter<Month>
    {
        public override Month Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Month.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Month value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
