using System.Globalization;
using System.Runtime.CompilerServices;

namespace Compensation.Rules.Domain;

/// <summary>
/// An amount of yuan, always a whole number of fen. Arithmetic that can produce
/// fractions of a fen is done in <see cref="decimal"/> and brought back with
/// <see cref="Round"/>, the one rounding rule of the product: half away from zero (四舍五入).
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Money(decimal yuan) => Yuan = yuan;

    public decimal Yuan { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; }

    public long Fen => (long)(Yuan * 100m);

    public static Money Zero => default;

    /// <summary>An exact amount; throws when it holds a fraction of a fen.</summary>
    public static Money Of(decimal yuan)
    {
        if (decimal.Round(yuan, 2) != yuan)
        {
            throw new ArgumentException($"{yuan.ToString(CultureInfo.InvariantCulture)} yuan is not a whole number of fen", nameof(yuan));
        }

        return new Money(yuan + 0.00m);
    }

    public static Money FromFen(long fen) => new(fen / 100m);

    /// <summary>Rounds to the fen, half away from zero (四舍五入).</summary>
    public static Money Round(decimal yuan) => new(decimal.Round(yuan, 2, MidpointRounding.AwayFromZero) + 0.00m);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Money Sum(IEnumerable<Money> amounts)
    {
        decimal total = 0m;
        foreach (var a in amounts)
        {
            total += a.Yuan;
        }

        return new Money(total);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Money operator +(Money a, Money b) => new(a.Yuan + b.Yuan);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Money operator -(Money a, Money b) => new(a.Yuan - b.Yuan);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Money operator -(Money a) => new(-a.Yuan);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(Money a, Money b) => a.Yuan < b.Yuan;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(Money a, Money b) => a.Yuan > b.Yuan;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(Money a, Money b) => a.Yuan <= b.Yuan;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(Money a, Money b) => a.Yuan >= b.Yuan;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(Money a, Money b) => a.Yuan == b.Yuan;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(Money a, Money b) => a.Yuan != b.Yuan;

    public static Money Min(Money a, Money b) => a <= b ? a : b;
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public bool IsZero => Yuan == 0m;
    public bool IsNegative => Yuan < 0m;

    public bool Equals(Money other) => Yuan == other.Yuan;
    public override bool Equals(object? obj) => obj is Money m && Equals(m);
    public override int GetHashCode() => Yuan.GetHashCode();
    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    /// <summary>Two decimals, invariant culture: "1234.50".</summary>
    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
