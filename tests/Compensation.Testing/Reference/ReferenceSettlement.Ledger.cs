using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Policy;

namespace Compensation.Testing;

/// <summary>The fund's books and the surplus: docs/settlement-arithmetic.md, "Ledger", and "Families" step 7.</summary>
public static partial class ReferenceSettlement
{
    /// <summary>
    /// 002 §1 一(三) 课后服务费必须专款专用 and 一(二) 每学期末…公示课后服务费的收支情况: income (fees, subsidies) less
    /// refunds less expenditure (staff pay net of deductions, and every expense) is the balance; a positive balance is
    /// split into its fee part and its subsidy part, and the fee part is refunded, carried forward or kept.
    /// </summary>
    private static ReferenceLedger Ledger(SchoolPolicy policy, TermFacts facts, List<Family> families, SortedDictionary<string, Staff> staff, List<ReferenceStaff> staffLines, Money pool)
    {
        var fees = Money.Sum(families.Select(f => f.Payable));
        var subsidies = Money.Sum(families.Select(f => f.Subsidy)) + SubsidyToTheFund(policy, facts, families);
        var absenceRefunds = Money.Sum(families.Select(f => f.AbsenceRefunds));
        var withdrawalRefunds = Money.Sum(families.Select(f => f.WithdrawalRefund));
        var months = staff.Values.SelectMany(s => s.Months.Values).ToList();
        var lessonPay = Money.Sum(months.Select(m => m.LessonPay));
        var stipends = Money.Sum(months.Select(m => m.RosterStipends));
        var adminDuty = Money.Sum(months.Select(m => m.AdminDuty));
        var externalStaff = Money.Sum(staff.Values.Select(s => s.ExternalPay));
        var awards = Money.Sum(staff.Values.Select(s => s.Awards));
        var deductions = Money.Sum(staffLines.Select(s => s.Deductions));
        var expenses = facts.Expenses.GroupBy(x => x.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Money.Sum(g.Select(x => x.Amount)), StringComparer.Ordinal);

        var income = fees + subsidies;
        var refunds = absenceRefunds + withdrawalRefunds;
        var expenditure = lessonPay + stipends + adminDuty + externalStaff + awards - deductions + Money.Sum(expenses.Values);
        var balance = income - refunds - expenditure;

        var surplus = policy.Refunds.Surplus;
        var (feePart, subsidyPart) = SplitSurplus(surplus, balance, fees - refunds, subsidies);
        var subsidyReturned = surplus.SubsidyPart == SubsidyPart.ReturnToFunder ? subsidyPart : Money.Zero;
        if (surplus.SubsidyPart == SubsidyPart.RefundToFamilies)
        {
            // The earlier reading: the whole balance goes back to families, nothing is left as the subsidy part.
            feePart += subsidyPart;
            subsidyPart = Money.Zero;
        }

        if (surplus.Mode == SurplusMode.Refund && feePart > Money.Zero)
        {
            ShareSurplus(surplus, families, feePart);
        }

        var surplusRefunded = Money.Sum(families.Select(f => f.SurplusRefund));
        var left = balance - surplusRefunded - subsidyReturned;
        var carried = surplus.Mode == SurplusMode.CarryForward && left > Money.Zero ? left : Money.Zero;
        var cash = Money.Sum(families.Select(f => f.Paid)) + Money.Sum(facts.Subsidies.Select(s => s.Amount));
        return new ReferenceLedger(fees, subsidies, absenceRefunds, withdrawalRefunds, lessonPay, stipends, adminDuty, externalStaff, awards, -deductions,
            expenses, income, refunds, expenditure, balance, surplusRefunded, carried, left, cash, pool, subsidyPart, subsidyReturned);
    }

    /// <summary>
    /// 001 篇四 结余清退, only families' money back to families (DOMAIN.md "Readings"): of a positive balance B, with
    /// F = fees − refunds and S = subsidies, the fee part is round(B × F ÷ (F + S)) (pro-rata; all of B when F + S = 0)
    /// or min(B, F) (subsidy-first: the subsidies were spent first); the subsidy part is the rest.
    /// </summary>
    private static (Money FeePart, Money SubsidyPart) SplitSurplus(SurplusPolicy surplus, Money balance, Money familiesMoney, Money subsidies)
    {
        if (balance <= Money.Zero)
        {
            return (Money.Zero, Money.Zero);
        }

        var feePart = surplus.Split == SurplusSplit.SubsidyFirst
            ? Money.Min(balance, familiesMoney)
            : familiesMoney + subsidies > Money.Zero
                ? Money.Round(balance.Yuan * familiesMoney.Yuan / (familiesMoney + subsidies).Yuan)
                : balance;
        return (feePart, balance - feePart);
    }

    /// <summary>
    /// Step 7. The refunded part is shared over the families that pay something (Payable − refunds &gt; 0), by largest
    /// remainder in student id order, weighted by net payable, per student, or days served (up to the last day, less the
    /// days of refunded absence spells). No family gets back more than it pays, except under refund-to-families (the
    /// earlier reading): a share above it is cut to it and the rest is shared again over the others.
    /// </summary>
    private static void ShareSurplus(SurplusPolicy surplus, List<Family> families, Money toShare)
    {
        long Weight(Family f) => surplus.Share switch
        {
            SurplusShare.PerStudent => 1,
            SurplusShare.DaysServed => f.DaysServed.Count - f.AbsenceDays,
            _ => f.PayableAfterRefunds.Fen,
        };

        var capped = surplus.SubsidyPart != SubsidyPart.RefundToFamilies;
        var open = families.Where(f => f.PayableAfterRefunds > Money.Zero && Weight(f) > 0).ToList();
        var left = toShare;
        while (open.Count > 0 && left > Money.Zero)
        {
            var shares = LargestRemainder(left, open.Select(Weight).ToList());
            var over = capped ? open.Where((f, i) => shares[i] > f.PayableAfterRefunds).ToList() : [];
            if (over.Count == 0)
            {
                for (var i = 0; i < open.Count; i++)
                {
                    open[i].SurplusRefund = shares[i];
                }

                return;
            }

            foreach (var family in over)
            {
                family.SurplusRefund = family.PayableAfterRefunds;
                left -= family.SurplusRefund;
                open.Remove(family);
            }
        }
    }

    /// <summary>
    /// Largest remainder in whole fen (docs/settlement-arithmetic.md): each part gets floor(total × weight ÷ Σ weights)
    /// fen, and the fen left over go one each to the largest remainders; between equal remainders, to the part listed
    /// first (callers list the parts in the plan's tie order: staff id, month, lesson order, student id).
    /// </summary>
    private static List<Money> LargestRemainder(Money total, List<long> weights) =>
        LargestRemainderUnits(total.Fen, weights).Select(Money.FromFen).ToList();

    /// <summary>As <see cref="LargestRemainder"/>, for whole units of anything (fen, or whole lessons).</summary>
    private static List<long> LargestRemainderUnits(long total, List<long> weights)
    {
        var sum = weights.Sum();
        if (sum == 0)
        {
            return weights.Select(_ => 0L).ToList();
        }

        var parts = weights.Select(w => checked(total * w) / sum).ToList();
        var leftOver = total - parts.Sum();
        var byRemainder = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => checked(total * weights[i]) % sum)
            .ThenBy(i => i)
            .Take((int)leftOver);
        foreach (var i in byRemainder)
        {
            parts[i]++;
        }

        return parts;
    }
}
