using System.Text.Json;
using System.Text.Json.Serialization;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using Compensation.Rules.Tests.Properties;
using Compensation.Rules.Tests.Scenarios;
using Compensation.Testing;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>
/// Every item the oracle stores: each plan in rules-samples/, each scenario of Scenarios/ that settles a plan or facts
/// of its own, and the generated terms listed in tests/oracle/manifest.json.
/// </summary>
public static class OracleCases
{
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions ManifestOptions = CreateManifestOptions();

    private static readonly Lazy<IReadOnlyDictionary<string, OracleCase>> ByName = new(() =>
        All().ToDictionary(c => c.Name, StringComparer.Ordinal));

    /// <summary>The scenarios whose plan or facts are not a sample's as it is (those are the samples' own items).</summary>
    private static readonly (string Name, Func<(SchoolPolicy, TermFacts)> Inputs)[] Scenarios =
    [
        ("deduction-base", DeductionBaseScenario.Inputs),
        ("deduction-base-april-handover-slip", DeductionBaseScenario.WithAnAprilHandoverSlip),
        ("pay-bound-clamp", () => (PayBoundClampScenario.Policy, PayBoundClampScenario.Facts)),
        ("p3-001-complaint-at-5-percent-clamped", P3001PerLessonScenario.WithComplaintDecidedAtFivePercentUnderClamp),
        ("p4-001-without-withdrawal-rule", P4001Flat600Scenario.WithoutAWithdrawalRule),
    ];

    public static OracleCase Get(string name) => ByName.Value[name];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in ByName.Value.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static IEnumerable<OracleCase> All()
    {
        var samples = Path.Combine(Baseline.RepositoryRoot(), "rules-samples");
        foreach (var dir in Directory.GetDirectories(samples).Where(d => File.Exists(Path.Combine(d, "policy.yaml"))).Order(StringComparer.Ordinal))
        {
            yield return new OracleCase("samples/" + Path.GetFileName(dir),
                () => (PolicyLoader.LoadFile(Path.Combine(dir, "policy.yaml")), FactsLoader.LoadFolder(Path.Combine(dir, "facts"))), null);
        }

        foreach (var (name, inputs) in Scenarios)
        {
            yield return new OracleCase("scenarios/" + name, inputs, null);
        }

        foreach (var term in Terms())
        {
            yield return new OracleCase("generated/" + term.Name,
                () => TermGenerator.Generate(term.Seed, term.Students, term.Staff, term.Days, term.Options), term);
        }
    }

    /// <summary>The stored manifest's terms, or, when there is none yet, the default list it is first written from.</summary>
    public static IReadOnlyList<OracleTerm> Terms()
    {
        var path = Path.Combine(Compensation.Testing.Oracle.Folder, ManifestFile);
        return File.Exists(path) ? ReadManifest(File.ReadAllText(path)) : DefaultTerms();
    }

    public static IReadOnlyList<OracleTerm> ReadManifest(string json) =>
        JsonSerializer.Deserialize<Manifest>(json, ManifestOptions)?.Terms ?? throw new InvalidOperationException("tests/oracle/manifest.json has no terms");

    public static string WriteManifest(IReadOnlyList<OracleTerm> terms) =>
        JsonSerializer.Serialize(new Manifest(terms), ManifestOptions).ReplaceLineEndings("\n") + "\n";

    /// <summary>
    /// The 200 terms the manifest was first written with: the options vary with the seed as in the reference
    /// comparison (<see cref="TermSpec.Options"/>).
    /// 140 small terms: the reference comparison's seeds and 116 more, sized from the seed as there (30–120 students,
    /// 6–15 staff, 20–60 service days); 40 of 150–300 students, 12–30 staff, 40–90 days; 16 of 500–800 students,
    /// 30–50 staff, 90 days; 4 of the benchmark's size, 3,000 students, 150 staff, 90 days (canonical form as SHA-256).
    /// </summary>
    public static IReadOnlyList<OracleTerm> DefaultTerms()
    {
        var terms = new List<OracleTerm>();
        int[] referenceSeeds = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946, 20240902, 20250301, 31337, 424242];
        foreach (var seed in referenceSeeds.Concat(Enumerable.Range(1000, 116)))
        {
            terms.Add(Term("small", TermSpec.FromSeed(seed), OracleTerm.Gzip));
        }

        for (var k = 0; k < 40; k++)
        {
            var seed = 5000 + (k * 37);
            var r = new Random(seed);
            terms.Add(Term("medium", TermSpec.FromSeed(seed) with { Students = r.Next(150, 301), Staff = r.Next(12, 31), Days = r.Next(40, 91) }, OracleTerm.Gzip));
        }

        for (var k = 0; k < 16; k++)
        {
            var seed = 70000 + (k * 101);
            var r = new Random(seed);
            terms.Add(Term("large", TermSpec.FromSeed(seed) with { Students = r.Next(500, 801), Staff = r.Next(30, 51), Days = 90 }, OracleTerm.Gzip));
        }

        foreach (var seed in new[] { 20250901, 20260301, 3000150, 424243 })
        {
            terms.Add(Term("largest", TermSpec.FromSeed(seed) with { Students = 3000, Staff = 150, Days = 90 }, OracleTerm.Sha256));
        }

        return terms;
    }

    private static OracleTerm Term(string size, TermSpec spec, string store) =>
        new($"{size}-{spec.Seed}", spec.Seed, spec.Students, spec.Staff, spec.Days, spec.Options, store);

    private static JsonSerializerOptions CreateManifestOptions()
    {
        var o = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return o;
    }

    private sealed record Manifest(IReadOnlyList<OracleTerm> Terms);
}
