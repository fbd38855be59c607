using System.Runtime.CompilerServices;
namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// The ids of one id space seen so far, for telling a new id from them. Ids mostly come in increasing order (rules
/// firing in agenda order insert so, input files mostly come sorted): they are kept as runs of increasing ids, of each
/// run only its first and last id, as the ids themselves are in the facts' lists already. A new id greater than the
/// last of the current run and outside every other run's range is new. An id that falls inside a run's range, or
/// too many runs, turn the space into a set of every id, read from those lists. An id comes in two parts, head and
/// tail (a rule's prefix and the key it gave, or an input fact's whole id and nothing), and is compared so.
/// </summary>
internal sealed class IdSpace(string name)
{
    private const int MaxRuns = 8;
    private readonly List<List<FactRef>> _lists = [];
    private readonly List<Run> _runs = [];
    private HashSet<string>? _set;

    // Every run but the current one ends at or below the current run's last id, or starts at or above this id.
    private Run? _above;

    public string Name { get; } = name;

    /// <summary>
    /// The id before the one last taken, when that one was taken as greater than it (the current run grew), as the
    /// run that ended with it; else null.
    /// </summary>
    public (string Head, string Tail)? Before { get; private set; }

    /// <summary>The name of an id's space: the part before its first ':' (the whole of a rule's ids but the key), or empty.</summary>
    public static ReadOnlySpan<char> NameOf(string id)
    {
        var colon = id.IndexOf(':');
        return colon < 0 ? ReadOnlySpan<char>.Empty : id.AsSpan(0, colon);
    }

    /// <summary>Adds the id <paramref name="head"/> + <paramref name="tail"/> of a fact that goes into <paramref name="list"/>; false when the id is already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(string head, string tail, List<FactRef> list)
    {
        Before = null;
        if (_set is null)
        {
            var runs = _runs.Count;
            if (runs == 0)
            {
                _runs.Add(new Run(head, tail));
                Note(list);
                return true;
            }

            var current = _runs[^1];
            var c = Ids.Compare(current.LastHead, current.LastTail, head, tail);
            if (c == 0)
            {
                return false;
            }

            // Greater than the current run's last id and below every other run that reaches above it: new.
            if (c < 0 && (_above is null || Ids.Compare(head, tail, _above.FirstHead, _above.FirstTail) < 0))
            {
                Before = (current.LastHead, current.LastTail);
                current.Extend(head, tail);
                Note(list);
                return true;
            }

            switch (Outside(head, tail, c < 0 ? runs - 1 : runs))
            {
                case false:
                    return false;
                case true when c < 0:
                    Before = (current.LastHead, current.LastTail);
                    current.Extend(head, tail);
                    Note(list);
                    _above = Above();
                    return true;
                case true when runs < MaxRuns:
                    _runs.Add(new Run(head, tail));
                    Note(list);
                    _above = Above();
                    return true;
            }

            _set = AllIds();
        }

        if (!_set.Add(string.Concat(head, tail)))
        {
            return false;
        }

        Note(list);
        return true;
    }

    /// <summary>Of the other runs that end above the current run's last id, the one that starts lowest (null when none does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Run? Above()
    {
        var current = _runs[^1];
        Run? above = null;
        for (var i = 0; i < _runs.Count - 1; i++)
        {
            var run = _runs[i];
            if (Ids.Compare(run.LastHead, run.LastTail, current.LastHead, current.LastTail) > 0
                && (above is null || Ids.Compare(run.FirstHead, run.FirstTail, above.FirstHead, above.FirstTail) < 0))
            {
                above = run;
            }
        }

        return above;
    }

    /// <summary>
    /// Whether the id is outside the ranges of the first <paramref name="count"/> runs: true, false when it is the
    /// first or last id of one, null when it falls inside one (only the ids themselves can tell then).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool? Outside(string head, string tail, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var run = _runs[i];
            var c = Ids.Compare(head, tail, run.FirstHead, run.FirstTail);
            if (c < 0)
            {
                continue;
            }

            if (c == 0)
            {
                return false;
            }

            c = Ids.Compare(head, tail, run.LastHead, run.LastTail);
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
                var id = f.Id;
                if (NameOf(id).SequenceEqual(Name))
                {
                    set.Add(id);
                }
            }
        }

        _runs.Clear();
        _above = null;
        return set;
    }

    /// <summary>A run of increasing ids: its first and (so far) last, each in its two parts.</summary>
    private sealed class Run(string head, string tail)
    {
        public string FirstHead { get; } = head;
        public string FirstTail { get; } = tail;
        public string LastHead { get; private set; } = head;
        public string LastTail { get; private set; } = tail;

        public void Extend(string head, string tail) => (LastHead, LastTail) = (head, tail);
    }
}
