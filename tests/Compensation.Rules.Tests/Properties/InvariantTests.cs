using System.Globalization;
using System.Text;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;
using FsCheck.Xunit;

namespace Compensation.Rules.Tests.Properties;

/// <summary>
/// What must hold for every settlement, checked on random generated terms (FsCheck, <see cref="TermSpecs"/>):
/// the books balance, the pool is paid out exactly, nothing goes negative, every line is explained down
/// to input facts, and the order of the input never matters.
/// </summary>
public sealed class InvariantTests
{
    private static Money Line(IEnumerable<LedgerLine> lines, string category) =>
        Money.Sum(lines.Where(l => l.Category == category).Select(l => l.Amount));

    private static Money Refunds(SettlementResult r, RefundKind kind) =>
        Money.Sum(r.Families.SelectMany(f => f.Refunds).Where(x => x.Kind == kind).Select(x => x.Amount));

    [Property(MaxTest = 25, Arbitrary = [typeof(TermSpecs)])]
    public void The_books_balance(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var r = Settler.Settle(policy, facts);
        var l = r.Ledger;

        Assert.Equal(Money.Sum(r.Families.Select(f => f.Payable)), Line(l.Income, "fees"));
        Assert.Equal(Refunds(r, RefundKind.Absence), Line(l.Refunds, "absence"));
        Assert.Equal(Refunds(r, RefundKind.Withdrawal), Line(l.Refunds, "withdrawal"));
        Assert.Equal(Refunds(r, RefundKind.Surplus), l.SurplusRefunded);
        Assert.Equal(Money.Sum(l.Income.Select(x => x.Amount)), l.TotalIncome);
        Assert.Equal(Money.Sum(l.Refunds.Select(x => x.Amount)), l.TotalRefunds);
        Assert.Equal(Money.Sum(l.Expenditure.Select(x => x.Amount)), l.TotalExpenditure);
        Assert.Equal(Money.Sum(r.Staff.Select(s => s.Net)) + Money.Sum(facts.Expenses.Select(e => e.Amount)), l.TotalExpenditure);
        Assert.Equal(l.TotalIncome - l.TotalRefunds - l.TotalExpenditure, l.BalanceBeforeSurplus);
        Assert.Equal(l.TotalIncome, l.TotalRefunds + l.TotalExpenditure + l.SurplusRefunded + l.SubsidyReturned + l.Balance);
        Assert.Equal(Money.Sum(facts.Payments.Select(p => p.Amount)) + Money.Sum(facts.Subsidies.Select(s => s.Amount)), l.CashReceived);
        Assert.Equal(Money.Sum(r.Staff.Select(s => s.LessonPay)), Line(l.Expenditure, "lesson-pay"));
        Assert.Equal(-Money.Sum(r.Staff.Select(s => s.Deductions)), Line(l.Expenditure, "deductions"));

        foreach (var f in r.Families)
        {
            Assert.False(f.Payable.IsNegative, $"{spec}: family {f.StudentId} payable {f.Payable}");
            Assert.False(f.Net.IsNegative, $"{spec}: family {f.StudentId} net {f.Net}");
            Assert.Equal(f.Charged - f.CapReduction - f.Subsidy - f.Waived, f.Payable);
            Assert.Equal(Money.Sum(f.Refunds.Select(x => x.Amount)), f.Refunded);
            Assert.Equal(f.Payable - f.Refunded, f.Net);
            Assert.Equal(f.Net - f.Paid, f.Balance);
        }

        foreach (var s in r.Staff)
        {
            Assert.False(s.Net.IsNegative, $"{spec}: staff {s.StaffId} net {s.Net}");
            foreach (var m in s.Months)
            {
                Assert.False(m.DeductionTotal.IsNegative, $"{spec}: staff {s.StaffId} {m.Month} deductions {m.DeductionTotal}");
                Assert.True(m.DeductionTotal <= m.DeductionBase, $"{spec}: staff {s.StaffId} {m.Month} deductions {m.DeductionTotal} above the base {m.DeductionBase}");
                Assert.Equal(m.LessonPay + m.StipendTotal, m.Gross);
                Assert.Equal(m.Gross - m.DeductionTotal, m.Net);
            }

            Assert.Equal(s.Gross - s.Deductions, s.Net);
        }
    }

    /// <summary>
    /// 002 §1 二(三)2: the pool, computed from the settlement's own lines, is exactly what the lessons are paid; each
    /// teacher gets pool × their lessons ÷ all lessons floored to the fen, or one fen more; within a teacher's month the
    /// lessons differ by at most a fen, the extra fen to the first in (date, slot, lesson id) order.
    /// </summary>
    [Property(MaxTest = 15, Arbitrary = [typeof(TermSpecs)])]
    public void The_pool_is_paid_out_exactly(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var r = Settler.Settle(policy, facts);
        var deducted = policy.Pay.PoolDeductsExpenses.ToHashSet(StringComparer.Ordinal);
        var expected = Money.Sum(r.Families.Select(f => f.Payable))
            - Refunds(r, RefundKind.Absence) - Refunds(r, RefundKind.Withdrawal)
            - Line(r.Ledger.Expenditure, "stipends")
            - Money.Sum(facts.Expenses.Where(e => deducted.Contains(e.Category)).Select(e => e.Amount));
        expected = Money.Max(expected, Money.Zero);
        Assert.Equal(expected, Money.Sum(r.Staff.Select(s => s.LessonPay)));

        var session = Settler.Run(policy, facts);
        var pool = session.All<PayPool>().Single();
        var lines = session.All<LessonPay>();
        Assert.Equal(expected, pool.Pool);
        Assert.Equal(pool.Pool, pool.Paid);
        Assert.Equal(facts.Lessons.Count, lines.Count);
        Assert.Equal(pool.Pool, Money.Sum(lines.Select(x => x.Amount)));
        var all = (long)facts.Lessons.Count;
        foreach (var teacher in lines.GroupBy(x => x.StaffId))
        {
            var floor = pool.Pool.Fen * teacher.Count() / all;
            var paid = teacher.Sum(x => x.Amount.Fen);
            Assert.True(paid == floor || paid == floor + 1, $"{spec}: {teacher.Key} is paid {paid} fen, not {floor} or one more");
        }

        var lessons = facts.Lessons.ToDictionary(l => l.LessonId, StringComparer.Ordinal);
        foreach (var month in lines.GroupBy(x => (x.StaffId, x.Month)))
        {
            var ordered = month.Select(x => lessons[x.LessonId]).OrderBy(l => l.Date).ThenBy(l => l.Slot, StringComparer.Ordinal).ThenBy(l => l.LessonId, StringComparer.Ordinal)
                .Select(l => month.Single(x => x.LessonId == l.LessonId).Amount.Fen).ToList();
            var low = ordered.Min();
            Assert.True(ordered.Max() - low <= 1, $"{spec}: {month.Key} lesson lines differ by more than a fen");
            var extra = ordered.Count(x => x > low);
            Assert.All(ordered.Take(extra), x => Assert.Equal(low + 1, x));
        }
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(TermSpecs)])]
    public void Every_line_is_explained_down_to_input_facts(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var r = Settler.Settle(policy, facts);
        var inputs = facts.All().Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var explanations = r.Explanations;

        // No explanation cites a fact that is neither derived nor input.
        foreach (var (id, e) in explanations)
        {
            Assert.Equal(id, e.Id);
            Assert.False(string.IsNullOrEmpty(e.RuleId), $"{id} has no rule");
            foreach (var source in e.SourceIds)
            {
                Assert.True(explanations.ContainsKey(source) || inputs.Contains(source), $"{spec}: {id} cites {source}, which is neither derived nor input");
            }
        }

        var reaches = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool ReachesInput(string id)
        {
            if (inputs.Contains(id))
            {
                return true;
            }

            if (reaches.TryGetValue(id, out var known))
            {
                return known;
            }

            reaches[id] = false; // a cycle would not count as reaching anything
            var result = explanations.TryGetValue(id, out var e) && e.SourceIds.Any(ReachesInput);
            reaches[id] = result;
            return result;
        }

        bool Cites(string from, string target)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { from };
            var stack = new Stack<string>([from]);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (id == target)
                {
                    return true;
                }

                if (explanations.TryGetValue(id, out var e))
                {
                    foreach (var s in e.SourceIds)
                    {
                        if (s == target)
                        {
                            return true;
                        }

                        if (seen.Add(s) && explanations.ContainsKey(s))
                        {
                            stack.Push(s);
                        }
                    }
                }
            }

            return false;
        }

        void Explained(string line, IEnumerable<string> ids)
        {
            var list = ids.ToList();
            Assert.NotEmpty(list);
            foreach (var id in list)
            {
                Assert.True(explanations.ContainsKey(id), $"{spec}: {line} cites {id}, which has no explanation");
                Assert.True(ReachesInput(id), $"{spec}: the explanation of {line} ({id}) reaches no input fact");
            }
        }

        foreach (var f in r.Families)
        {
            Explained("family " + f.StudentId, f.FactIds.Concat(f.Refunds.Select(x => x.FactId)));
            Assert.True(f.FactIds.Any(id => Cites(id, "enrolment:" + f.StudentId)), $"{spec}: family {f.StudentId} is not traced to its enrolment");
        }

        foreach (var s in r.Staff)
        {
            Explained("staff " + s.StaffId, s.FactIds
                .Concat(s.Months.SelectMany(m => m.Stipends.Select(x => x.FactId).Concat(m.Deductions.Select(x => x.FactId))))
                .Concat(s.TermDeductions.Select(x => x.FactId)));
            Assert.True(s.FactIds.Any(id => Cites(id, "staff:" + s.StaffId)), $"{spec}: staff {s.StaffId} is not traced to its staff record");
        }

        // A ledger line with nothing in it (no withdrawals, say) cites nothing; every other one is traced.
        Explained("ledger", r.Ledger.Income.Concat(r.Ledger.Refunds).Concat(r.Ledger.Expenditure).Where(x => !x.Amount.IsZero).Select(x => x.FactId));
    }

    /// <summary>The same facts in any order (every list shuffled, each student's weekdays too) give the same bytes.</summary>
    [Property(MaxTest = 20, Arbitrary = [typeof(TermSpecs)])]
    public void The_order_of_the_input_does_not_matter(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var expected = SettlementJson.Serialize(Settler.Settle(policy, facts));
        var shuffled = TermGenerator.Shuffled(facts, spec.Seed ^ 0x5eed);
        var actual = SettlementJson.Serialize(Settler.Settle(policy, shuffled));
        Assert.True(expected == actual, $"{spec}: shuffling the input changed the settlement at character {FirstDifference(expected, actual)}");
    }

    /// <summary>
    /// 002 §1 二(三)2 pays a teacher by their lessons, never by the lessons' names: relabelling every lesson id (the
    /// conduct events that name a lesson follow) and shuffling every list leaves each family line, each staff-month and
    /// staff-term amount, each deduction not of kind lesson, and the ledger as they were.
    /// </summary>
    [Property(MaxTest = 15, Arbitrary = [typeof(TermSpecs)])]
    public void Relabelling_lessons_changes_no_amount(TermSpec spec)
    {
        var (policy, facts) = spec.Generate();
        var rng = new Random(spec.Seed ^ 0x1abe1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in facts.Lessons)
        {
            string name;
            do
            {
                name = "R" + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            }
            while (!names.Add(name));
            renamed[l.LessonId] = name;
        }

        var relabelled = facts with
        {
            Lessons = facts.Lessons.Select(l => l with { LessonId = renamed[l.LessonId] }).ToList(),
            Conduct = facts.Conduct.Select(e => e.LessonId is { } id && renamed.TryGetValue(id, out var name) ? e with { LessonId = name } : e).ToList(),
        };
        var before = Amounts(Settler.Settle(policy, facts));
        var after = Amounts(Settler.Settle(policy, TermGenerator.Shuffled(relabelled, spec.Seed ^ 0x5eed)));
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(before[i] == after[i], $"{spec}: relabelling the lessons changed {before[i]} into {after[i]}");
        }
    }

    /// <summary>Every amount of a settlement that no lesson's name may change, one line each, in a fixed order.</summary>
    private static List<string> Amounts(SettlementResult r)
    {
        var lines = new List<string>();
        foreach (var f in r.Families.OrderBy(f => f.StudentId, StringComparer.Ordinal))
        {
            lines.Add($"family {f.StudentId}: {f.Charged} {f.CapReduction} {f.Subsidy} {f.Waived} {f.Payable} {f.Refunded} {f.Net} {f.Paid} {f.Balance} "
                + string.Join(" ", f.Refunds.Select(x => $"{x.Kind}:{x.Amount}")));
        }

        foreach (var s in r.Staff.OrderBy(s => s.StaffId, StringComparer.Ordinal))
        {
            lines.Add($"staff {s.StaffId}: {s.Lessons} {s.LessonPay} {s.Stipends} {s.ExternalPay} {s.Awards} {s.Gross} {s.Deductions} {s.Net}");
            foreach (var m in s.Months)
            {
                lines.Add($"staff {s.StaffId} {m.Month}: {m.Lessons} {m.LessonPay} {m.StipendTotal} {m.DeductionBase} {m.DeductionTotal} {m.Gross} {m.Net}");
                foreach (var d in m.Deductions.Where(d => d.Kind != "lesson").OrderBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => string.Join(",", d.EventIds), StringComparer.Ordinal))
                {
                    lines.Add($"staff {s.StaffId} {m.Month} {d.RuleId} {d.Kind} {string.Join(",", d.EventIds)}: {d.Amount}");
                }
            }

            foreach (var d in s.TermDeductions.Where(d => d.Kind != "lesson").OrderBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => string.Join(",", d.EventIds), StringComparer.Ordinal))
            {
                lines.Add($"staff {s.StaffId} term {d.RuleId} {d.Kind} {string.Join(",", d.EventIds)}: {d.Amount}");
            }
        }

        var l = r.Ledger;
        foreach (var x in l.Income.Concat(l.Refunds).Concat(l.Expenditure))
        {
            lines.Add($"ledger {x.Category}: {x.Amount}");
        }

        lines.Add($"ledger: {l.TotalIncome} {l.TotalRefunds} {l.TotalExpenditure} {l.BalanceBeforeSurplus} {l.SurplusRefunded} {l.CarriedForward} {l.Balance}");
        return lines;
    }

    /// <summary>The generator writes only valid facts: as CSV files they load back without a single input error and settle the same.</summary>
    [Theory]
    [InlineData(6765)]
    [InlineData(20250301)]
    public void Generated_facts_are_valid_files(int seed)
    {
        var spec = TermSpec.FromSeed(seed);
        var (policy, facts) = spec.Generate();
        var folder = Path.Combine(Path.GetTempPath(), "compensation-generated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            WriteCsv(folder, facts);
            TermFacts loaded;
            try
            {
                loaded = FactsLoader.LoadFolder(folder);
            }
            catch (InputException e)
            {
                Assert.Fail($"{spec}: the generated facts do not load:\n{e.Message}");
                return;
            }

            Assert.Equal(facts.All().Count(), loaded.All().Count());
            Assert.Equal(SettlementJson.Serialize(Settler.Settle(policy, facts)), SettlementJson.Serialize(Settler.Settle(policy, loaded)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }

    private static void WriteCsv(string folder, TermFacts f)
    {
        static string D(DateOnly? d) => d is { } x ? Dates.Iso(x) : "";
        static string N(decimal? d) => d is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "";
        static string Q(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        void Write(string name, string header, IEnumerable<string> rows) =>
            File.WriteAllText(Path.Combine(folder, name), header + "\n" + string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));

        var t = f.Term;
        Write("term.csv", "term_id,school,start,end", [$"{Q(t.TermId)},{Q(t.School)},{D(t.Start)},{D(t.End)}"]);
        Write("calendar.csv", "date,kind,as_weekday,note", f.Calendar.Select(c =>
            $"{D(c.Date)},{(c.Kind == Facts.Input.CalendarDayKind.Holiday ? "holiday" : "makeup")},{c.AsWeekday?.ToString(CultureInfo.InvariantCulture)},{Q(c.Note)}"));
        Write("enrolments.csv", "student_id,name,class,weekdays,start,last_day", f.Enrolments.Select(e =>
            $"{e.StudentId},{Q(e.Name)},{Q(e.ClassName)},{string.Concat(e.Weekdays)},{D(e.Start)},{D(e.LastDay)}"));
        Write("attendance.csv", "student_id,date,status", f.Attendance.Select(a =>
            $"{a.StudentId},{D(a.Date)},{(a.Status == Facts.Input.AttendanceStatus.Absent ? "absent" : "leave")}"));
        Write("hardship.csv", "approval_id,student_id,category,waiver_percent,approved_on,approved_by", f.Hardship.Select(h =>
            $"{h.ApprovalId},{h.StudentId},{h.Category},{N(h.WaiverPercent)},{D(h.ApprovedOn)},{Q(h.ApprovedBy)}"));
        Write("payments.csv", "payment_id,student_id,date,amount", f.Payments.Select(p => $"{p.PaymentId},{p.StudentId},{D(p.Date)},{p.Amount}"));
        Write("staff.csv", "staff_id,name,employee_no,role,external,agreement_amount", f.Staff.Select(s =>
            $"{s.StaffId},{Q(s.Name)},{Q(s.EmployeeNo)},{Q(s.Role)},{(s.External ? "true" : "false")},{s.AgreementAmount?.ToString()}"));
        Write("lessons.csv", "lesson_id,staff_id,date,slot,minutes,group", f.Lessons.Select(l =>
            $"{l.LessonId},{l.StaffId},{D(l.Date)},{Q(l.Slot)},{l.Minutes.ToString(CultureInfo.InvariantCulture)},{Q(l.Group)}"));
        Write("conduct.csv", "event_id,staff_id,date,kind,decided_percent,lesson_id,note", f.Conduct.Select(c =>
            $"{c.EventId},{c.StaffId},{D(c.Date)},{c.Kind},{N(c.DecidedPercent)},{c.LessonId},{Q(c.Note)}"));
        Write("duties.csv", "duty_id,staff_id,date,duty,count", f.Duties.Select(d =>
            $"{d.DutyId},{d.StaffId},{D(d.Date)},{d.Duty},{d.Count.ToString(CultureInfo.InvariantCulture)}"));
        Write("expenses.csv", "expense_id,date,category,amount,payee,note", f.Expenses.Select(e =>
            $"{e.ExpenseId},{D(e.Date)},{e.Category},{e.Amount},{Q(e.Payee)},{Q(e.Note)}"));
    }
}
