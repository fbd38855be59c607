using Compensation.Rules.Domain;

namespace Compensation.Rules.RuleSets.Refunds;

/// <summary>
/// A family's refunds are rounded cumulatively: the refund for k more refunded days after c already
/// refunded is round(P × (c + k) / D) − round(P × c / D). A day refunded at part of the daily rate
/// (refund_percent) counts as that part of a day. Each line is still its days at the daily rate to
/// the fen, and together they never exceed what the family pays (c + k ≤ D).
/// </summary>
internal static class RefundRounding
{
    public static Money For(Money payable, decimal alreadyRefundedDays, decimal days, int serviceDays) =>
        Money.Round(payable.Yuan * (alreadyRefundedDays + days) / serviceDays) - Money.Round(payable.Yuan * alreadyRefundedDays / serviceDays);

    /// <summary>The days a spell counts for: its days × the refunded share of the daily rate.</summary>
    public static decimal Share(int days, decimal refundPercent) => days * refundPercent / 100m;
}
