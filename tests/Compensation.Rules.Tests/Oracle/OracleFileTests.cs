using System.Text.Json.Nodes;
using Compensation.Rules.Settlement;
using Stored = Compensation.Testing.Oracle;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>The stored oracle itself: its manifest, no stray files, reproducible gzip, and the diff its failures show.</summary>
public sealed class OracleFileTests
{
    [Fact]
    public void TheManifest_IsStored()
    {
        var path = Path.Combine(Stored.Folder, OracleCases.ManifestFile);
        if (Stored.Updating && !File.Exists(path))
        {
            File.WriteAllText(path, OracleCases.WriteManifest(OracleCases.DefaultTerms()));
            Assert.Fail($"tests/oracle/{OracleCases.ManifestFile} written because {Stored.UpdateVariable}=1 and there was none");
        }

        Assert.True(File.Exists(path), $"tests/oracle/{OracleCases.ManifestFile} is missing");
        var terms = OracleCases.ReadManifest(File.ReadAllText(path));
        Assert.Equal(terms.Count, terms.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>No stored file is left over from an item that is no longer an item (when updating: such files are removed).</summary>
    [Fact]
    public void EveryStoredFile_BelongsToAnItem()
    {
        var expected = OracleCases.All().SelectMany(c => c.Files).ToHashSet(StringComparer.Ordinal);
        var stray = StoredFiles().Where(f => !expected.Contains(f)).ToList();
        if (Stored.Updating)
        {
            stray.ForEach(f => File.Delete(Path.Combine(Stored.Folder, f)));
        }

        Assert.True(stray.Count == 0, $"{stray.Count} stored file(s) of no item{(Stored.Updating ? " (removed)" : "")}: {string.Join(", ", stray)}");
    }

    /// <summary>Every stored gzip carries no time or name, so a regeneration of the same text gives the same bytes.</summary>
    [Fact]
    public void EveryStoredGzip_HasNoTimeOrNameInItsHeader()
    {
        var gz = StoredFiles().Where(f => f.EndsWith(".gz", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(gz);
        var problems = gz.Select(f => (f, Stored.GzipHeaderProblem(File.ReadAllBytes(Path.Combine(Stored.Folder, f))))).Where(p => p.Item2 is not null).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p.f}: {p.Item2}")));
        Assert.Null(Stored.GzipHeaderProblem(Stored.Gzip("测试 test\n"u8.ToArray())));
    }

    [Fact]
    public void TheCanonicalForm_IsTheSettlementJsonWithoutItsExplanations()
    {
        var result = OracleCases.Get("samples/yongqiao-002-s1").Settle();
        var settlement = JsonNode.Parse(SettlementJson.Serialize(result))!.AsObject();
        Assert.True(settlement.Remove("explanations"));
        var canonical = JsonNode.Parse(Stored.Canonical(result))!.AsObject();
        Assert.True(JsonNode.DeepEquals(settlement, canonical), "the canonical form is not the settlement JSON less its explanations");
        Assert.DoesNotContain(canonical, p => p.Key == "explanations");
        Assert.Equal(Stored.Canonical(result), Stored.Canonical(OracleCases.Get("samples/yongqiao-002-s1").Settle()));
    }

    [Fact]
    public void TheExplanationForm_HoldsEveryExplanationInIdOrder()
    {
        var result = OracleCases.Get("samples/yongqiao-002-s1").Settle();
        var form = JsonNode.Parse(Stored.Explanations(result))!.AsObject();
        var ids = form.Select(p => p.Key).ToList();
        Assert.Equal(result.Explanations.Keys.Order(StringComparer.Ordinal), ids);
        var (id, entry) = (ids[0], form[ids[0]]!);
        Assert.Equal(result.Explanations[id].RuleId, (string?)entry["ruleId"]);
        Assert.Equal(result.Explanations[id].Sentence!.Zh, (string?)entry["sentence"]!["zh"]);
        Assert.Equal(result.Explanations[id].SourceIds, entry["sourceIds"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void TheDiff_ShowsAChangedLineWithItsLineNumber_AndAnInsertedLineAsOne()
    {
        var stored = string.Join("\n", Enumerable.Range(1, 100).Select(i => $"    \"amount\": {i}.00,")) + "\n";
        var changed = stored.Replace("\"amount\": 50.00,", "\"amount\": 50.01,", StringComparison.Ordinal).Replace("\"amount\": 70.00,\n", "\"amount\": 70.00,\n    \"new\": 1,\n", StringComparison.Ordinal);
        var diff = Stored.Diff(stored, changed);
        Assert.Contains("1 stored line(s) and 2 of today's differ, from line 50", diff); // 50 changed, one line inserted after 70
        Assert.Contains("  -      50:     \"amount\": 50.00,", diff);
        Assert.Contains("  +      50:     \"amount\": 50.01,", diff);
        Assert.Contains("  +      71:     \"new\": 1,", diff);
        Assert.DoesNotContain("\"amount\": 72.00", diff);
    }

    [Fact]
    public void TheDiff_OfTwoChangesFarApart_ShowsTheFirstAligned()
    {
        var stored = string.Join("\n", Enumerable.Range(1, 50_000).Select(i => $"    \"id\": \"L{i}\",")) + "\n";
        var changed = stored.Replace("\"L100\"", "\"X100\"", StringComparison.Ordinal).Replace("\"L40000\",\n", "", StringComparison.Ordinal);
        var diff = Stored.Diff(stored, changed);
        Assert.Contains("in the 2000 lines from there, from line 100", diff);
        Assert.Contains("  -     100:     \"id\": \"L100\",", diff);
        Assert.Contains("  +     100:     \"id\": \"X100\",", diff);
        Assert.DoesNotContain("L101\"", diff);
    }

    private static IEnumerable<string> StoredFiles()
    {
        foreach (var folder in new[] { "samples", "scenarios", "generated" })
        {
            var dir = Path.Combine(Stored.Folder, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                yield return folder + "/" + Path.GetFileName(file);
            }
        }
    }
}
