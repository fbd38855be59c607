using System.Globalization;

namespace Compensation.Rules;

/// <summary>
/// The largest values and the most problems the loaders accept (docs/facts-format.md and
/// docs/policy-format.md, "Limits"). A value past its bound is refused where it enters, naming its
/// file, row and field or its policy key, so nothing that would overflow later is ever stored.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The largest amount of yuan one value may hold: 100,000,000 yuan, 10^10 fen. A term's sums add up
    /// at most a few million such values (the benchmark term has 313,925 attendance rows), and 9 × 10^8 of
    /// them still fit in fen as a signed 64-bit integer (9.22 × 10^18), so no total can overflow.
    /// </summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>The largest plain number that is not money (lesson-hours per day, a rate's factor): 1,000,000.</summary>
    public const decimal MaxNumber = 1_000_000m;

    /// <summary>The largest whole number a count or setting may be unless its field says less: 1,000,000.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>At most this many problems are collected and reported for one input; reading stops there.</summary>
    public const int MaxErrors = 1_000;

    /// <summary>The problem that closes a list cut at <see cref="MaxErrors"/>.</summary>
    public static InputError Truncated(string file, int more) => new(file, 0, "",
        more > 0
            ? $"{Format(more)} more problems are not listed: only the first {Format(MaxErrors)} are reported"
            : $"reading stopped after the first {Format(MaxErrors)} problems; there may be more");

    /// <summary>A bound as messages write it, the same in every culture: 100,000,000.</summary>
    public static string Format(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
