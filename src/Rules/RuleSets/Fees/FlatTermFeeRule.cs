using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>A fixed fee per term (001 篇四: 每生每期600元), pro rata for fewer days a week and for a late start.</summary>
[Name("fees.flat-term")]
[Priority(Stage.Charges)]
[Title("按学期收费", "Flat fee per term")]
[Clause("001 篇四")]
public sealed class FlatTermFeeRule(FeePolicy fees) : SettlementRule
{
    public override void Define()
    {
        StudentSchedule s = null!;
        When().Match(() => s);
        Then().Do(ctx => Charge(Context(ctx), s));
    }

    private void Charge(RuleContext ctx, StudentSchedule s)
    {
        var amount = Amount(fees.TermFee, s, fees.ProRataByDaysPerWeek, fees.ProRataJoin);
        ctx.Insert(new FeeCharge(s.StudentId, null, s.ServedDays.Count, amount), s.StudentId, [s], () =>
        {
            var (_, zh, en) = Compute(fees.TermFee, s, fees.ProRataByDaysPerWeek, fees.ProRataJoin);
            return new Bilingual(zh, en);
        });
    }

    /// <summary>The amount <see cref="Compute"/> gives, without its sentence.</summary>
    internal static Money Amount(decimal fee, StudentSchedule s, bool byDays, bool byJoin)
    {
        if (s.FullTermDays == 0)
        {
            return Money.Zero;
        }

        var exact = fee;
        if (byDays && s.DaysPerWeek != 5)
        {
            exact = exact * s.DaysPerWeek / 5m;
        }

        if (byJoin && s.Days.Count != s.FullTermDays)
        {
            exact = exact * s.Days.Count / s.FullTermDays;
        }

        return Money.Round(exact);
    }

    /// <summary><see cref="Amount"/> with the arithmetic as a sentence: round(fee × dpw/5 × D/F), the one rounding of a flat fee.</summary>
    internal static (Money Amount, string Zh, string En) Compute(decimal fee, StudentSchedule s, bool byDays, bool byJoin)
    {
        if (s.FullTermDays == 0)
        {
            return (Money.Zero, "本学期无服务日：0.00", "no service day in the term: 0.00");
        }

        var zh = $"{N(fee)}";
        if (byDays && s.DaysPerWeek != 5)
        {
            zh += $" × {N(s.DaysPerWeek)}/5";
        }

        if (byJoin && s.Days.Count != s.FullTermDays)
        {
            zh += $" × {N(s.Days.Count)}/{N(s.FullTermDays)}";
        }

        var amount = Amount(fee, s, byDays, byJoin);
        return (amount, zh + " = " + Y(amount), zh + " = " + Y(amount));
    }
}
