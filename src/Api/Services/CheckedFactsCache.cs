using Compensation.Rules.Facts;

namespace Compensation.Api.Services;

/// <summary>
/// The facts of the last few sets of stored fact files, checked and built, by the SHA-256 of every file.
/// Reading and checking a large term's files (some 300,000 rows) takes longer than settling it, and the
/// same files are read by the import that brings them, the draft, the finalisation and the statements.
/// Building facts is a pure function of the files' bytes, and <see cref="TermFacts"/> is immutable, so an
/// entry found by its files' hashes is exactly what reading the files again would give.
/// </summary>
public sealed class CheckedFactsCache
{
    /// <summary>Terms kept; a large term's facts take some tens of megabytes.</summary>
    private const int Capacity = 4;

    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, TermFacts Facts)> _entries = new();

    /// <summary>The key of a set of files: each file's name and SHA-256, in name order.</summary>
    public static string KeyOf(IEnumerable<(string FileName, string Sha256)> files) =>
        Hashing.Sha256(string.Join("\n", files.OrderBy(f => f.FileName, StringComparer.Ordinal).Select(f => f.FileName + ":" + f.Sha256)));

    public bool TryGet(string key, out TermFacts facts)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    facts = node.Value.Facts;
                    return true;
                }
            }
        }

        facts = null!;
        return false;
    }

    public void Add(string key, TermFacts facts)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((key, facts));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }
    }
}
