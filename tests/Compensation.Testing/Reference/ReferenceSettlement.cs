using Compensation.Rules.Facts;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Testing;

/// <summary>
/// An independent settlement written straight from docs/settlement-arithmetic.md and the seed plans, to check the
/// engine against: one method per part of the settlement, plain loops and LINQ, amounts in <see cref="Rules.Domain.Money"/>
/// rounded to the fen (half away from zero) where the document rounds. It uses no rule, no engine, no calculator and
/// no <see cref="Settler"/>: only the input records, the policy record and <see cref="Rules.Domain.Money"/>. Speed does
/// not matter here; being easy to check by eye does.
/// <para>
/// It settles flat-term, per-lesson-hour or free fees with a cap, every kind of subsidy (none, per student, lump sum,
/// fund), hardship waivers, absence and withdrawal refunds, the surplus (split, subsidy part, share; keep, refund or
/// carry forward), pool or fixed-rate pay with floor and ceiling, per-day and per-break stipends, the admin-duty share,
/// external pay, awards and every kind of deduction. Refunds with a per-lesson-hour fee throw
/// <see cref="NotSupportedException"/>.
/// </para>
/// </summary>
public static partial class ReferenceSettlement
{
    public static ReferenceResult Settle(SchoolPolicy policy, TermFacts facts)
    {
        RefuseWhatIsNotCovered(policy);

        // Families: what each is charged, and what goes back to it before the term's balance is known.
        var serviceDays = ServiceDays(facts);
        var families = Families(policy, facts, serviceDays);

        // Staff: what each earns, month by month; the pool needs the families' fees, so families come first.
        var staff = StaffAccounts(facts);
        PayDutyStipends(policy, facts, staff);
        PayExternalStaffAndAwards(facts, staff);
        var pool = PayLessons(policy, facts, families, staff);
        PayAdminDutyShare(policy, facts, staff);
        Deduct(policy, facts, staff);
        var staffLines = StaffLines(policy, staff);

        // The fund: its balance, and the surplus shared back, which completes the family lines.
        var ledger = Ledger(policy, facts, families, staff, staffLines, pool);
        return new ReferenceResult(FamilyLines(families), staffLines, ledger);
    }

    private static void RefuseWhatIsNotCovered(SchoolPolicy policy)
    {
        // A per-lesson-hour fee charges only the days attended (002 §7 七 按实结算): refunding absent or withdrawn days on
        // top would credit them twice. Loading refuses the absence refund with it; the reference refuses both.
        if (policy.Fees.Mode == FeeMode.PerLessonHour && (policy.Refunds.Absence is not null || policy.Refunds.Withdrawal is not null))
        {
            throw new NotSupportedException("the reference does not settle refunds of days a per-lesson-hour fee never charged");
        }
    }
}
