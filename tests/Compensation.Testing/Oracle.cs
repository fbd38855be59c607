using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Testing;

/// <summary>
/// The settlement oracle under tests/oracle/: what today's engine settles for every sample, every scenario and the
/// generated terms of the manifest, in two forms kept apart so that a change of amounts can be told from a change of
/// wording or provenance:
/// <list type="bullet">
/// <item>the canonical form: the settlement JSON without its explanations object (families, staff lines with their
/// line and fact ids, ledger, findings);</item>
/// <item>the explanation form: every explanation by id with its rule id, clause, source ids and sentence.</item>
/// </list>
/// Stored gzip'd, or as a SHA-256 only where the form is too large to keep. With COMPENSATION_UPDATE_ORACLE=1 the
/// checks write the stored file instead of comparing (and still fail, as the baseline does).
/// </summary>
public static partial class Oracle
{
    public const string UpdateVariable = "COMPENSATION_UPDATE_ORACLE";

    /// <summary>
    /// A folder to write every form to, uncompressed, as it is compared (including the forms stored as a SHA-256
    /// only), so that the forms of two commits can be compared line by line.
    /// </summary>
    public const string WriteToVariable = "COMPENSATION_ORACLE_WRITE_TO";

    /// <summary>Differing lines shown in a failure message.</summary>
    public const int ShownDifferences = 20;

    /// <summary>Lines of each side aligned by <see cref="Diff"/> from the first difference on.</summary>
    private const int Window = 2000;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = SettlementJson.Options.Encoder,
    };

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>tests/oracle in the repository.</summary>
    public static string Folder => Path.Combine(Baseline.RepositoryRoot(), "tests", "oracle");

    /// <summary>
    /// The canonical form: the settlement JSON as <see cref="SettlementJson"/> writes it, property by property with
    /// its options, without the <c>explanations</c> object. UTF-8, "\n" line ends, ending in a newline.
    /// </summary>
    public static byte[] Canonical(SettlementResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in SettlementJson.Options.GetTypeInfo(typeof(SettlementResult)).Properties)
            {
                if (property.Get is not { } get || property.Name == "explanations")
                {
                    continue;
                }

                writer.WritePropertyName(property.Name);
                JsonSerializer.Serialize(writer, get(result), property.PropertyType, SettlementJson.Options);
            }

            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>
    /// The explanation form: an object of every explanation by id (ordinal order), each with its rule id, clause,
    /// source ids (in the order the engine gives them) and its sentence in Chinese and English.
    /// </summary>
    public static byte[] Explanations(SettlementResult result)
    {
        var ids = result.Explanations.Keys.ToList();
        ids.Sort(StringComparer.Ordinal);

        // An entry's sentence is put together when it is first read, which is most of the work: on every core.
        var entries = new ExplanationEntry[ids.Count];
        Parallel.For(0, ids.Count, i => entries[i] = result.Explanations[ids[i]]);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            for (var i = 0; i < ids.Count; i++)
            {
                var (id, e) = (ids[i], entries[i]);
                writer.WriteStartObject(id);
                writer.WriteString("ruleId", e.RuleId);
                writer.WriteString("clause", e.Clause);
                writer.WriteStartArray("sourceIds");
                foreach (var source in e.SourceIds)
                {
                    writer.WriteStringValue(source);
                }

                writer.WriteEndArray();
                if (e.Sentence is null)
                {
                    writer.WriteNull("sentence");
                }
                else
                {
                    writer.WriteStartObject("sentence");
                    writer.WriteString("zh", e.Sentence.Zh);
                    writer.WriteString("en", e.Sentence.En);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>
    /// A generated term's input as JSON: its policy and its facts (money with the settlement's converters, tuples by
    /// their items). Its SHA-256 is stored so that a change of the generator is told apart from a change of the engine.
    /// </summary>
    public static byte[] InputJson(SchoolPolicy policy, TermFacts facts)
    {
        var options = new JsonSerializerOptions { IncludeFields = true };
        SettlementJson.Apply(options);
        return JsonSerializer.SerializeToUtf8Bytes(new { policy, facts }, options);
    }

    /// <summary>
    /// gzip without a time or a file name in its header (GZipStream writes neither), at the smallest size, so that
    /// the same text gives the same file on the same runtime.
    /// </summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// Why a gzip file's header is not reproducible (RFC 1952 §2.3: a modification time, a file name or a comment),
    /// or null when it carries none of them.
    /// </summary>
    public static string? GzipHeaderProblem(byte[] gz)
    {
        if (gz.Length < 18 || gz[0] != 0x1f || gz[1] != 0x8b || gz[2] != 8)
        {
            return "not a gzip (deflate) file";
        }

        const byte fname = 0x08, fcomment = 0x10, fextra = 0x04;
        if ((gz[3] & (fname | fcomment | fextra)) != 0)
        {
            return $"header flags 0x{gz[3]:x2} carry a name, comment or extra field";
        }

        return gz[4] == 0 && gz[5] == 0 && gz[6] == 0 && gz[7] == 0 ? null : "header carries a modification time";
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the stored gzip file tests/oracle/<paramref name="file"/>. Returns null
    /// when the texts agree, else the message to fail with: the first differing lines with their line numbers. When
    /// updating, writes the file (left as it is when its text is already the same, so that another zlib build does not
    /// rewrite unchanged files) and returns the message saying so.
    /// </summary>
    public static string? CheckGzip(string file, byte[] actual)
    {
        var path = Path.Combine(Folder, file);
        var relative = "tests/oracle/" + file;
        WriteCopy(file, actual);
        if (Updating)
        {
            var same = File.Exists(path) && Gunzip(File.ReadAllBytes(path)).AsSpan().SequenceEqual(actual);
            if (!same)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, Gzip(actual));
            }

            DeleteOther(path, ".sha256");
            return $"{relative} {(same ? "already as today's settlement" : "rewritten")} because {UpdateVariable}=1; run again without it to compare";
        }

        if (!File.Exists(path))
        {
            return $"{relative} is missing; {Regenerate}";
        }

        var expected = Gunzip(File.ReadAllBytes(path));
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }

        return $"{relative} differs from today's settlement:\n{Diff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual))}\n"
               + $"If the change is intended, {Regenerate}";
    }

    /// <summary>
    /// Compares the SHA-256 of <paramref name="actual"/> with the one stored in tests/oracle/<paramref name="file"/>
    /// (for forms too large to keep). On a difference today's form is written to a temporary file named in the
    /// message, to be compared with the form of an earlier commit.
    /// </summary>
    public static string? CheckSha256(string file, byte[] actual)
    {
        var path = Path.Combine(Folder, file);
        var relative = "tests/oracle/" + file;
        var hash = Baseline.Sha256(actual);
        WriteCopy(file, actual);
        if (Updating)
        {
            var same = File.Exists(path) && File.ReadAllText(path).Trim() == hash;
            if (!same)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, hash + "\n");
            }

            DeleteOther(path, ".gz");
            return $"{relative} {(same ? "already as today's settlement" : "rewritten")} because {UpdateVariable}=1; run again without it to compare";
        }

        if (!File.Exists(path))
        {
            return $"{relative} is missing; {Regenerate}";
        }

        var stored = File.ReadAllText(path).Trim();
        if (stored == hash)
        {
            return null;
        }

        var inspect = Path.Combine(Path.GetTempPath(), "compensation-oracle", StoredExtension().Replace(file, ""));
        Directory.CreateDirectory(Path.GetDirectoryName(inspect)!);
        File.WriteAllBytes(inspect, actual);
        return $"{relative}: only the SHA-256 is stored for this form (it is too large to keep); it was {stored}, now {hash}. "
               + $"Today's form is in {inspect}: compare it with the form an earlier commit writes ({WriteToVariable}=DIR, see tests/oracle/README.md).\n"
               + $"If the change is intended, {Regenerate}";
    }

    /// <summary>
    /// The first <see cref="ShownDifferences"/> differing lines of two texts, with their line numbers (− the stored
    /// text's, + today's), after the lines the texts begin and end with in common, and the record they are in.
    /// </summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        // The longest common subsequence of the differing middle (of its first Window lines on each side, where it is
        // longer), computed from its end, so that the walk from its start shows an inserted or removed line as one
        // line and not as every line after it.
        var whole = endA - start <= Window && endB - start <= Window;
        var n = Math.Min(endA - start, Window);
        var m = Math.Min(endB - start, Window);
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = a[start + i] == b[start + j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while ((x < n || y < m) && lines.Count < ShownDifferences)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                x++;
                y++;
            }
            else if (y >= m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add($"  - {start + x + 1,7}: {a[start + x]}");
                x++;
            }
            else
            {
                lines.Add($"  + {start + y + 1,7}: {b[start + y]}");
                y++;
            }
        }

        var counted = whole ? "" : $" in the {Window} lines from there";
        var header = $"  {n - common[0, 0]} stored line(s) and {m - common[0, 0]} of today's differ{counted}, from line {start + 1}"
                     + (Context(a, start) is { } context ? $", the first in {context}" : "")
                     + $"; the first {lines.Count} (− stored, + today, with line numbers):";
        return header + "\n" + string.Join("\n", lines);
    }

    /// <summary>The nearest student, staff member or top-level entry above line <paramref name="index"/>.</summary>
    private static string? Context(string[] lines, int index)
    {
        for (var i = Math.Min(index, lines.Length - 1); i >= 0; i--)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("\"studentId\":", StringComparison.Ordinal) || trimmed.StartsWith("\"staffId\":", StringComparison.Ordinal)
                || (lines[i].StartsWith("  \"", StringComparison.Ordinal) && i < index))
            {
                return $"line {i + 1} ({trimmed.TrimEnd(',', ' ', '{', '[')})";
            }
        }

        return null;
    }

    private static void WriteCopy(string file, byte[] form)
    {
        if (Environment.GetEnvironmentVariable(WriteToVariable) is { Length: > 0 } folder)
        {
            var path = Path.Combine(folder, StoredExtension().Replace(file, ""));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, form);
        }
    }

    [GeneratedRegex(@"\.(gz|sha256)$")]
    private static partial Regex StoredExtension();

    private static void DeleteOther(string path, string extension)
    {
        var stem = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path.EndsWith(".sha256", StringComparison.Ordinal) ? path[..^7] : path;
        var other = stem + extension;
        if (File.Exists(other))
        {
            File.Delete(other);
        }
    }

    private static string Regenerate =>
        $"regenerate it with `{UpdateVariable}=1 dotnet test tests/Compensation.Rules.Tests -c Release --filter \"FullyQualifiedName~Oracle\"`, "
        + "run the tests again without the variable, and commit tests/oracle with a message listing the differences (see tests/oracle/README.md).";
}
