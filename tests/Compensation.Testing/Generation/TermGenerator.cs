using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;

namespace Compensation.Rules.Tests.Generation;

/// <summary>Variations on the generated plan. The defaults are the 002 §1 (埇桥) plan as written.</summary>
public sealed record TermGeneratorOptions
{
    /// <summary>Add the withdrawal refund (001 篇四) to the plan; 002 §1 has none, so withdrawn students then keep paying.</summary>
    public bool WithdrawalRefund { get; init; }

    /// <summary>What happens to a positive balance; 002 §1 keeps it in the fund.</summary>
    public SurplusMode Surplus { get; init; } = SurplusMode.Keep;

    /// <summary>
    /// The fiscal subsidy per student (财政补贴先行, 002 §7 七1); 0: none, as 002 §1. With one, a surplus has a
    /// subsidy part, so the readings below matter.
    /// </summary>
    public decimal PerStudentSubsidy { get; init; }

    /// <summary>subsidy.pro_rata_join: a late joiner's subsidy pro rata to the days from joining.</summary>
    public bool SubsidyProRataJoin { get; init; }

    /// <summary>refunds.absence.refund_percent (退还部分).</summary>
    public decimal AbsenceRefundPercent { get; init; } = 100m;

    /// <summary>refunds.surplus.split, subsidy_part and share; the defaults are the policy's.</summary>
    public SurplusSplit SurplusSplit { get; init; }

    public SubsidyPart SubsidyPart { get; init; }

    public SurplusShare SurplusShare { get; init; }

    /// <summary>The chance that a teacher teaches on a given service day.</summary>
    public double TeachingDayChance { get; init; } = 0.88;

    /// <summary>Lessons a teacher gives on a teaching day: 1 to this many, evenly.</summary>
    public int MaxLessonsPerDay { get; init; } = 9;
}

/// <summary>
/// Generates a realistic term for the 002 §1 (埇桥) plan: a calendar with holidays and a make-up day,
/// students on 3, 4 or 5 days a week (late joiners, withdrawals, absence runs, hardship approvals,
/// one payment each), teachers with several lessons on most days, guards on daily duty, conduct
/// events of every kind the plan reviews, and consumables, venue and other expenses. The same seed
/// and sizes always give the same facts (System.Random(seed)); every fact is valid per
/// docs/facts-format.md and every id is unique.
/// </summary>
public static class TermGenerator
{
    private const decimal TermFee = 350m;
    private const int Guards = 3;

    private static readonly int[][] ThreeDays = [[1, 3, 5], [1, 2, 4], [2, 4, 5], [1, 2, 3], [3, 4, 5]];
    private static readonly int[][] FourDays = [[1, 2, 3, 4], [2, 3, 4, 5], [1, 2, 4, 5], [1, 3, 4, 5]];
    private static readonly string[] Lateness = ["late", "early-leave", "swap"];
    private static readonly string[] Subjects = ["阅读", "书法", "美术", "合唱", "篮球", "科学", "围棋", "作业辅导"];
    private static readonly decimal[] PerfunctoryPercents = [10m, 15m, 20m, 30m, 50m, 100m];
    private static readonly decimal[] IncidentPercents = [50m, 60m, 80m, 100m];

    /// <summary>The 002 §1 plan: the policy every generated term is settled by.</summary>
    public static SchoolPolicy Policy(TermGeneratorOptions? options = null)
    {
        options ??= new TermGeneratorOptions();
        return new SchoolPolicy
        {
            School = "埇桥区示例小学",
            Plan = "课后服务实施方案1（生成数据）",
            Source = "seed 002 §1",
            Fees = new FeePolicy
            {
                Mode = FeeMode.FlatTerm,
                TermFee = TermFee,
                ProRataByDaysPerWeek = true,
                ProRataJoin = true,
                Cap = new FeeCap { PerTerm = 350m, Clamp = false, Clause = "002 §1 一(一)" },
                Clause = "002 §1 一(一)",
            },
            Subsidy = options.PerStudentSubsidy > 0m
                ? new SubsidyPolicy { Mode = SubsidyMode.PerStudent, PerStudent = options.PerStudentSubsidy, ProRataJoin = options.SubsidyProRataJoin, Clause = "002 §7 七1" }
                : new SubsidyPolicy { Mode = SubsidyMode.None },
            Refunds = new RefundPolicy
            {
                Absence = new AbsenceRefundPolicy { RefundPercent = options.AbsenceRefundPercent, Statuses = ["absent", "leave"], Clause = "002 §1 一(一)" },
                Withdrawal = options.WithdrawalRefund ? new WithdrawalRefundPolicy { Clause = "001 篇四" } : null,
                Surplus = new SurplusPolicy
                {
                    Mode = options.Surplus,
                    Split = options.SurplusSplit,
                    SubsidyPart = options.Surplus == SurplusMode.Refund || options.SubsidyPart != SubsidyPart.RefundToFamilies ? options.SubsidyPart : SubsidyPart.Keep,
                    Share = options.SurplusShare,
                    Clause = "002 §1 一(三)",
                },
            },
            Waivers = new WaiverPolicy
            {
                Clause = "002 §1 一(一)",
                Categories = new Dictionary<string, WaiverCategory>(StringComparer.Ordinal)
                {
                    ["dibao"] = new("低保", 100m),
                    ["jiandang"] = new("建档立卡", 100m),
                    ["kunnan"] = new("家庭经济困难", 50m),
                },
            },
            Pay = new PayPolicy
            {
                Mode = PayMode.Pool,
                ExternalLessons = ExternalLessons.AgreementOnly,
                PoolIncludesSubsidies = false,
                PoolFees = PoolFees.Billed,
                PoolDeductsAwardReserve = false,
                PoolDeductsExpenses = ["consumables", "venue"],
                Ceiling = new RateBound { Amount = 60m, Unit = RateUnit.Lesson, Clamp = false, Clause = "002 §1 二(一)" },
                Clause = "002 §1 二(三)2",
            },
            Stipends = new StipendPolicy
            {
                PerDay = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["guard"] = 30m, ["duty-leader"] = 0m, ["support"] = 0m, ["admin-duty"] = 0m },
                Clause = "002 §1 二(三)1",
            },
            Deductions = new DeductionPolicy
            {
                Base = DeductionBase.LessonPay,
                Rules =
                [
                    new DeductionRulePolicy { Id = "no-show", Kinds = ["no-show"], Each = DeductionEach.Lesson, Clause = "002 §1 二(四)2" },
                    new DeductionRulePolicy
                    {
                        Id = "lateness", Kinds = ["late", "early-leave", "swap"], Each = DeductionEach.LessonOrDay,
                        Escalation = new Escalation(3, 50m, EscalationMode.GreaterOf), Clause = "002 §1 二(四)3",
                    },
                    new DeductionRulePolicy
                    {
                        Id = "handover", Kinds = ["handover"], Each = DeductionEach.Percent, Percent = 10m,
                        Escalation = new Escalation(3, 50m, EscalationMode.GreaterOf), Clause = "002 §1 二(四)4",
                    },
                    new DeductionRulePolicy { Id = "perfunctory", Kinds = ["perfunctory", "complaint"], Each = DeductionEach.Decided, Range = (10m, 100m), Clause = "002 §1 二(四)5" },
                    new DeductionRulePolicy { Id = "incident", Kinds = ["incident"], Each = DeductionEach.Decided, Range = (50m, 100m), Scope = DeductionScope.Month, Clause = "002 §1 二(四)6" },
                ],
            },
            Awards = new AwardPolicy(),
            Publication = new PublicationPolicy { LegalBasis = "《埇桥区全面推进中小学课后服务工作实施方案》", ComplaintPhone = "0557-0000000" },
        };
    }

    public static (SchoolPolicy Policy, TermFacts Facts) Generate(int seed, int students, int staff, int serviceDays, TermGeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(students);
        ArgumentOutOfRangeException.ThrowIfLessThan(staff, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceDays, 1);
        options ??= new TermGeneratorOptions();
        var g = new Builder(new Random(seed), options);
        return (Policy(options), g.Build(seed, students, staff, serviceDays));
    }

    /// <summary>The same facts with every list (and every student's weekdays) in another order.</summary>
    public static TermFacts Shuffled(TermFacts facts, int seed)
    {
        var rng = new Random(seed);
        List<T> Mix<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            return list;
        }

        return facts with
        {
            Calendar = Mix(facts.Calendar),
            Enrolments = Mix(facts.Enrolments.Select(e => e with { Weekdays = Mix(e.Weekdays) })),
            Attendance = Mix(facts.Attendance),
            Hardship = Mix(facts.Hardship),
            Payments = Mix(facts.Payments),
            Subsidies = Mix(facts.Subsidies),
            Staff = Mix(facts.Staff),
            Lessons = Mix(facts.Lessons),
            Conduct = Mix(facts.Conduct),
            Duties = Mix(facts.Duties),
            Expenses = Mix(facts.Expenses),
            Awards = Mix(facts.Awards),
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;

    private sealed class Builder(Random rng, TermGeneratorOptions options)
    {
        private readonly List<(DateOnly Date, int Timetable)> _days = [];

        public TermFacts Build(int seed, int studentCount, int staffCount, int serviceDays)
        {
            var (term, calendar) = MakeCalendar(seed, serviceDays);
            var (enrolments, attendance, hardship, payments, feeEstimate) = MakeStudents(term, studentCount);
            var (staff, teachers, guards) = MakeStaff(staffCount);
            var duties = MakeDuties(teachers, guards);
            var (lessons, byTeacherDay) = MakeLessons(teachers);
            var conduct = MakeConduct(teachers, byTeacherDay);
            var expenses = MakeExpenses(feeEstimate);
            return new TermFacts
            {
                Term = term,
                Calendar = calendar,
                Enrolments = enrolments,
                Attendance = attendance,
                Hardship = hardship,
                Payments = payments,
                Staff = staff,
                Lessons = lessons,
                Conduct = conduct,
                Duties = duties,
                Expenses = expenses,
            };
        }

        /// <summary>A term starting on a Monday with exactly <paramref name="serviceDays"/> service days, two holidays and one make-up Saturday.</summary>
        private (TermInfo Term, List<CalendarException> Calendar) MakeCalendar(int seed, int serviceDays)
        {
            var start = new DateOnly(2024, 9, 2).AddDays(7 * rng.Next(0, 60));
            var holidays = new HashSet<int>();
            var calendar = new List<CalendarException>();
            DateOnly? makeup = null;
            var makeupAs = 0;
            if (serviceDays >= 10)
            {
                while (holidays.Count < 2)
                {
                    holidays.Add(rng.Next(1, serviceDays - 2));
                }

                var week = rng.Next(0, serviceDays / 5);
                makeup = start.AddDays(7 * week + 5);
                makeupAs = rng.Next(1, 6);
            }

            var weekdayIndex = 0;
            var d = start;
            while (true)
            {
                var iso = Dates.IsoDayOfWeek(d);
                if (iso <= 5)
                {
                    if (holidays.Contains(weekdayIndex))
                    {
                        calendar.Add(new CalendarException(d, CalendarDayKind.Holiday, null, "节假日"));
                    }
                    else
                    {
                        _days.Add((d, iso));
                    }

                    weekdayIndex++;
                }
                else if (d == makeup)
                {
                    calendar.Add(new CalendarException(d, CalendarDayKind.Makeup, makeupAs, "调休"));
                    _days.Add((d, makeupAs));
                }

                if (_days.Count == serviceDays)
                {
                    break;
                }

                d = d.AddDays(1);
            }

            var term = new TermInfo($"gen-{seed}", "埇桥区示例小学", start, d);
            return (term, calendar);
        }

        private (List<Enrolment>, List<AttendanceMark>, List<HardshipApproval>, List<FamilyPayment>, decimal FeeEstimate) MakeStudents(TermInfo term, int count)
        {
            var enrolments = new List<Enrolment>(count);
            var attendance = new List<AttendanceMark>();
            var hardship = new List<HardshipApproval>();
            var payments = new List<FamilyPayment>(count);
            decimal estimate = 0m;
            for (var i = 1; i <= count; i++)
            {
                var id = $"S{i:D5}";
                var r = rng.NextDouble();
                int[] weekdays = r < 0.8 ? [1, 2, 3, 4, 5] : r < 0.9 ? ThreeDays[rng.Next(ThreeDays.Length)] : FourDays[rng.Next(FourDays.Length)];
                var own = _days.Where(x => weekdays.Contains(x.Timetable)).Select(x => x.Date).ToList();
                var startIndex = 0;
                DateOnly? start = null;
                DateOnly? lastDay = null;
                if (own.Count >= 6 && rng.NextDouble() < 0.03)
                {
                    startIndex = rng.Next(1, own.Count / 2);
                    start = own[startIndex];
                }

                var endIndex = own.Count - 1;
                if (own.Count - startIndex >= 6 && rng.NextDouble() < 0.03)
                {
                    endIndex = rng.Next(Math.Max(startIndex + 2, own.Count / 2), own.Count - 1);
                    lastDay = own[endIndex];
                }

                var grade = 1 + rng.Next(6);
                enrolments.Add(new Enrolment(id, $"学生{i}", $"{grade}年级{1 + rng.Next(4)}班", weekdays, start, lastDay));

                // Absence: a few short runs, some of a week or more.
                var served = own.Count == 0 ? [] : own.GetRange(startIndex, endIndex - startIndex + 1);
                var marked = new HashSet<DateOnly>();
                var runs = rng.NextDouble() < 0.18 ? 1 + (rng.NextDouble() < 0.25 ? 1 : 0) : 0;
                for (var k = 0; k < runs && served.Count > 0; k++)
                {
                    var kind = rng.NextDouble();
                    var length = kind < 0.5 ? rng.Next(1, 4) : kind < 0.75 ? rng.Next(4, 8) : rng.Next(6, 13);
                    var from = rng.Next(served.Count);
                    for (var j = from; j < Math.Min(served.Count, from + length); j++)
                    {
                        if (marked.Add(served[j]))
                        {
                            attendance.Add(new AttendanceMark(id, served[j], rng.NextDouble() < 0.6 ? AttendanceStatus.Leave : AttendanceStatus.Absent));
                        }
                    }
                }

                // The fee the school expects (round(350 × dpw/5 × D/F)), which most families pay up front.
                var days = own.Count - startIndex;
                var expected = own.Count == 0 ? 0m : decimal.Round(TermFee * weekdays.Length * days / (5m * own.Count), 2, MidpointRounding.AwayFromZero);
                estimate += expected;
                if (rng.NextDouble() < 0.02)
                {
                    var c = rng.NextDouble();
                    var (category, percent) = c < 0.4 ? ("dibao", 100m) : c < 0.7 ? ("jiandang", 100m) : ("kunnan", new[] { 20m, 30m, 50m }[rng.Next(3)]);
                    hardship.Add(new HardshipApproval($"H{hardship.Count + 1:D4}", id, category, percent, Min(term.Start.AddDays(rng.Next(0, 10)), term.End), "校务会"));
                }

                var p = rng.NextDouble();
                var amount = p < 0.85 ? expected : p < 0.95 ? TermFee * weekdays.Length / 5m : 100m;
                if (amount <= 0m)
                {
                    amount = 100m;
                }

                payments.Add(new FamilyPayment($"P{i:D5}", id, start ?? term.Start, Money.Of(amount)));
            }

            return (enrolments, attendance, hardship, payments, estimate);
        }

        private (List<StaffMember> All, List<string> Teachers, List<string> Guards) MakeStaff(int count)
        {
            var guards = Math.Min(Guards, count - 1);
            var teachers = count - guards;
            var all = new List<StaffMember>(count);
            var teacherIds = new List<string>(teachers);
            var guardIds = new List<string>(guards);
            for (var i = 1; i <= teachers; i++)
            {
                var id = $"T{i:D4}";
                teacherIds.Add(id);
                all.Add(new StaffMember(id, $"教师{i}", $"E{i:D4}", "teacher", false, null));
            }

            for (var i = 1; i <= guards; i++)
            {
                var id = $"G{i:D2}";
                guardIds.Add(id);
                all.Add(new StaffMember(id, $"保安{i}", $"B{i:D2}", "guard", false, null));
            }

            return (all, teacherIds, guardIds);
        }

        private List<DutyShift> MakeDuties(List<string> teachers, List<string> guards)
        {
            var duties = new List<DutyShift>();
            for (var i = 0; i < _days.Count; i++)
            {
                var date = _days[i].Date;
                foreach (var g in guards)
                {
                    duties.Add(new DutyShift($"D{duties.Count + 1:D6}", g, date, "guard", 1));
                }

                // A teacher leads each day (paid 0 under 002 §1, but on the roster).
                duties.Add(new DutyShift($"D{duties.Count + 1:D6}", teachers[rng.Next(teachers.Count)], date, "duty-leader", 1));
            }

            return duties;
        }

        private (List<LessonDelivered>, Dictionary<(string, DateOnly), List<LessonDelivered>>) MakeLessons(List<string> teachers)
        {
            var lessons = new List<LessonDelivered>(teachers.Count * _days.Count * (options.MaxLessonsPerDay + 1) / 2);
            var byTeacherDay = new Dictionary<(string, DateOnly), List<LessonDelivered>>();
            foreach (var t in teachers)
            {
                var subject = Subjects[rng.Next(Subjects.Length)];
                foreach (var (date, _) in _days)
                {
                    if (rng.NextDouble() >= options.TeachingDayChance)
                    {
                        continue;
                    }

                    var count = 1 + rng.Next(options.MaxLessonsPerDay);
                    var day = new List<LessonDelivered>(count);
                    for (var s = 1; s <= count; s++)
                    {
                        var l = new LessonDelivered($"L{lessons.Count + 1:D7}", t, date, $"P{s}", rng.NextDouble() < 0.7 ? 40 : 45, $"{1 + rng.Next(6)}-{1 + rng.Next(4)} {subject}");
                        lessons.Add(l);
                        day.Add(l);
                    }

                    byTeacherDay[(t, date)] = day;
                }
            }

            return (lessons, byTeacherDay);
        }

        private List<ConductEvent> MakeConduct(List<string> teachers, Dictionary<(string, DateOnly), List<LessonDelivered>> byTeacherDay)
        {
            var events = new List<ConductEvent>();
            void Add(string staff, DateOnly date, string kind, decimal? decided, string? lessonId, string note) =>
                events.Add(new ConductEvent($"C{events.Count + 1:D6}", staff, date, kind, decided, lessonId, note));

            foreach (var t in teachers)
            {
                var teachingDays = _days.Where(x => byTeacherDay.ContainsKey((t, x.Date))).Select(x => x.Date).ToList();
                foreach (var date in teachingDays)
                {
                    var day = byTeacherDay[(t, date)];
                    if (rng.NextDouble() < 0.004)
                    {
                        Add(t, date, "no-show", null, day[rng.Next(day.Count)].LessonId, "无故空堂");
                    }

                    if (rng.NextDouble() < 0.01)
                    {
                        // Every other lateness names the day's first lesson (当节), the rest only the day (当天).
                        Add(t, date, Lateness[rng.Next(Lateness.Length)], null, events.Count % 2 == 0 ? day[0].LessonId : null, "考勤记录");
                    }

                    if (rng.NextDouble() < 0.004)
                    {
                        Add(t, date, "handover", null, null, "交接不规范");
                    }

                    if (rng.NextDouble() < 0.003)
                    {
                        Add(t, date, rng.NextDouble() < 0.5 ? "perfunctory" : "complaint", PerfunctoryPercents[rng.Next(PerfunctoryPercents.Length)], null, "考核小组决定");
                    }

                    if (rng.NextDouble() < 0.0007)
                    {
                        Add(t, date, "incident", IncidentPercents[rng.Next(IncidentPercents.Length)], null, "安全事故");
                    }
                }

                // Some teachers have a bad month: three or four lateness (or handover) events, which escalate.
                if (teachingDays.Count >= 4 && rng.NextDouble() < 0.12)
                {
                    var month = Month.Of(teachingDays[rng.Next(teachingDays.Count)]);
                    var inMonth = teachingDays.Where(d => Month.Of(d) == month).ToList();
                    var kindHandover = rng.NextDouble() < 0.3;
                    var n = Math.Min(inMonth.Count, 3 + rng.Next(2));
                    for (var k = 0; k < n; k++)
                    {
                        var date = inMonth[rng.Next(inMonth.Count)];
                        Add(t, date, kindHandover ? "handover" : Lateness[rng.Next(Lateness.Length)], null, null, "当月多次");
                    }
                }
            }

            return events;
        }

        private List<Expense> MakeExpenses(decimal feeEstimate)
        {
            var expenses = new List<Expense>();
            var months = _days.GroupBy(x => Month.Of(x.Date)).Select(g => g.Select(x => x.Date).ToList()).ToList();
            foreach (var days in months)
            {
                var share = feeEstimate * days.Count / _days.Count;
                void Add(string category, decimal fraction, string payee, string note)
                {
                    var amount = decimal.Round(share * fraction * (decimal)(0.6 + 0.8 * rng.NextDouble()), 2, MidpointRounding.AwayFromZero);
                    if (amount > 0m)
                    {
                        expenses.Add(new Expense($"X{expenses.Count + 1:D4}", days[rng.Next(days.Count)], category, Money.Of(amount), payee, note));
                    }
                }

                Add("consumables", 0.02m, "文具店", "美术、书法耗材");
                Add("venue", 0.012m, "后勤处", "场地维护");
                if (rng.NextDouble() < 0.6)
                {
                    Add("utilities", 0.005m, "供电公司", "延时服务电费");
                }

                if (rng.NextDouble() < 0.2)
                {
                    Add("equipment", 0.01m, "体育用品店", "球类器材");
                }
            }

            return expenses;
        }
    }
}
