using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Testing;

/// <summary>The families' side: docs/settlement-arithmetic.md, "Families", steps 1–6 (the surplus, step 7, is in the ledger).</summary>
public static partial class ReferenceSettlement
{
    /// <summary>One service day of the school and the weekday whose timetable runs on it.</summary>
    private sealed record ServiceDay(DateOnly Date, int Weekday);

    /// <summary>One family's account as it is worked out, step by step.</summary>
    private sealed class Family
    {
        public required Enrolment Enrolment { get; init; }

        /// <summary>F: the student's service days over the whole term.</summary>
        public required List<DateOnly> TermDays { get; init; }

        /// <summary>D: the student's service days from its start to the term's end.</summary>
        public required List<DateOnly> DaysFromStart { get; init; }

        /// <summary>The student's service days from its start to its last day (a withdrawal's last day, or the term's end).</summary>
        public required List<DateOnly> DaysServed { get; init; }

        /// <summary>The student's attendance marks, hardship approvals and payments, in the order given.</summary>
        public required List<AttendanceMark> Marks { get; init; }

        public required List<HardshipApproval> Approvals { get; init; }

        public required List<FamilyPayment> Payments { get; init; }

        public Money Charged { get; set; }
        public Money CapReduction { get; set; }
        public Money Subsidy { get; set; }
        public Money Waived { get; set; }
        public Money Payable { get; set; }
        public Money AbsenceRefunds { get; set; }
        public int AbsenceSpells { get; set; }
        public int AbsenceDays { get; set; }
        public Money WithdrawalRefund { get; set; }
        public Money SurplusRefund { get; set; }
        public Money Paid { get; set; }

        /// <summary>Days refunded so far, an absence day counting as refund_percent of a day (for the cumulative rounding).</summary>
        public decimal RefundedDays { get; set; }

        /// <summary>What the family pays for the term after the absence and withdrawal refunds.</summary>
        public Money PayableAfterRefunds => Payable - AbsenceRefunds - WithdrawalRefund;
    }

    /// <summary>
    /// The school calendar: Monday to Friday within the term, less the holidays, plus the make-up days (调休), each
    /// running the timetable of the weekday it stands for.
    /// </summary>
    private static List<ServiceDay> ServiceDays(TermFacts facts)
    {
        var exceptions = new Dictionary<DateOnly, CalendarException>();
        foreach (var exception in facts.Calendar)
        {
            exceptions[exception.Date] = exception;
        }

        var days = new List<ServiceDay>();
        for (var date = facts.Term.Start; date <= facts.Term.End; date = date.AddDays(1))
        {
            var weekday = IsoWeekday(date);
            if (exceptions.TryGetValue(date, out var exception))
            {
                if (exception.Kind == CalendarDayKind.Makeup)
                {
                    days.Add(new ServiceDay(date, exception.AsWeekday ?? weekday));
                }
            }
            else if (weekday <= 5)
            {
                days.Add(new ServiceDay(date, weekday));
            }
        }

        return days;
    }

    /// <summary>Every enrolled student's account, in student id order.</summary>
    private static List<Family> Families(SchoolPolicy policy, TermFacts facts, List<ServiceDay> serviceDays)
    {
        var marks = facts.Attendance.ToLookup(m => m.StudentId, StringComparer.Ordinal);
        var approvals = facts.Hardship.ToLookup(a => a.StudentId, StringComparer.Ordinal);
        var payments = facts.Payments.ToLookup(p => p.StudentId, StringComparer.Ordinal);
        var families = facts.Enrolments.OrderBy(e => e.StudentId, StringComparer.Ordinal)
            .Select(e => Account(facts.Term, e, serviceDays, [.. marks[e.StudentId]], [.. approvals[e.StudentId]], [.. payments[e.StudentId]]))
            .ToList();
        foreach (var family in families)
        {
            family.Charged = Charge(policy, family);
            family.CapReduction = CapReduction(policy, family);
        }

        // A lump sum is shared over all the families at once, so every charge comes first.
        ShareSubsidies(policy, facts, families);
        foreach (var family in families)
        {
            var afterSubsidy = family.Charged - family.CapReduction - family.Subsidy;
            family.Waived = Waiver(policy, family, afterSubsidy);
            family.Payable = afterSubsidy - family.Waived;
            RefundAbsenceSpells(policy, family);
            RefundWithdrawal(policy, family);
            family.Paid = Money.Sum(family.Payments.Select(p => p.Amount));
        }

        return families;
    }

    /// <summary>A student's account opened with its own service days (the school's service days whose timetable is one of its weekdays) and facts.</summary>
    private static Family Account(TermInfo term, Enrolment enrolment, List<ServiceDay> serviceDays, List<AttendanceMark> marks, List<HardshipApproval> approvals, List<FamilyPayment> payments)
    {
        var start = enrolment.Start ?? term.Start;
        var lastDay = enrolment.LastDay ?? term.End;
        var own = serviceDays.Where(d => enrolment.Weekdays.Contains(d.Weekday)).Select(d => d.Date).ToList();
        return new Family
        {
            Enrolment = enrolment,
            TermDays = own,
            DaysFromStart = own.Where(d => d >= start).ToList(),
            DaysServed = own.Where(d => d >= start && d <= lastDay).ToList(),
            Marks = marks,
            Approvals = approvals,
            Payments = payments,
        };
    }

    /// <summary>
    /// Step 1. 001 篇四 每生每期600元; 002 §1 一(一) 每周5天…每生每学期350元: the term fee is for 5 days a week, so a
    /// student on fewer days pays fee × dpw/5, and a late joiner the share D/F of the term. One rounding at the end.
    /// 002 §7 七 (按实结算，多还少补): per lesson-hour, each month's days attended.
    /// </summary>
    private static Money Charge(SchoolPolicy policy, Family family) => policy.Fees.Mode switch
    {
        FeeMode.FlatTerm => ProRata(policy.Fees.TermFee, family, policy.Fees.ProRataByDaysPerWeek, policy.Fees.ProRataJoin),
        FeeMode.PerLessonHour => ByDaysAttended(policy.Fees.RatePerLessonHour, policy.Fees, family),
        _ => Money.Zero, // 公益: no fee (000 third plan 二(四), 001 篇二)
    };

    /// <summary>
    /// Step 2. 002 §1 一(一) 收费标准最高限额为每生每学期350元 (for 5 days a week): the cap is pro rata like the fee,
    /// always by days a week; 002 §7 七1 不超过3元/人/课时: per lesson-hour, the months at the capped rate. Only a
    /// clamping cap reduces the charge; otherwise a charge above it is only reported.
    /// </summary>
    private static Money CapReduction(SchoolPolicy policy, Family family)
    {
        var fees = policy.Fees;
        if (fees.Cap is not { Clamp: true } cap)
        {
            return Money.Zero;
        }

        Money? limit = fees.Mode == FeeMode.PerLessonHour && cap.PerLessonHour is { } maxRate
            ? ByDaysAttended(maxRate, fees, family)
            : cap.PerTerm is { } perTerm ? ProRata(perTerm, family, byDaysPerWeek: true, fees.ProRataJoin) : null;
        return limit is { } l && family.Charged > l ? family.Charged - l : Money.Zero;
    }

    /// <summary>
    /// Per month, round(rate × lesson_hours_per_day × days attended), added up: the days attended are the student's
    /// days from its start to its last day less the days marked absent or on leave.
    /// </summary>
    private static Money ByDaysAttended(decimal rate, FeePolicy fees, Family family)
    {
        var missed = family.Marks.Select(m => m.Date).ToHashSet();
        return Money.Sum(family.DaysServed.GroupBy(Month.Of)
            .Select(month => Money.Round(rate * fees.LessonHoursPerDay * month.Count(d => !missed.Contains(d)))));
    }

    /// <summary>round(amount × dpw/5 × D/F), each factor only when asked for; a student with no service day in the term (F = 0) pays 0.</summary>
    private static Money ProRata(decimal amount, Family family, bool byDaysPerWeek, bool byJoin)
    {
        if (family.TermDays.Count == 0)
        {
            return Money.Zero;
        }

        var share = amount;
        if (byDaysPerWeek)
        {
            share = share * family.Enrolment.Weekdays.Count / 5;
        }

        if (byJoin)
        {
            share = share * family.DaysFromStart.Count / family.TermDays.Count;
        }

        return Money.Round(share);
    }

    /// <summary>
    /// Step 3. 002 §7 七1 财政补贴先行, 004 §10: the subsidy is taken off first, never more than the charge. Per student:
    /// per_student, or with subsidy.pro_rata_join round(per_student × D/F) for a late joiner (D &lt; F). A lump sum: the
    /// subsidies received, up to the charges, shared pro rata to the charges by largest remainder in student id order.
    /// </summary>
    private static void ShareSubsidies(SchoolPolicy policy, TermFacts facts, List<Family> families)
    {
        switch (policy.Subsidy.Mode)
        {
            case SubsidyMode.PerStudent:
                var perStudent = Money.Round(policy.Subsidy.PerStudent);
                foreach (var family in families)
                {
                    var days = family.DaysFromStart.Count;
                    var termDays = family.TermDays.Count;
                    var own = policy.Subsidy.ProRataJoin && days < termDays ? Money.Round(perStudent.Yuan * days / termDays) : perStudent;
                    family.Subsidy = Money.Min(family.Charged - family.CapReduction, own);
                }

                break;
            case SubsidyMode.LumpSum:
                var charges = families.Select(f => f.Charged - f.CapReduction).ToList();
                var shared = Money.Min(Received(facts), Money.Sum(charges));
                var shares = LargestRemainder(shared, charges.Select(c => c.Fen).ToList());
                for (var i = 0; i < families.Count; i++)
                {
                    families[i].Subsidy = shares[i];
                }

                break;
        }
    }

    /// <summary>
    /// The subsidies that reduce no family's fee and go to the fund: all of them under fund (000 二(四): free service
    /// paid from the subsidy), what a lump sum leaves over the charges; none per student (its income is the shares).
    /// </summary>
    private static Money SubsidyToTheFund(SchoolPolicy policy, TermFacts facts, List<Family> families) => policy.Subsidy.Mode is SubsidyMode.LumpSum or SubsidyMode.Fund
        ? Received(facts) - Money.Sum(families.Select(f => f.Subsidy))
        : Money.Zero;

    private static Money Received(TermFacts facts) => Money.Sum(facts.Subsidies.Select(s => s.Amount));

    /// <summary>
    /// Step 4. 002 §1 一(一) 对家庭经济困难学生…要减免费用; 001 篇四 给予适当的费用减免: the approved share of what is
    /// left after the subsidy, never above the category's maximum; an approval of a category the plan does not have
    /// waives nothing; of several approvals the highest counts.
    /// </summary>
    private static Money Waiver(SchoolPolicy policy, Family family, Money beforeWaiver)
    {
        var percent = 0m;
        foreach (var approval in family.Approvals)
        {
            if (policy.Waivers.Categories.TryGetValue(approval.Category, out var category))
            {
                percent = Math.Max(percent, Math.Min(approval.WaiverPercent, category.MaxPercent));
            }
        }

        return Money.Round(beforeWaiver.Yuan * percent / 100m);
    }

    /// <summary>
    /// Step 5. 002 §1 一(一) 学生因故缺席课后服务连续一周以上的…退还部分课后服务费: every spell of missed days that is
    /// a week or more is refunded, all its days, at refund_percent of the daily rate, one refund per spell in date order.
    /// </summary>
    private static void RefundAbsenceSpells(SchoolPolicy policy, Family family)
    {
        if (policy.Refunds.Absence is not { } absence)
        {
            return;
        }

        var missed = new HashSet<DateOnly>();
        foreach (var mark in family.Marks)
        {
            // The last mark of a day is the one that counts.
            if (absence.Statuses.Contains(StatusName(mark.Status)))
            {
                missed.Add(mark.Date);
            }
            else
            {
                missed.Remove(mark.Date);
            }
        }

        foreach (var spell in Spells(family.DaysServed, missed))
        {
            if (!IsAWeekOrMore(absence, spell, family))
            {
                continue;
            }

            family.AbsenceRefunds += RefundDays(family, spell.Count * absence.RefundPercent / 100m);
            family.AbsenceSpells++;
            family.AbsenceDays += spell.Count;
        }
    }

    /// <summary>The runs of consecutive scheduled days all missed. Non-service days are not in the list, so they neither break nor count.</summary>
    private static List<List<DateOnly>> Spells(List<DateOnly> scheduled, HashSet<DateOnly> missed)
    {
        var spells = new List<List<DateOnly>>();
        var current = new List<DateOnly>();
        foreach (var day in scheduled)
        {
            if (missed.Contains(day))
            {
                current.Add(day);
            }
            else if (current.Count > 0)
            {
                spells.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            spells.Add(current);
        }

        return spells;
    }

    /// <summary>
    /// 连续一周以上, 以上 including the number (民法典 第1259条; DOMAIN.md "Readings"): with min_service_days, that many
    /// days; with min_weeks N, at least N × the student's days a week, or every scheduled day (within its enrolment)
    /// of N calendar weeks, Monday to Sunday, so a week cut short by a holiday counts (the weeks a spell holds whole
    /// are consecutive, as the spell is; weeks without a scheduled day of the student are skipped).
    /// </summary>
    private static bool IsAWeekOrMore(AbsenceRefundPolicy absence, List<DateOnly> spell, Family family)
    {
        if (absence.MinServiceDays is { } minDays)
        {
            return spell.Count >= minDays;
        }

        if (spell.Count >= absence.MinWeeks * family.Enrolment.Weekdays.Count)
        {
            return true;
        }

        var wholeWeeks = spell.Select(MondayOf).Distinct()
            .Count(monday => family.DaysServed.Where(d => MondayOf(d) == monday).All(spell.Contains));
        return wholeWeeks >= absence.MinWeeks;
    }

    /// <summary>
    /// Step 6. 001 篇四 如有特殊情况不能继续参加的，按实际上课时间进行清算费用，结余的退还: the days after the last day
    /// are refunded. A plan without refunds.withdrawal refunds nothing (the engine reports it).
    /// </summary>
    private static void RefundWithdrawal(SchoolPolicy policy, Family family)
    {
        var daysNotServed = family.DaysFromStart.Count - family.DaysServed.Count;
        if (policy.Refunds.Withdrawal is not null && daysNotServed > 0)
        {
            family.WithdrawalRefund = RefundDays(family, daysNotServed);
        }
    }

    /// <summary>
    /// A family's refunds are rounded cumulatively (docs/settlement-arithmetic.md, step 6): with c days refunded
    /// already, k more refund round(Payable × (c + k)/D) − round(Payable × c/D), so together they never exceed Payable.
    /// </summary>
    private static Money RefundDays(Family family, decimal days)
    {
        var before = family.RefundedDays;
        var after = before + days;
        var d = family.DaysFromStart.Count;
        family.RefundedDays = after;
        return Money.Round(family.Payable.Yuan * after / d) - Money.Round(family.Payable.Yuan * before / d);
    }

    /// <summary>Step 8: the family lines, with the surplus refund the ledger shared out. Balance = Net − Paid (多退少补).</summary>
    private static List<ReferenceFamily> FamilyLines(List<Family> families) =>
        families.Select(f =>
        {
            var refunded = f.AbsenceRefunds + f.WithdrawalRefund + f.SurplusRefund;
            var net = f.Payable - refunded;
            return new ReferenceFamily(f.Enrolment.StudentId, f.TermDays.Count, f.DaysFromStart.Count, f.Charged, f.CapReduction, f.Subsidy,
                f.Waived, f.Payable, f.AbsenceRefunds, f.AbsenceSpells, f.WithdrawalRefund, f.SurplusRefund, refunded, net, f.Paid, net - f.Paid);
        }).ToList();

    private static string StatusName(AttendanceStatus status) => status == AttendanceStatus.Leave ? "leave" : "absent";

    private static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(1 - IsoWeekday(date));
}
