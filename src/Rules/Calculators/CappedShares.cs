using Compensation.Rules.Domain;

namespace Compensation.Rules.Calculators;

/// <summary>
/// A largest-remainder split (<see cref="Allocation.LargestRemainder"/>) in which no part may exceed its cap: a part
/// above its cap is cut to it and what is left is split again over the others, until none is above its cap.
/// 001 篇四 结余清退 returns families' money, so no family gets back more than it pays.
/// </summary>
public static class CappedShares
{
    /// <summary>
    /// Splits <paramref name="total"/> by <paramref name="weights"/> (ties by <paramref name="keys"/>), each part at
    /// most its cap when <paramref name="caps"/> is given. A zero weight gets nothing; if every part reaches its cap,
    /// what is left over stays unsplit.
    /// </summary>
    public static Money[] Of(Money total, IReadOnlyList<decimal> weights, IReadOnlyList<string> keys, IReadOnlyList<Money>? caps)
    {
        if (weights.Count != keys.Count || (caps is not null && caps.Count != weights.Count))
        {
            throw new ArgumentException("one key and one cap per weight", nameof(keys));
        }

        var result = new Money[weights.Count];
        var open = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0m).ToList();
        var left = total;
        while (open.Count > 0 && !left.IsZero)
        {
            var round = Allocation.LargestRemainder(left, open.Select(i => weights[i]).ToArray(), open.Select(i => keys[i]).ToArray());
            var over = caps is null ? [] : open.Where((i, k) => round[k] > caps[i]).ToList();
            if (over.Count == 0)
            {
                for (var k = 0; k < open.Count; k++)
                {
                    result[open[k]] = round[k];
                }

                break;
            }

            foreach (var i in over)
            {
                result[i] = caps![i];
                left -= result[i];
                open.Remove(i);
            }
        }

        return result;
    }
}
