using Compensation.Rules.Domain;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// A family's refunds are rounded cumulatively: the refund for k more days after c days already
/// refunded is round(P × (c + k) / D) − round(P × c / D). Each line is still its days at the daily
/// rate to the fen, and together they never exceed what the family pays (c + k ≤ D).
/// </summary>
internal static class RefundRounding
{
    public static Money For(Money payable, int alreadyRefundedDays, int days, int serviceDays) =>
        Money.Round(payable.Yuan * (alreadyRefundedDays + days) / serviceDays) - Money.Round(payable.Yuan * alreadyRefundedDays / serviceDays);
}
