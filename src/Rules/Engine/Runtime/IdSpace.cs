using System.Runtime.CompilerServices;
namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// The ids of one id space seen so far, for telling a new id from them. Ids mostly come in increasing order (rules
/// firing in agenda order insert so, input files mostly come sorted): they are kept as runs of increasing ids, of each
/// run only its first and last id, as the ids themselves are in the facts' lists already. A new id greater than the
/// last of the current run and outside every other run's range is new. An id that falls inside a run's range, or
/// too many runs, turn the space into a set of every id, read from those lists.
/// </summary>
internal sealed class IdSpace(string name)
{
    private const int MaxRuns = 8;
    private readonly List<List<FactRef>> _lists = [];
    private readonly List<(string First, string Last)> _runs = [];
    private HashSet<string>? _set;

    // Every run but the current one ends at or below the current run's last id, or starts at or above this id.
    private string? _above;

    public string Name { get; } = name;

    /// <summary>The id before the one last taken, when that one was taken as greater than it (the current run grew); else null.</summary>
    public string? Before { get; private set; }

    /// <summary>The name of an id's space: the part before its first ':' (the whole of a rule's ids but the key), or empty.</summary>
    public static ReadOnlySpan<char> NameOf(string id)
    {
        var colon = id.IndexOf(':');
        return colon < 0 ? ReadOnlySpan<char>.Empty : id.AsSpan(0, colon);
    }

    /// <summary>Adds the id of a fact that goes into <paramref name="list"/>; false when the id is already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(string id, List<FactRef> list)
    {
        Before = null;
        if (_set is null)
        {
            var runs = _runs.Count;
            if (runs == 0)
            {
                _runs.Add((id, id));
                Note(list);
                return true;
            }

            var current = _runs[^1];
            var c = Ids.Compare(current.Last, id);
            if (c == 0)
            {
                return false;
            }

            // Greater than the current run's last id and below every other run that reaches above it: new.
            if (c < 0 && (_above is null || Ids.Compare(id, _above) < 0))
            {
                _runs[^1] = (current.First, id);
                Before = current.Last;
                Note(list);
                return true;
            }

            switch (Outside(id, c < 0 ? runs - 1 : runs))
            {
                case false:
                    return false;
                case true when c < 0:
                    _runs[^1] = (current.First, id);
                    Before = current.Last;
                    Note(list);
                    _above = Above();
                    return true;
                case true when runs < MaxRuns:
                    _runs.Add((id, id));
                    Note(list);
                    _above = Above();
                    return true;
            }

            _set = AllIds();
        }

        if (!_set.Add(id))
        {
            return false;
        }

        Note(list);
        return true;
    }

    /// <summary>The least first id of the other runs that end above the current run's last id (null when none does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Above()
    {
        var last = _runs[^1].Last;
        string? above = null;
        for (var i = 0; i < _runs.Count - 1; i++)
        {
            var (first, end) = _runs[i];
            if (Ids.Compare(end, last) > 0 && (above is null || Ids.Compare(first, above) < 0))
            {
                above = first;
            }
        }

        return above;
    }

    /// <summary>
    /// Whether the id is outside the ranges of the first <paramref name="count"/> runs: true, false when it is the
    /// first or last id of one, null when it falls inside one (only the ids themselves can tell then).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool? Outside(string id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (first, last) = _runs[i];
            var c = Ids.Compare(id, first);
            if (c < 0)
            {
                continue;
            }

            if (c == 0)
            {
                return false;
            }

            c = Ids.Compare(id, last);
            if (c == 0)
            {
                return false;
            }

            if (c < 0)
            {
                return null;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Note(List<FactRef> list)
    {
        if (_lists.Count == 0 || !ReferenceEquals(_lists[^1], list) && !_lists.Contains(list))
        {
            _lists.Add(list);
        }
    }

    /// <summary>The ids of this space in the lists its facts went into (a list may hold facts of other spaces too).</summary>
    private HashSet<string> AllIds()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in _lists)
        {
            foreach (var f in list)
            {
                if (NameOf(f.Id).SequenceEqual(Name))
                {
                    set.Add(f.Id);
                }
            }
        }

        _runs.Clear();
        return set;
    }
}
