using Compensation.Rules.Domain;

namespace Compensation.Rules.Calculators;

/// <summary>
/// Splits a whole into parts proportional to weights so that the parts add up to the
/// whole exactly (largest-remainder method, in fen). Each part first gets the floor of its
/// exact share; the fen left over go one each to the largest remainders, ties broken by the
/// ordinal order of the keys, so the result never depends on the order of the input.
/// </summary>
public static class Allocation
{
    public static Money[] LargestRemainder(Money total, IReadOnlyList<decimal> weights, IReadOnlyList<string> keys)
    {
        if (weights.Count != keys.Count)
        {
            throw new ArgumentException("one key per weight", nameof(keys));
        }

        if (total.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total.ToString(), "cannot allocate a negative amount");
        }

        var n = weights.Count;
        var result = new Money[n];
        if (n == 0)
        {
            if (!total.IsZero)
            {
                throw new InvalidOperationException($"cannot allocate {total} over no parts");
            }

            return result;
        }

        decimal sum = 0m;
        foreach (var w in weights)
        {
            if (w < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must not be negative");
            }

            sum += w;
        }

        if (sum == 0m)
        {
            if (!total.IsZero)
            {
                throw new InvalidOperationException($"cannot allocate {total} over parts whose weights are all zero");
            }

            return result;
        }

        var totalFen = total.Fen;
        if (AllEqual(weights))
        {
            return EqualShares(totalFen, keys);
        }

        var floors = new long[n];
        var remainders = new decimal[n];
        long given = 0;
        // Remainders are kept as numerators over the common denominator Σw, which are exact: a quotient rounded to 28
        // digits keeps fewer fraction digits the larger its whole part, so equal remainders (a tie, broken by key)
        // could otherwise compare as unequal.
        for (var i = 0; i < n; i++)
        {
            var numerator = totalFen * weights[i];
            var floor = decimal.Floor(numerator / sum);
            var remainder = numerator - (floor * sum);
            if (remainder < 0m)
            {
                floor--;
                remainder += sum;
            }
            else if (remainder >= sum)
            {
                floor++;
                remainder -= sum;
            }

            floors[i] = (long)floor;
            remainders[i] = remainder;
            given += floors[i];
        }

        var left = totalFen - given;
        if (left > 0)
        {
            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var c = remainders[b].CompareTo(remainders[a]);
                return c != 0 ? c : string.CompareOrdinal(keys[a], keys[b]);
            });
            for (var k = 0; k < left; k++)
            {
                floors[order[k]]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            result[i] = Money.FromFen(floors[i]);
        }

        return result;
    }

    private static bool AllEqual(IReadOnlyList<decimal> weights)
    {
        for (var i = 1; i < weights.Count; i++)
        {
            if (weights[i] != weights[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal weights: every part gets the floor share, the fen left over go to the first keys in ordinal order (every remainder ties).</summary>
    private static Money[] EqualShares(long totalFen, IReadOnlyList<string> keys)
    {
        var n = keys.Count;
        var share = totalFen / n;
        var left = totalFen - (share * n);
        var result = new Money[n];
        var baseShare = Money.FromFen(share);
        Array.Fill(result, baseShare);
        if (left > 0)
        {
            var order = new int[n];
            var sortKeys = new string[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
                sortKeys[i] = keys[i];
            }

            Array.Sort(sortKeys, order, StringComparer.Ordinal);
            var plusOne = Money.FromFen(share + 1);
            for (var k = 0; k < left; k++)
            {
                result[order[k]] = plusOne;
            }
        }

        return result;
    }

    /// <summary>
    /// As <see cref="LargestRemainder"/>, with ties among equal remainders going to the earlier part: the caller gives
    /// the parts in the order the plan breaks ties in (e.g. lessons by date, slot and id).
    /// </summary>
    public static Money[] LargestRemainderInOrder(Money total, IReadOnlyList<decimal> weights)
    {
        var keys = new string[weights.Count];
        var width = weights.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        return LargestRemainder(total, weights, keys);
    }

    /// <summary>Whole units (e.g. lessons) split by largest remainder, ties by key.</summary>
    public static long[] LargestRemainderUnits(long total, IReadOnlyList<decimal> weights, IReadOnlyList<string> keys)
    {
        var asMoney = LargestRemainder(Money.FromFen(total), weights, keys);
        return asMoney.Select(m => m.Fen).ToArray();
    }
}
