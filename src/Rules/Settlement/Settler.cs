using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Model;
using Compensation.Rules.Engine.Runtime;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets;

namespace Compensation.Rules.Settlement;

/// <summary>One call from a policy and a term's facts to a complete, explained settlement.</summary>
public static class Settler
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SettlementResult Settle(SchoolPolicy policy, TermFacts facts, SessionOptions? options = null)
    {
        var calendar = new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar);
        var session = Run(policy, facts, calendar, options);
        return Assemble(policy, facts, calendar, session);
    }

    /// <summary>Runs the rules and returns the session, for callers that want the raw facts.</summary>
    public static Session Run(SchoolPolicy policy, TermFacts facts, SessionOptions? options = null) =>
        Run(policy, facts, new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar), options);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Session Run(SchoolPolicy policy, TermFacts facts, ServiceCalendar calendar, SessionOptions? options)
    {
        var rules = RuleCatalog.For(policy, calendar).Select(r => r.Compile());
        var session = new Session(rules, options);
        session.InsertAll(facts.All());
        session.Run();
        session.ReleaseMatchMemory();
        return session;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SettlementResult Assemble(SchoolPolicy policy, TermFacts facts, ServiceCalendar calendar, Session session)
    {
        var balance = session.All<FundBalance>().Single();
        var surplus = session.All<SurplusRefund>().ToDictionary(s => s.StudentId, StringComparer.Ordinal);
        var families = Families(session, surplus);
        var staff = StaffLines(session);
        var ledger = LedgerOf(policy, session, balance, surplus);
        var findings = session.All<FindingFact>()
            .Select(f => new Finding(f.Code, f.Severity, f.Subject, f.Message, f.Provenance.RuleId, f.Provenance.Clause, f.Provenance.SourceIds))
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new SettlementResult
        {
            School = policy.School,
            Plan = policy.Plan,
            TermId = facts.Term.TermId,
            TermStart = facts.Term.Start,
            TermEnd = facts.Term.End,
            ServiceDays = calendar.Days.Count,
            Families = families,
            Staff = staff,
            Ledger = ledger,
            Findings = findings,
            Explanations = Explanations(session),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<FamilyLine> Families(Session session, Dictionary<string, SurplusRefund> surplus)
    {
        var enrolments = session.All<Enrolment>().ToDictionary(e => e.StudentId, StringComparer.Ordinal);
        var schedules = session.All<StudentSchedule>().ToDictionary(s => s.StudentId, StringComparer.Ordinal);
        var payables = session.All<FeePayable>().ToDictionary(p => p.StudentId, StringComparer.Ordinal);
        var capped = session.All<CappedFee>().ToDictionary(p => p.StudentId, StringComparer.Ordinal);
        var refunds = session.All<FeeRefund>().ToLookup(r => r.StudentId, StringComparer.Ordinal);
        var charges = session.All<FeeCharge>().ToLookup(c => c.StudentId, StringComparer.Ordinal);
        var missed = session.All<StudentAbsences>().ToDictionary(a => a.StudentId, a => a.Marks.Select(m => m.Date).ToHashSet(), StringComparer.Ordinal);
        var lines = new List<FamilyLine>();
        foreach (var account in session.All<FamilyAccount>().OrderBy(a => a.StudentId, StringComparer.Ordinal))
        {
            var e = enrolments[account.StudentId];
            var p = payables[account.StudentId];
            var refundLines = refunds[account.StudentId]
                .Select(r => new RefundLine(r.Kind == FeeRefundKind.Absence ? RefundKind.Absence : RefundKind.Withdrawal, r.Amount, r.Days, r.From, r.To, r.Id))
                .ToList();
            var ids = new List<string> { capped[account.StudentId].Id, p.Id, account.Id };
            ids.AddRange(refundLines.Select(r => r.FactId));
            if (surplus.TryGetValue(account.StudentId, out var share))
            {
                refundLines.Add(new RefundLine(RefundKind.Surplus, share.Amount, 0, null, null, share.Id));
                ids.Add(share.Id);
            }

            var refunded = Money.Sum(refundLines.Select(r => r.Amount));
            var net = p.Payable - refunded;
            var months = charges[account.StudentId].Where(c => c.Month is not null)
                .Select(c => new MonthCharge(c.Month!.Value, c.DaysAttended, c.Amount)).OrderBy(m => m.Month).ToList();
            lines.Add(new FamilyLine
            {
                StudentId = e.StudentId,
                Name = e.Name,
                ClassName = e.ClassName,
                DaysPerWeek = e.DaysPerWeek,
                ServiceDays = schedules[e.StudentId].Days.Count,
                DaysAttended = schedules[e.StudentId].ServedDays.Count(d => !missed.TryGetValue(e.StudentId, out var m) || !m.Contains(d)),
                Charged = p.Charged,
                CapReduction = p.CapReduction,
                Subsidy = p.Subsidy,
                Waived = p.Waived,
                Payable = p.Payable,
                Refunds = refundLines,
                Refunded = refunded,
                Net = net,
                Paid = account.Paid,
                Balance = net - account.Paid,
                Months = months,
                HardshipCategory = p.HardshipCategory,
                FactIds = ids,
            });
        }

        return lines;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<StaffLine> StaffLines(Session session)
    {
        var members = session.All<StaffMember>().ToDictionary(s => s.StaffId, StringComparer.Ordinal);
        var stipends = session.All<Stipend>().ToLookup(s => (s.StaffId, s.Month));
        var admin = session.All<AdminDutyPay>().ToLookup(s => (s.StaffId, s.Month));
        var deductions = session.All<Deduction>().ToLookup(d => (d.StaffId, d.Month));
        var lines = new List<StaffLine>();
        foreach (var account in session.All<StaffAccount>().OrderBy(a => a.StaffId, StringComparer.Ordinal))
        {
            var m = members[account.StaffId];
            var months = account.Months.Select(am =>
            {
                var stipendLines = stipends[(m.StaffId, am.Month)].GroupBy(s => (s.Duty, s.Rate))
                    .Select(g => new StipendLine(g.Key.Duty, g.Sum(s => s.Count), g.Key.Rate, Money.Sum(g.Select(s => s.Amount)), g.First().Id))
                    .Concat(admin[(m.StaffId, am.Month)].Select(a => new StipendLine("admin-duty-share", (int)a.Lessons, a.LessonValue, a.Amount, a.Id)))
                    .ToList();
                return new StaffMonth
                {
                    Month = am.Month,
                    Lessons = am.Lessons,
                    LessonUnits = am.Units,
                    LessonPay = am.LessonPay,
                    Stipends = stipendLines,
                    StipendTotal = am.Stipends,
                    DeductionBase = am.Base,
                    Deductions = deductions[(m.StaffId, (Month?)am.Month)].Select(ToLine).ToList(),
                    DeductionTotal = am.DeductionTotal,
                    Gross = am.Gross,
                    Net = am.Net,
                };
            }).ToList();
            lines.Add(new StaffLine
            {
                StaffId = m.StaffId,
                Name = m.Name,
                EmployeeNo = m.EmployeeNo,
                Role = m.Role,
                External = m.External,
                Months = months,
                TermDeductions = deductions[(m.StaffId, null)].Select(ToLine).ToList(),
                Lessons = account.Months.Sum(x => x.Lessons),
                LessonUnits = account.Months.Sum(x => x.Units),
                LessonPay = Money.Sum(account.Months.Select(x => x.LessonPay)),
                Stipends = Money.Sum(account.Months.Select(x => x.Stipends)),
                ExternalPay = account.ExternalPay,
                Awards = account.Awards,
                Gross = account.Gross,
                Deductions = account.Deductions,
                Net = account.Net,
                FactIds = [account.Id],
            });
        }

        return lines;
    }

    private static DeductionLine ToLine(Deduction d) =>
        new(d.PolicyRuleId, d.Kind, d.Percent, d.Amount, d.EventIds, d.Provenance.Clause, d.Reason, d.Id);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Ledger LedgerOf(SchoolPolicy policy, Session session, FundBalance balance, Dictionary<string, SurplusRefund> surplus)
    {
        var entries = session.All<LedgerEntry>().OrderBy(e => e.Order).ToList();
        List<LedgerLine> Section(LedgerSection s) =>
            entries.Where(e => e.Section == s).Select(e => new LedgerLine(e.Category, e.Name, e.Amount, e.Id)).ToList();
        var surplusRefunded = Money.Sum(surplus.Values.Select(s => s.Amount));
        var remaining = balance.Balance - surplusRefunded;
        return new Ledger
        {
            Income = Section(LedgerSection.Income),
            Refunds = Section(LedgerSection.Refund),
            Expenditure = Section(LedgerSection.Expenditure),
            TotalIncome = balance.Income,
            TotalRefunds = balance.Refunds,
            TotalExpenditure = balance.Expenditure,
            BalanceBeforeSurplus = balance.Balance,
            SurplusRefunded = surplusRefunded,
            CarriedForward = policy.Refunds.Surplus.Mode == SurplusMode.CarryForward && remaining.Yuan > 0m ? remaining : Money.Zero,
            Balance = remaining,
            CashReceived = balance.CashReceived,
        };
    }

    private static ExplanationTable Explanations(Session session)
    {
        var titles = session.Rules.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
        return new ExplanationTable(session, titles);
    }
}
