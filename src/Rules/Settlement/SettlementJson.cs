using System.Globalization;
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

    public static string Serialize(SettlementResult result) =>
        JsonSerializer.Serialize(result with { Explanations = new SortedDictionary<string, ExplanationEntry>(result.Explanations.ToDictionary(), StringComparer.Ordinal) }, Options);

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
