using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Compensation.Testing;

/// <summary>
/// The committed record of what the program gives today, under tests/baseline/: a change to any output shows as a
/// failing test naming what changed. With COMPENSATION_UPDATE_BASELINE=1 the tests write the record instead of
/// comparing (and still fail, so a run that rewrote it is never mistaken for a passing one); commit the new file with
/// a message saying which outputs changed and why.
/// </summary>
public static class Baseline
{
    public const string UpdateVariable = "COMPENSATION_UPDATE_BASELINE";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    /// <summary>The folder that holds Compensation.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compensation.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Compares <paramref name="actual"/> (output name → value, in a stable order) with the committed file
    /// tests/baseline/<paramref name="file"/>. Returns null when they agree, else the message to fail with.
    /// </summary>
    public static string? Check(string file, IReadOnlyList<KeyValuePair<string, string>> actual)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "baseline", file);
        var relative = "tests/baseline/" + file;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var json = JsonSerializer.Serialize(actual.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Options);
            File.WriteAllText(path, json.ReplaceLineEndings("\n") + "\n");
            return $"{relative} rewritten because {UpdateVariable}=1; run again without it to compare";
        }

        if (!File.Exists(path))
        {
            return $"{relative} is missing; {Regenerate}";
        }

        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException(relative + " is not a JSON object");
        var differences = new List<string>();
        foreach (var (name, value) in actual)
        {
            if (!expected.TryGetValue(name, out var was))
            {
                differences.Add($"  {name}: new output ({Short(value)})");
            }
            else if (was != value)
            {
                differences.Add($"  {name}: changed (was {Short(was)}, now {Short(value)})");
            }
        }

        var names = actual.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(expected.Keys.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"  {k}: no longer produced"));
        return differences.Count == 0
            ? null
            : $"{differences.Count} output(s) differ from {relative}:\n{string.Join("\n", differences)}\n"
              + $"If the change is intended, {Regenerate}";
    }

    private static string Regenerate =>
        $"regenerate it with `{UpdateVariable}=1 dotnet test <the test project> --filter \"FullyQualifiedName~BaselineTests\"`, "
        + "then run the tests again without the variable, and commit the file saying which outputs changed and why.";

    private static string Short(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
