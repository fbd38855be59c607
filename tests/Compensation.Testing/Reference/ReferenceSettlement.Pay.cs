using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Testing;

/// <summary>The staff's side: docs/settlement-arithmetic.md, "Staff", steps 1–4.</summary>
public static partial class ReferenceSettlement
{
    /// <summary>One lesson paid from the fund and its pay.</summary>
    private sealed class PaidLesson(LessonDelivered lesson)
    {
        public LessonDelivered Lesson { get; } = lesson;
        public Money Pay { get; set; }
    }

    /// <summary>One month of a staff member. A month is on the staff line when anything was paid or deducted in it.</summary>
    private sealed class StaffMonth
    {
        /// <summary>The month's paid lessons in (date, slot, lesson id) order.</summary>
        public List<PaidLesson> Lessons { get; } = [];

        /// <summary>Roster stipends: per day of duty, per break supervised.</summary>
        public Money RosterStipends { get; set; }

        /// <summary>The admin-duty share of the month.</summary>
        public Money AdminDuty { get; set; }

        /// <summary>The deductions of the month before the cap at its base.</summary>
        public Money DeductionsRaw { get; set; }

        /// <summary>Whether a deduction of the month was taken of lesson pay and stipends (a rule's own base may widen it).</summary>
        public bool DeductedOfStipends { get; set; }

        public Money LessonPay => Money.Sum(Lessons.Select(l => l.Pay));

        public Money Stipends => RosterStipends + AdminDuty;
    }

    private sealed class Staff(StaffMember member)
    {
        public StaffMember Member { get; } = member;
        public SortedDictionary<Month, StaffMonth> Months { get; } = [];
        public Money ExternalPay { get; set; }
        public Money Awards { get; set; }
        public Money TermDeductionsRaw { get; set; }
        public bool TermDeductedOfStipends { get; set; }

        /// <summary>The month of a date in the term, opened when first paid or deducted in.</summary>
        public StaffMonth MonthAt(TermInfo term, DateOnly date)
        {
            if (date < term.Start || date > term.End)
            {
                throw new ArgumentException($"{date:yyyy-MM-dd} of {Member.StaffId} is outside the term");
            }

            if (!Months.TryGetValue(Month.Of(date), out var month))
            {
                month = new StaffMonth();
                Months[Month.Of(date)] = month;
            }

            return month;
        }
    }

    /// <summary>Everyone paid from the fund (002 §1 二(二)1 全校教职工…全员参与), by staff id.</summary>
    private static SortedDictionary<string, Staff> StaffAccounts(TermFacts facts)
    {
        var staff = new SortedDictionary<string, Staff>(StringComparer.Ordinal);
        foreach (var member in facts.Staff)
        {
            staff[member.StaffId] = new Staff(member);
        }

        return staff;
    }

    /// <summary>
    /// Step 3. 002 §1 二(三)1 保安每人每天30元计, 值班领导…勤杂人员每人每天0元计; 001 篇三 (一)2(1) 以每课间10元计算:
    /// each roster row pays per_day[duty], or per_break × count for break supervision; a duty without a rate pays 0.
    /// </summary>
    private static void PayDutyStipends(SchoolPolicy policy, TermFacts facts, SortedDictionary<string, Staff> staff)
    {
        foreach (var duty in facts.Duties)
        {
            staff[duty.StaffId].MonthAt(facts.Term, duty.Date).RosterStipends += DutyStipend(policy, duty);
        }
    }

    private static Money DutyStipend(SchoolPolicy policy, DutyShift duty) => duty.Duty == "break-supervision"
        ? Money.Round((policy.Stipends.PerBreak ?? 0m) * duty.Count)
        : Money.Round(policy.Stipends.PerDay.GetValueOrDefault(duty.Duty));

    /// <summary>Step 4. 002 §1, 004 §11: external staff (外聘) are paid their agreement once for the term; awards as decided.</summary>
    private static void PayExternalStaffAndAwards(TermFacts facts, SortedDictionary<string, Staff> staff)
    {
        foreach (var member in facts.Staff.Where(s => s.External && s.AgreementAmount is not null))
        {
            staff[member.StaffId].ExternalPay += member.AgreementAmount!.Value;
        }

        foreach (var award in facts.Awards)
        {
            staff[award.StaffId].Awards += award.Amount;
        }
    }

    /// <summary>
    /// Steps 1–2: every paid lesson's pay, by the pool or the plan's rate, then the floor and ceiling per staff month.
    /// Returns the pool (0 when the plan pays a rate).
    /// </summary>
    private static Money PayLessons(SchoolPolicy policy, TermFacts facts, List<Family> families, SortedDictionary<string, Staff> staff)
    {
        // 002 §1 二(三)2 takes 校外人员劳务报酬 off the pool: under agreement-only, external staff's lessons earn nothing and count nowhere.
        var unpaid = policy.Pay.ExternalLessons == ExternalLessons.AgreementOnly
            ? facts.Staff.Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var lesson in facts.Lessons.Where(l => !unpaid.Contains(l.StaffId)))
        {
            staff[lesson.StaffId].MonthAt(facts.Term, lesson.Date).Lessons.Add(new PaidLesson(lesson));
        }

        foreach (var month in staff.Values.SelectMany(s => s.Months.Values))
        {
            month.Lessons.Sort((a, b) => CompareLessons(a.Lesson, b.Lesson));
        }

        var pool = Money.Zero;
        if (policy.Pay.Mode == PayMode.Pool)
        {
            pool = Pool(policy, facts, families, staff);
            SharePoolPerTeacher(pool, staff);
        }
        else
        {
            PayTheRate(policy, staff);
        }

        foreach (var month in staff.Values.SelectMany(s => s.Months.Values).Where(m => m.Lessons.Count > 0))
        {
            HoldWithinTheBounds(policy, month);
        }

        return pool;
    }

    /// <summary>(date, slot, lesson id), the order in which a month's pay is spread over its lessons.</summary>
    private static int CompareLessons(LessonDelivered a, LessonDelivered b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var bySlot = string.CompareOrdinal(a.Slot, b.Slot);
        return bySlot != 0 ? bySlot : string.CompareOrdinal(a.LessonId, b.LessonId);
    }

    /// <summary>
    /// 002 §1 二(三)2 (课后服务费总额—管理服务补助费—校外人员劳务报酬支出—消耗品购置、场地维护支出): the fees after
    /// refunds (billed, or collected: paid less refunds), with the subsidies if the plan says so, less every roster
    /// stipend, the external staff's pay, the listed expenses, and the award reserve only if the plan says so.
    /// A negative pool pays 0.
    /// </summary>
    private static Money Pool(SchoolPolicy policy, TermFacts facts, List<Family> families, SortedDictionary<string, Staff> staff)
    {
        var pay = policy.Pay;
        var refunds = Money.Sum(families.Select(f => f.AbsenceRefunds + f.WithdrawalRefund));
        var fees = pay.PoolFees == PoolFees.Collected
            ? Money.Sum(families.Select(f => f.Paid)) - refunds
            : Money.Sum(families.Select(f => f.Payable)) - refunds;
        var subsidies = pay.PoolIncludesSubsidies ? Money.Sum(families.Select(f => f.Subsidy)) + SubsidyToTheFund(policy, facts, families) : Money.Zero;
        var stipends = Money.Sum(staff.Values.SelectMany(s => s.Months.Values).Select(m => m.RosterStipends));
        var external = Money.Sum(staff.Values.Select(s => s.ExternalPay));
        var expenses = Money.Sum(facts.Expenses.Where(x => pay.PoolDeductsExpenses.Contains(x.Category)).Select(x => x.Amount));
        var reserve = pay.PoolDeductsAwardReserve && policy.Awards.Reserve is { } r ? Money.Round(r) : Money.Zero;
        return Money.Max(Money.Zero, fees + subsidies - stipends - external - expenses - reserve);
    }

    /// <summary>
    /// 002 §1 二(三)2 …÷全校本学期总课时数×教师本学期实际上课节数, per teacher (DOMAIN.md "Readings"): each teacher's share
    /// by largest remainder over their lessons (ties by staff id), spread over their months by lessons (ties by
    /// month), and a month's amount over its lessons in (date, slot, lesson id) order, so renaming lessons changes no pay.
    /// </summary>
    private static void SharePoolPerTeacher(Money pool, SortedDictionary<string, Staff> staff)
    {
        var teachers = staff.Values.Where(s => s.Months.Values.Any(m => m.Lessons.Count > 0)).ToList();
        if (teachers.Count == 0)
        {
            return; // no lesson to share it over: it stays in the fund
        }

        var shares = LargestRemainder(pool, teachers.Select(t => (long)t.Months.Values.Sum(m => m.Lessons.Count)).ToList());
        for (var t = 0; t < teachers.Count; t++)
        {
            var months = teachers[t].Months.Values.Where(m => m.Lessons.Count > 0).ToList();
            var monthShares = LargestRemainder(shares[t], months.Select(m => (long)m.Lessons.Count).ToList());
            for (var m = 0; m < months.Count; m++)
            {
                SpreadOverLessons(monthShares[m], months[m].Lessons, months[m].Lessons.Select(_ => 1L).ToList());
            }
        }
    }

    /// <summary>001 篇三 (一)1 per lesson (20 yuan), or per lesson-hour: round(rate × minutes ÷ lesson_hour_minutes).</summary>
    private static void PayTheRate(SchoolPolicy policy, SortedDictionary<string, Staff> staff)
    {
        foreach (var paid in staff.Values.SelectMany(s => s.Months.Values).SelectMany(m => m.Lessons))
        {
            paid.Pay = policy.Pay.Mode == PayMode.PerLessonHour
                ? Money.Round(policy.Pay.Rate * paid.Lesson.Minutes / policy.Pay.LessonHourMinutes!.Value)
                : Money.Round(policy.Pay.Rate);
        }
    }

    /// <summary>
    /// Step 2. 004 §11 每课时不低于60元; 002 §1 二(一) 每课时不高于60元: per staff month, limit = round(bound × units) in the
    /// bound's unit. A clamping bound pays the limit (floor first, then ceiling), spread over the lessons by their units
    /// in (date, slot, lesson id) order; a bound that does not clamp is only reported (by the engine).
    /// </summary>
    private static void HoldWithinTheBounds(SchoolPolicy policy, StaffMonth month)
    {
        RateBound? clampedBy = null;
        var pay = month.LessonPay;
        if (policy.Pay.Floor is { Clamp: true } floor && pay < Limit(policy, floor, month))
        {
            pay = Limit(policy, floor, month);
            clampedBy = floor;
        }

        if (policy.Pay.Ceiling is { Clamp: true } ceiling && pay > Limit(policy, ceiling, month))
        {
            pay = Limit(policy, ceiling, month);
            clampedBy = ceiling;
        }

        if (clampedBy is not null)
        {
            var weights = month.Lessons.Select(l => clampedBy.Unit == RateUnit.Lesson ? 1L : l.Lesson.Minutes).ToList();
            SpreadOverLessons(pay, month.Lessons, weights);
        }
    }

    /// <summary>round(bound × units): units are lessons, or minutes ÷ lesson_hour_minutes.</summary>
    private static Money Limit(SchoolPolicy policy, RateBound bound, StaffMonth month) => bound.Unit == RateUnit.Lesson
        ? Money.Round(bound.Amount * month.Lessons.Count)
        : Money.Round(bound.Amount * month.Lessons.Sum(l => l.Lesson.Minutes) / policy.Pay.LessonHourMinutes!.Value);

    private static void SpreadOverLessons(Money amount, List<PaidLesson> lessons, List<long> weights)
    {
        var parts = LargestRemainder(amount, weights);
        for (var i = 0; i < lessons.Count; i++)
        {
            lessons[i].Pay = parts[i];
        }
    }

    /// <summary>
    /// Step 3. 001 篇三 (一)2(2) 行政值班管理：按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算: for each month (or
    /// the term), percent of general spending (lesson pay, and break supervision unless the plan says otherwise), shared
    /// over the admin-duty roster by days on duty (ties by staff id). Exact: the amount to the fen (DOMAIN.md "Readings");
    /// whole-lessons: only whole lessons of the lesson value. A term share is spread over each person's duty months by days.
    /// </summary>
    private static void PayAdminDutyShare(SchoolPolicy policy, TermFacts facts, SortedDictionary<string, Staff> staff)
    {
        if (policy.Stipends.AdminDutyShare is not { } share)
        {
            return;
        }

        var roster = facts.Duties.Where(d => d.Duty == "admin-duty").ToList();
        var periods = share.Period == AdminDutyPeriod.Month
            ? roster.Select(d => Month.Of(d.Date)).Distinct().Order().Select(m => (Month?)m).ToList()
            : [null];
        foreach (var period in periods)
        {
            bool InPeriod(DateOnly date) => period is null || Month.Of(date) == period;
            var lessonPay = Money.Sum(staff.Values.SelectMany(s => s.Months).Where(m => period is null || m.Key == period).Select(m => m.Value.LessonPay));
            var breaks = share.Base == AdminDutyBase.LessonPayAndBreaks
                ? Money.Sum(facts.Duties.Where(d => d.Duty == "break-supervision" && InPeriod(d.Date)).Select(d => DutyStipend(policy, d)))
                : Money.Zero;
            var exact = (lessonPay + breaks).Yuan * share.Percent / 100m;

            // Shared in units: fen (exact), or whole lessons of the lesson value (whole-lessons, rounded down).
            var (units, unitValue) = share.Rounding == AdminDutyRounding.Exact
                ? (Money.Round(exact).Fen, 0.01m)
                : ((long)decimal.Floor(exact / share.LessonValue), share.LessonValue);
            var byStaff = roster.Where(d => InPeriod(d.Date)).GroupBy(d => d.StaffId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var staffUnits = LargestRemainderUnits(units, byStaff.Select(g => (long)g.Count()).ToList());
            for (var i = 0; i < byStaff.Count; i++)
            {
                var months = byStaff[i].GroupBy(d => Month.Of(d.Date)).OrderBy(g => g.Key).ToList();
                var monthUnits = LargestRemainderUnits(staffUnits[i], months.Select(g => (long)g.Count()).ToList());
                for (var m = 0; m < months.Count; m++)
                {
                    staff[byStaff[i].Key].MonthAt(facts.Term, months[m].First().Date).AdminDuty += Money.Round(monthUnits[m] * unitValue);
                }
            }
        }
    }
}
