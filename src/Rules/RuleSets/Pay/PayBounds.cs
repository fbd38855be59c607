using Compensation.Rules.Policy;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>Floor (004 §11: 每课时不低于60元) and ceiling (002 §1 二(一): 每课时不高于60元) applied to a rate only when the plan clamps.</summary>
internal static class PayBounds
{
    public static decimal Clamp(decimal rate, PayPolicy pay)
    {
        if (pay.Floor is { Clamp: true } floor && rate < floor.Amount)
        {
            rate = floor.Amount;
        }

        if (pay.Ceiling is { Clamp: true } ceiling && rate > ceiling.Amount)
        {
            rate = ceiling.Amount;
        }

        return rate;
    }
}
