using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets.Awards;
using Compensation.Rules.RuleSets.Deductions;
using Compensation.Rules.RuleSets.Fees;
using Compensation.Rules.RuleSets.Ledger;
using Compensation.Rules.RuleSets.Pay;
using Compensation.Rules.RuleSets.Refunds;
using Compensation.Rules.RuleSets.Stipends;
using Compensation.Rules.RuleSets.Waivers;

namespace Compensation.Rules.RuleSets;

/// <summary>
/// Turns a school's policy into the rules that run: the policy switches rule sets on and gives their parameters and
/// clauses. Each rule cites the clause of the policy section it settles (a sub-section's own, else its section's), or
/// none: never a clause of another school's plan.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<SettlementRule> For(SchoolPolicy policy)
    {
        var rules = new List<SettlementRule>
        {
            // The student's service days and absences are read off the calendar and the registers: no clause decides them.
            new StudentScheduleRule(),
            new AbsenceCollectionRule(),
            new FeeCapRule(policy.Fees) { PolicyClause = Clause(policy.Fees.Cap?.Clause, policy.Fees.Clause) },
            new HardshipWaiverRule(policy.Waivers) { PolicyClause = Clause(policy.Waivers.Clause) },
            new WaivedFamilyPaidRule { PolicyClause = Clause(policy.Waivers.Clause) },
            new FamilyAccountRule { PolicyClause = Clause(policy.Fees.Clause) },
            new DutyStipendRule(policy.Stipends) { PolicyClause = Clause(policy.Stipends.Clause) },
            new ExternalStaffPayRule { PolicyClause = Clause(policy.Pay.Clause) },
            new AwardRule { PolicyClause = Clause(policy.Awards.Clause) },
            new AwardReserveRule(policy.Awards) { PolicyClause = Clause(policy.Awards.Clause) },
            new StaffAccountRule(policy.Deductions.Base) { PolicyClause = Clause(policy.Pay.Clause) },
            new FundLedgerRule { PolicyClause = Clause(policy.Publication.Clause) },
            new EarmarkedFundRule { PolicyClause = Clause(policy.Publication.Clause) },
        };

        rules.Add(policy.Fees.Mode switch
        {
            FeeMode.FlatTerm => new FlatTermFeeRule(policy.Fees) { PolicyClause = Clause(policy.Fees.Clause) },
            FeeMode.PerLessonHour => new PerLessonHourFeeRule(policy.Fees) { PolicyClause = Clause(policy.Fees.Clause) },
            _ => new FreeServiceRule { PolicyClause = Clause(policy.Fees.Clause) },
        });

        var subsidyClause = Clause(policy.Subsidy.Clause);
        switch (policy.Subsidy.Mode)
        {
            case SubsidyMode.PerStudent:
                rules.Add(new PerStudentSubsidyRule(policy.Subsidy) { PolicyClause = subsidyClause });
                break;
            case SubsidyMode.LumpSum:
                rules.Add(new LumpSumSubsidyRule { PolicyClause = subsidyClause });
                break;
            case SubsidyMode.Fund:
                rules.Add(new NoSubsidyOffsetRule { PolicyClause = subsidyClause });
                rules.Add(new FundSubsidyRule { PolicyClause = subsidyClause });
                break;
            default:
                rules.Add(new NoSubsidyOffsetRule { PolicyClause = subsidyClause });
                break;
        }

        if (policy.Refunds.Absence is { } absence)
        {
            rules.Add(new AbsenceSpellRule(absence) { PolicyClause = Clause(absence.Clause) });
            rules.Add(new AbsenceRefundRule(absence) { PolicyClause = Clause(absence.Clause) });
        }

        if (policy.Refunds.Withdrawal is { } withdrawal)
        {
            rules.Add(new WithdrawalRefundRule(policy.Refunds.Absence?.RefundPercent ?? 100m) { PolicyClause = Clause(withdrawal.Clause) });
        }
        else if (policy.Fees.Mode == FeeMode.FlatTerm)
        {
            // Only a term fee charges days not served: a per-lesson-hour fee charges the days attended, a free service nothing.
            rules.Add(new UnsettledWithdrawalRule { PolicyClause = Clause(policy.Fees.Clause) });
        }

        rules.Add(new SurplusSplitRule(policy.Refunds.Surplus) { PolicyClause = Clause(policy.Refunds.Surplus.Clause) });
        if (policy.Refunds.Surplus.Mode == SurplusMode.Refund)
        {
            rules.Add(new SurplusRefundRule(policy.Refunds.Surplus) { PolicyClause = Clause(policy.Refunds.Surplus.Clause) });
        }

        var payClause = Clause(policy.Pay.Clause);
        if (policy.Pay.Mode == PayMode.Pool)
        {
            rules.Add(new PoolPayRule(policy.Pay, policy.Awards) { PolicyClause = payClause });
            rules.Add(new PoolWithoutLessonsRule(policy.Pay.ExternalLessons) { PolicyClause = payClause });
        }
        else
        {
            rules.Add(new FixedRatePayRule(policy.Pay) { PolicyClause = payClause });
        }

        if (policy.Pay.ExternalLessons == ExternalLessons.AgreementOnly)
        {
            rules.Add(new ExternalLessonUnpaidRule { PolicyClause = payClause });
        }

        if (policy.Pay.Floor is { } floor)
        {
            rules.Add(new PayFloorRule(floor, policy.Pay.LessonHourMinutes) { PolicyClause = Clause(floor.Clause, policy.Pay.Clause) });
        }

        if (policy.Pay.Ceiling is { } ceiling)
        {
            rules.Add(new PayCeilingRule(ceiling, policy.Pay.LessonHourMinutes) { PolicyClause = Clause(ceiling.Clause, policy.Pay.Clause) });
        }

        if (policy.Stipends.AdminDutyShare is { } share)
        {
            rules.Add(new AdminDutyShareRule(share) { PolicyClause = Clause(share.Clause, policy.Stipends.Clause) });
        }

        foreach (var line in policy.Deductions.Rules)
        {
            rules.Add(new ReviewDeductionRule(line, line.Base ?? policy.Deductions.Base) { Instance = line.Id, PolicyClause = Clause(line.Clause, policy.Deductions.Clause) });
        }

        rules.Add(new UncoveredConductRule(policy.Deductions.Rules.SelectMany(r => r.Kinds).ToHashSet(StringComparer.Ordinal)) { PolicyClause = Clause(policy.Deductions.Clause) });

        return rules;
    }

    private static string? Clause(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
