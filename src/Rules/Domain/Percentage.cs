using System.Globalization;

namespace Compensation.Rules.Domain;

/// <summary>A percentage from 0 to 100 inclusive, e.g. 10 for 10%.</summary>
public readonly record struct Percentage
{
    public Percentage(decimal value)
    {
        if (value < 0m || value > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a percentage must be between 0 and 100");
        }

        Value = value;
    }

    public decimal Value { get; }

    public decimal Fraction => Value / 100m;

    public static Percentage Hundred => new(100m);

    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
