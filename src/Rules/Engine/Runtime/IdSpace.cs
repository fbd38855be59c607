using System.Runtime.CompilerServices;
namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// The ids of one id space seen so far, for telling a new id from them: kept as runs of increasing ids (a new id
/// greater than the last of the current run is compared with the other runs' ranges only), or, once there are many
/// runs, as a set.
/// </summary>
internal sealed class IdSpace(string name)
{
    private const int MaxRuns = 8;
    private readonly List<List<string>> _runs = [];
    private List<string>? _current;
    private HashSet<string>? _set;

    public string Name { get; } = name;

    /// <summary>Adds the id; false when it is already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(string id)
    {
        if (_set is not null)
        {
            return _set.Add(id);
        }

        if (_current is not null)
        {
            var c = string.CompareOrdinal(_current[^1], id);
            if (c == 0)
            {
                return false;
            }

            if (c < 0)
            {
                if (InOtherRuns(id))
                {
                    return false;
                }

                _current.Add(id);
                return true;
            }

            if (InOtherRuns(id) || _current.BinarySearch(id, StringComparer.Ordinal) >= 0)
            {
                return false;
            }
        }

        if (_runs.Count == MaxRuns)
        {
            _set = new HashSet<string>(_runs.Sum(r => r.Count) * 2, StringComparer.Ordinal);
            foreach (var run in _runs)
            {
                _set.UnionWith(run);
            }

            _runs.Clear();
            _current = null;
            return _set.Add(id);
        }

        _current = [id];
        _runs.Add(_current);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InOtherRuns(string id)
    {
        foreach (var run in _runs)
        {
            if (!ReferenceEquals(run, _current)
                && string.CompareOrdinal(id, run[0]) >= 0
                && string.CompareOrdinal(id, run[^1]) <= 0
                && run.BinarySearch(id, StringComparer.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
