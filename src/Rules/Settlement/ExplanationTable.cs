using System.Collections;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Settlement;

/// <summary>
/// The explanations of a settlement's derived facts, by id, read from the facts themselves: an entry (and the
/// sentence in it) is put together when it is looked up or enumerated, so a settlement nobody asks to explain
/// does not build tens of thousands of them. Enumerates in the order the facts were derived (by type); the JSON
/// and the documents put them in id order themselves.
/// </summary>
internal sealed class ExplanationTable : IReadOnlyDictionary<string, ExplanationEntry>
{
    private readonly RuleRun _session;
    private readonly Dictionary<string, Bilingual> _titles;

    public ExplanationTable(RuleRun session, Dictionary<string, Bilingual> titles)
    {
        _session = session;
        _titles = titles;
        Count = session.Count<DerivedFact>();
    }

    public int Count { get; }

    public IEnumerable<string> Keys => _session.Unordered<DerivedFact>().Select(f => f.Id);

    public IEnumerable<ExplanationEntry> Values => _session.Unordered<DerivedFact>().Select(Entry);

    public ExplanationEntry this[string key] =>
        TryGetValue(key, out var entry) ? entry : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => _session.ById.TryGetValue(key, out var f) && f is DerivedFact;

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ExplanationEntry value)
    {
        if (_session.ById.TryGetValue(key, out var f) && f is DerivedFact d)
        {
            value = Entry(d);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, ExplanationEntry>> GetEnumerator()
    {
        foreach (var f in _session.Unordered<DerivedFact>())
        {
            yield return new KeyValuePair<string, ExplanationEntry>(f.Id, Entry(f));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ExplanationEntry Entry(DerivedFact f)
    {
        var p = f.Provenance;
        return new ExplanationEntry(f.Id, p.RuleId, _titles[p.RuleId], p.Clause, p.Explanation, p.SourceIds);
    }
}
