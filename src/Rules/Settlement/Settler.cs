using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.RuleSets;

namespace Compensation.Rules.Settlement;

/// <summary>One call from a policy and a term's facts to a complete, explained settlement.</summary>
public static class Settler
{
    public static SettlementResult Settle(SchoolPolicy policy, TermFacts facts, SessionOptions? options = null)
    {
        var calendar = new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar);
        return Assemble(policy, facts, calendar, Run(policy, facts, calendar, options));
    }

    /// <summary>Runs the rules and returns their facts, for callers that want the raw facts.</summary>
    public static RuleRun Run(SchoolPolicy policy, TermFacts facts, SessionOptions? options = null) =>
        Run(policy, facts, new ServiceCalendar(facts.Term.Start, facts.Term.End, facts.Calendar), options);

    private static RuleRun Run(SchoolPolicy policy, TermFacts facts, ServiceCalendar calendar, SessionOptions? options)
    {
        DecidedPercentCheck.Check(policy, facts);
        return RuleSession.Run(policy, facts.All(), calendar, options);
    }

    private static SettlementResult Assemble(SchoolPolicy policy, TermFacts facts, ServiceCalendar calendar, RuleRun session)
    {
        var balance = session.All<FundBalance>().Single();
        var surplus = ByStudent(session.All<SurplusRefund>(), static s => s.StudentId);
        var families = Families(session, surplus);
        var staff = StaffLines(session);
        var ledger = LedgerOf(policy, session, balance, surplus);
        var findings = session.All<FindingFact>()
            .Select(f => (Fact: f, f.Provenance))
            .Select(f => new Finding(f.Fact.Code, f.Fact.Severity, f.Fact.Subject, f.Fact.Message, f.Provenance.RuleId, f.Provenance.Clause, f.Provenance.SourceIds))
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

    private static List<FamilyLine> Families(RuleRun session, Dictionary<string, SurplusRefund> surplus)
    {
        var accounts = InOrder(session.All<FamilyAccount>(), static a => a.StudentId);
        var students = new string[accounts.Count];
        for (var i = 0; i < students.Length; i++)
        {
            students[i] = accounts[i].StudentId;
        }

        var enrolments = new ByStudentOf<Enrolment>(session.All<Enrolment>(), static e => e.StudentId, students);
        var schedules = new ByStudentOf<StudentSchedule>(session.All<StudentSchedule>(), static s => s.StudentId, students);
        var payables = new ByStudentOf<FeePayable>(session.All<FeePayable>(), static p => p.StudentId, students);
        var capped = new ByStudentOf<CappedFee>(session.All<CappedFee>(), static c => c.StudentId, students);
        var refunds = GroupByStudent(session.All<FeeRefund>(), static r => r.StudentId);
        var charges = GroupByStudent(WithMonth(session.All<FeeCharge>()), static c => c.StudentId);
        var missed = ByStudent(session.All<StudentAbsences>(), static a => a.StudentId);
        var lines = new List<FamilyLine>(accounts.Count);
        Span<DateOnly> markDates = stackalloc DateOnly[64];
        for (var at = 0; at < accounts.Count; at++)
        {
            var account = accounts[at];
            var e = enrolments.Of(at, account.StudentId);
            var p = payables.Of(at, account.StudentId);
            var ownRefunds = refunds.TryGetValue(account.StudentId, out var r) ? r : null;
            var hasSurplus = surplus.TryGetValue(account.StudentId, out var share);
            var refundLines = new List<RefundLine>((ownRefunds?.Count ?? 0) + (hasSurplus ? 1 : 0));
            var ids = new List<string>(3 + refundLines.Capacity) { capped.Of(at, account.StudentId).Id, p.Id, account.Id };
            var refunded = Money.Zero;
            if (ownRefunds is not null)
            {
                foreach (var refund in ownRefunds)
                {
                    refundLines.Add(new RefundLine(refund.Kind == FeeRefundKind.Absence ? RefundKind.Absence : RefundKind.Withdrawal, refund.Amount, refund.Days, refund.From, refund.To, refund.Id));
                    ids.Add(refund.Id);
                    refunded += refund.Amount;
                }
            }

            if (hasSurplus)
            {
                refundLines.Add(new RefundLine(RefundKind.Surplus, share!.Amount, 0, null, null, share.Id));
                ids.Add(share.Id);
                refunded += share.Amount;
            }

            var net = p.Payable - refunded;
            var schedule = schedules.Of(at, e.StudentId);
            var served = schedule.ServedDays;
            var attended = served.Count;
            if (missed.TryGetValue(e.StudentId, out var absences))
            {
                // Served days less those marked (a student has a few marks, each on another day).
                var marks = absences.Marks;
                var dates = marks.Count <= markDates.Length ? markDates[..marks.Count] : new DateOnly[marks.Count];
                for (var m = 0; m < dates.Length; m++)
                {
                    dates[m] = marks[m].Date;
                }

                foreach (var d in served)
                {
                    foreach (var date in dates)
                    {
                        if (date == d)
                        {
                            attended--;
                            break;
                        }
                    }
                }
            }

            lines.Add(new FamilyLine
            {
                StudentId = e.StudentId,
                Name = e.Name,
                ClassName = e.ClassName,
                DaysPerWeek = e.DaysPerWeek,
                ServiceDays = schedule.Days.Count,
                DaysAttended = attended,
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
                Months = charges.TryGetValue(account.StudentId, out var own) ? MonthCharges(own) : [],
                HardshipCategory = p.HardshipCategory,
                FactIds = ids,
            });
        }

        return lines;
    }

    /// <summary>The charges for a month (a charge for the whole term has none, and no line).</summary>
    private static List<FeeCharge> WithMonth(IReadOnlyList<FeeCharge> charges)
    {
        var monthly = new List<FeeCharge>();
        foreach (var c in charges)
        {
            if (c.Month is not null)
            {
                monthly.Add(c);
            }
        }

        return monthly;
    }

    /// <summary>The month charges of a family (each has a month: <see cref="WithMonth"/>), by month.</summary>
    private static List<MonthCharge> MonthCharges(List<FeeCharge> charges)
    {
        var months = new List<MonthCharge>(charges.Count);
        var ordered = true;
        foreach (var c in charges)
        {
            var month = c.Month!.Value;
            ordered &= months.Count == 0 || months[^1].Month.CompareTo(month) <= 0;
            months.Add(new MonthCharge(month, c.DaysAttended, c.Amount));
        }

        return ordered ? months : months.OrderBy(m => m.Month).ToList();
    }

    /// <summary>Facts by their student (or staff member): one each.</summary>
    private static Dictionary<string, T> ByStudent<T>(IReadOnlyList<T> facts, Func<T, string> key)
    {
        var byKey = new Dictionary<string, T>(facts.Count, StringComparer.Ordinal);
        foreach (var f in facts)
        {
            byKey.Add(key(f), f);
        }

        return byKey;
    }

    /// <summary>
    /// One fact per student, found at the family line's position when the facts come in the same order as the lines
    /// (facts in id order usually do), else by the student's id.
    /// </summary>
    private readonly struct ByStudentOf<T>
    {
        private readonly IReadOnlyList<T> _facts;
        private readonly Dictionary<string, T>? _byStudent;

            public ByStudentOf(IReadOnlyList<T> facts, Func<T, string> student, string[] students)
        {
            _facts = facts;
            var aligned = facts.Count == students.Length;
            for (var i = 0; aligned && i < students.Length; i++)
            {
                aligned = string.Equals(student(facts[i]), students[i], StringComparison.Ordinal);
            }

            _byStudent = aligned ? null : ByStudent(facts, student);
        }

            public T Of(int line, string student) => _byStudent is null ? _facts[line] : _byStudent[student];
    }

    /// <summary>Facts by their student (or staff member), each group in the order given (id order).</summary>
    private static Dictionary<string, List<T>> GroupByStudent<T>(IReadOnlyList<T> facts, Func<T, string> key)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        List<T>? last = null;
        string? lastKey = null;
        foreach (var f in facts)
        {
            var k = key(f);
            if (!string.Equals(k, lastKey, StringComparison.Ordinal))
            {
                if (!groups.TryGetValue(k, out last))
                {
                    last = [];
                    groups.Add(k, last);
                }

                lastKey = k;
            }

            last!.Add(f);
        }

        return groups;
    }

    /// <summary>The facts ordered by a key (ordinal, stable): as they are when they already come so (facts in id order usually do).</summary>
    private static IReadOnlyList<T> InOrder<T>(IReadOnlyList<T> facts, Func<T, string> key)
    {
        for (var i = 1; i < facts.Count; i++)
        {
            if (string.CompareOrdinal(key(facts[i - 1]), key(facts[i])) > 0)
            {
                return facts.OrderBy(key, StringComparer.Ordinal).ToList();
            }
        }

        return facts;
    }

    private static List<StaffLine> StaffLines(RuleRun session)
    {
        var members = ByStudent(session.All<StaffMember>(), static s => s.StaffId);
        var stipends = GroupByStudent(session.All<Stipend>(), static s => s.StaffId);
        var admin = GroupByStudent(session.All<AdminDutyPay>(), static s => s.StaffId);
        var deductions = GroupByStudent(session.All<Deduction>(), static d => d.StaffId);
        var accounts = InOrder(session.All<StaffAccount>(), static a => a.StaffId);
        var lines = new List<StaffLine>(accounts.Count);
        foreach (var account in accounts)
        {
            var m = members[account.StaffId];
            var ownStipends = stipends.GetValueOrDefault(m.StaffId);
            var ownAdmin = admin.GetValueOrDefault(m.StaffId);
            var ownDeductions = deductions.GetValueOrDefault(m.StaffId);
            var months = new List<StaffMonth>(account.Months.Count);
            var lessons = 0;
            var units = 0m;
            var lessonPay = Money.Zero;
            var stipendPay = Money.Zero;
            foreach (var am in account.Months)
            {
                months.Add(new StaffMonth
                {
                    Month = am.Month,
                    Lessons = am.Lessons,
                    LessonUnits = am.Units,
                    LessonPay = am.LessonPay,
                    Stipends = StipendLines(ownStipends, ownAdmin, am.Month),
                    StipendTotal = am.Stipends,
                    DeductionBase = am.Base,
                    Deductions = DeductionLines(ownDeductions, am.Month),
                    DeductionTotal = am.DeductionTotal,
                    Gross = am.Gross,
                    Net = am.Net,
                });
                lessons += am.Lessons;
                units += am.Units;
                lessonPay += am.LessonPay;
                stipendPay += am.Stipends;
            }

            lines.Add(new StaffLine
            {
                StaffId = m.StaffId,
                Name = m.Name,
                EmployeeNo = m.EmployeeNo,
                Role = m.Role,
                External = m.External,
                Months = months,
                TermDeductions = DeductionLines(ownDeductions, null),
                Lessons = lessons,
                LessonUnits = units,
                LessonPay = lessonPay,
                Stipends = stipendPay,
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

    /// <summary>
    /// A staff member's stipends of a month, one line per duty and rate (in the order they first come, counts and amounts
    /// added up, the first one's id), then the admin-duty shares.
    /// </summary>
    private static List<StipendLine> StipendLines(List<Stipend>? stipends, List<AdminDutyPay>? admin, Month month)
    {
        var lines = new List<StipendLine>();
        if (stipends is not null)
        {
            var groups = new List<StipendGroup>();
            foreach (var s in stipends)
            {
                if (s.Month != month)
                {
                    continue;
                }

                StipendGroup? group = null;
                foreach (var g in groups)
                {
                    if (string.Equals(g.First.Duty, s.Duty, StringComparison.Ordinal) && g.First.Rate == s.Rate)
                    {
                        group = g;
                        break;
                    }
                }

                if (group is null)
                {
                    groups.Add(new StipendGroup(s));
                }
                else
                {
                    group.Count += s.Count;
                    group.Amount += s.Amount;
                }
            }

            foreach (var g in groups)
            {
                lines.Add(new StipendLine(g.First.Duty, g.Count, g.First.Rate, g.Amount, g.First.Id));
            }
        }

        if (admin is not null)
        {
            foreach (var a in admin)
            {
                if (a.Month == month)
                {
                    // Whole 7-yuan lessons are stated as lessons; an exact share (001 篇三 (一)2(2), paid in full) as days on duty.
                    lines.Add(a.Lessons == decimal.Truncate(a.Lessons)
                        ? new StipendLine("admin-duty-share", (int)a.Lessons, a.LessonValue, a.Amount, a.Id)
                        : new StipendLine("admin-duty-percent", a.DutyDays, a.Amount.Yuan / a.DutyDays, a.Amount, a.Id));
                }
            }
        }

        return lines;
    }

    private sealed class StipendGroup(Stipend first)
    {
        public Stipend First { get; } = first;
        public int Count { get; set; } = first.Count;
        public Money Amount { get; set; } = first.Amount;
    }

    /// <summary>A staff member's deductions of a month, or of the term (no month).</summary>
    private static List<DeductionLine> DeductionLines(List<Deduction>? deductions, Month? month)
    {
        var lines = new List<DeductionLine>();
        if (deductions is not null)
        {
            foreach (var d in deductions)
            {
                if (d.Month == month)
                {
                    lines.Add(ToLine(d));
                }
            }
        }

        return lines;
    }

    private static DeductionLine ToLine(Deduction d) =>
        new(d.PolicyRuleId, d.Kind, d.Percent, d.Amount, d.EventIds, d.Clause, d.Reason, d.Id);

    private static Ledger LedgerOf(SchoolPolicy policy, RuleRun session, FundBalance balance, Dictionary<string, SurplusRefund> surplus)
    {
        var entries = session.All<LedgerEntry>().OrderBy(e => e.Order).ToList();
        List<LedgerLine> Section(LedgerSection s) =>
            entries.Where(e => e.Section == s).Select(e => new LedgerLine(e.Category, e.Name, e.Amount, e.Id)).ToList();
        var surplusRefunded = Money.Sum(surplus.Values.Select(s => s.Amount));
        var parts = session.All<SurplusParts>().SingleOrDefault();
        var returned = parts?.SubsidyReturned ?? Money.Zero;
        var remaining = balance.Balance - surplusRefunded - returned;
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
            SubsidyPart = parts is null || policy.Refunds.Surplus.SubsidyPart == SubsidyPart.RefundToFamilies ? Money.Zero : parts.SubsidyPart,
            SubsidyReturned = returned,
            CarriedForward = policy.Refunds.Surplus.Mode == SurplusMode.CarryForward && remaining.Yuan > 0m ? remaining : Money.Zero,
            Balance = remaining,
            CashReceived = balance.CashReceived,
        };
    }

    private static ExplanationTable Explanations(RuleRun session)
    {
        var titles = session.Rules.ToDictionary(r => r.Id, r => r.Info.Title, StringComparer.Ordinal);
        return new ExplanationTable(session, titles);
    }
}
