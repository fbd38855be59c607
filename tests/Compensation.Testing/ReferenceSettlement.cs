using System.Globalization;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Testing;

/// <summary>One family line of the reference settlement (docs/settlement-arithmetic.md, "Families").</summary>
public sealed record ReferenceFamily(
    string StudentId,
    int FullTermDays,
    int ServiceDays,
    Money Charged,
    Money CapReduction,
    Money Subsidy,
    Money Waived,
    Money Payable,
    Money AbsenceRefunds,
    int AbsenceRuns,
    Money WithdrawalRefund,
    Money SurplusRefund,
    Money Refunded,
    Money Net,
    Money Paid,
    Money Balance);

/// <summary>One month of a staff member (docs/settlement-arithmetic.md, "Staff" 5–6).</summary>
public sealed record ReferenceStaffMonth(Month Month, int Lessons, Money LessonPay, Money Stipends, Money DeductionBase, Money DeductionsRaw, Money DeductionTotal, Money Gross, Money Net);

public sealed record ReferenceStaff(
    string StaffId,
    IReadOnlyList<ReferenceStaffMonth> Months,
    int Lessons,
    Money LessonPay,
    Money Stipends,
    Money ExternalPay,
    Money Awards,
    Money TermDeductions,
    Money Gross,
    Money Deductions,
    Money Net);

public sealed record ReferenceLedger(
    Money Fees,
    Money Subsidies,
    Money AbsenceRefunds,
    Money WithdrawalRefunds,
    Money LessonPay,
    Money Stipends,
    Money ExternalStaff,
    Money Awards,
    Money Deductions,
    IReadOnlyDictionary<string, Money> Expenses,
    Money TotalIncome,
    Money TotalRefunds,
    Money TotalExpenditure,
    Money BalanceBeforeSurplus,
    Money SurplusRefunded,
    Money CarriedForward,
    Money Balance,
    Money CashReceived,
    Money Pool,
    Money SubsidyPart,
    Money SubsidyReturned);

public sealed record ReferenceResult(IReadOnlyList<ReferenceFamily> Families, IReadOnlyList<ReferenceStaff> Staff, ReferenceLedger Ledger);

/// <summary>
/// An independent settlement straight from docs/settlement-arithmetic.md: plain loops over the input
/// facts, amounts in whole fen (long), one rounding (half away from zero) wherever the document rounds.
/// It uses no rule, no engine and no <see cref="Settler"/>; only the input records, the policy record
/// and <see cref="Money"/>. It covers what the 002 §1 plan and its neighbours use: flat-term or free
/// fees with a cap, no or per-student subsidy, hardship waivers, absence and withdrawal refunds,
/// surplus keep / refund / carry forward, pool or fixed-rate pay with floor and ceiling, per-day and
/// per-break stipends, external pay, awards, and every kind of deduction. Anything else throws
/// <see cref="NotSupportedException"/>.
/// </summary>
public static class ReferenceSettlement
{
    public static ReferenceResult Settle(SchoolPolicy policy, TermFacts facts)
    {
        if (policy.Fees.Mode == FeeMode.PerLessonHour)
        {
            throw new NotSupportedException("the reference does not settle per-lesson-hour fees");
        }

        if (policy.Subsidy.Mode is SubsidyMode.LumpSum or SubsidyMode.Fund)
        {
            throw new NotSupportedException("the reference does not settle lump-sum or fund subsidies");
        }

        if (policy.Stipends.AdminDutyShare is not null)
        {
            throw new NotSupportedException("the reference does not settle the admin-duty share");
        }

        // ---- The calendar: Monday–Friday less holidays, plus make-up days on the weekday they run.
        var term = facts.Term;
        var exceptions = new Dictionary<DateOnly, CalendarException>();
        foreach (var c in facts.Calendar)
        {
            exceptions[c.Date] = c;
        }

        var dayDates = new List<DateOnly>();
        var dayTimetable = new List<int>();
        for (var d = term.Start; d <= term.End; d = d.AddDays(1))
        {
            var iso = d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
            if (exceptions.TryGetValue(d, out var ex))
            {
                if (ex.Kind == CalendarDayKind.Makeup)
                {
                    dayDates.Add(d);
                    dayTimetable.Add(ex.AsWeekday ?? iso);
                }

                continue;
            }

            if (iso <= 5)
            {
                dayDates.Add(d);
                dayTimetable.Add(iso);
            }
        }

        // ---- Families.
        var bySkey = new Dictionary<int, DateOnly[]>();
        var approvals = new Dictionary<string, List<HardshipApproval>>(StringComparer.Ordinal);
        foreach (var a in facts.Hardship)
        {
            if (!approvals.TryGetValue(a.StudentId, out var list))
            {
                approvals[a.StudentId] = list = [];
            }

            list.Add(a);
        }

        var marks = new Dictionary<string, Dictionary<DateOnly, AttendanceStatus>>(StringComparer.Ordinal);
        foreach (var m in facts.Attendance)
        {
            if (!marks.TryGetValue(m.StudentId, out var byDate))
            {
                marks[m.StudentId] = byDate = [];
            }

            byDate[m.Date] = m.Status;
        }

        var paid = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in facts.Payments)
        {
            paid[p.StudentId] = paid.GetValueOrDefault(p.StudentId) + p.Amount.Fen;
        }

        var absence = policy.Refunds.Absence;
        var listed = absence is null ? new HashSet<AttendanceStatus>() : absence.Statuses.Select(s => s == "leave" ? AttendanceStatus.Leave : AttendanceStatus.Absent).ToHashSet();
        var feeFen = Fen(policy.Fees.TermFee);
        var perTermCap = policy.Fees.Cap?.PerTerm is { } pt ? Fen(pt) : (long?)null;
        var perStudent = policy.Subsidy.Mode == SubsidyMode.PerStudent ? Fen(decimal.Round(policy.Subsidy.PerStudent, 2, MidpointRounding.AwayFromZero)) : 0L;

        var enrolments = facts.Enrolments.OrderBy(e => e.StudentId, StringComparer.Ordinal).ToList();
        var fam = new FamilyWork[enrolments.Count];
        for (var i = 0; i < enrolments.Count; i++)
        {
            var e = enrolments[i];
            var mask = 0;
            foreach (var w in e.Weekdays)
            {
                mask |= 1 << w;
            }

            if (!bySkey.TryGetValue(mask, out var own))
            {
                var l = new List<DateOnly>();
                for (var k = 0; k < dayDates.Count; k++)
                {
                    if ((mask & (1 << dayTimetable[k])) != 0)
                    {
                        l.Add(dayDates[k]);
                    }
                }

                bySkey[mask] = own = [.. l];
            }

            var start = e.Start ?? term.Start;
            var last = e.LastDay ?? term.End;
            var firstIndex = LowerBound(own, start);
            var afterLast = LowerBound(own, last.AddDays(1));
            var full = own.Length;
            var days = full - firstIndex; // D: from its start to the term's end
            var served = Math.Max(0, afterLast - firstIndex);
            var dpw = e.Weekdays.Count;

            long charged = 0;
            long capReduction = 0;
            if (policy.Fees.Mode == FeeMode.FlatTerm)
            {
                charged = ProRata(feeFen, dpw, days, full, policy.Fees.ProRataByDaysPerWeek, policy.Fees.ProRataJoin);
                if (perTermCap is { } capBase)
                {
                    var cap = ProRata(capBase, dpw, days, full, true, policy.Fees.ProRataJoin);
                    if (charged > cap && policy.Fees.Cap!.Clamp)
                    {
                        capReduction = charged - cap;
                    }
                }
            }

            var afterCap = charged - capReduction;

            // subsidy.pro_rata_join: a late joiner's per-student subsidy is per_student × D ÷ F.
            var ownSubsidy = policy.Subsidy.ProRataJoin && days < full && full > 0
                ? RoundFen(perStudent * (decimal)days / full)
                : perStudent;
            var subsidy = Math.Min(afterCap, ownSubsidy);
            var beforeWaiver = afterCap - subsidy;
            decimal percent = 0m;
            if (approvals.TryGetValue(e.StudentId, out var mine))
            {
                foreach (var a in mine)
                {
                    if (policy.Waivers.Categories.TryGetValue(a.Category, out var category))
                    {
                        percent = Math.Max(percent, Math.Min(a.WaiverPercent, category.MaxPercent));
                    }
                }
            }

            var waived = RoundFen(beforeWaiver * percent / 100m);
            var payable = beforeWaiver - waived;

            long absenceRefunds = 0;

            // Days refunded so far, each absence day counted at refund_percent of a day (cumulative rounding).
            decimal refundedDays = 0;
            var part = absence is null ? 1m : absence.RefundPercent / 100m;
            var runs = 0;
            var spellDays = 0;
            var served0 = own.AsSpan(firstIndex, served).ToArray();
            if (absence is not null && days > 0 && marks.TryGetValue(e.StudentId, out var byDay))
            {
                var run = 0;
                for (var k = firstIndex; k <= firstIndex + served; k++)
                {
                    if (k < firstIndex + served && byDay.TryGetValue(own[k], out var status) && listed.Contains(status))
                    {
                        run++;
                        continue;
                    }

                    if (run > 0 && IsAWeekOrMore(absence, served0, k - firstIndex - run, run, dpw))
                    {
                        // A family's refunds are rounded cumulatively, so together they never exceed the payable.
                        absenceRefunds += RoundFen(payable * (refundedDays + run * part) / days) - RoundFen(payable * refundedDays / days);
                        refundedDays += run * part;
                        spellDays += run;
                        runs++;
                    }

                    run = 0;
                }
            }

            long withdrawal = 0;
            if (policy.Refunds.Withdrawal is not null && days - served > 0)
            {
                withdrawal = RoundFen(payable * (refundedDays + days - served) / days) - RoundFen(payable * refundedDays / days);
            }

            fam[i] = new FamilyWork(e.StudentId, full, days, served, spellDays, charged, capReduction, subsidy, waived, payable, absenceRefunds, runs, withdrawal, paid.GetValueOrDefault(e.StudentId));
        }

        // ---- Stipends (per day of duty, or per break), external pay, awards, expenses.
        var staffIds = facts.Staff.Select(s => s.StaffId).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var staffIndex = new Dictionary<string, int>(staffIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < staffIds.Length; i++)
        {
            staffIndex[staffIds[i]] = i;
        }

        var firstMonth = term.Start.Year * 12 + term.Start.Month - 1;
        var monthCount = term.End.Year * 12 + term.End.Month - 1 - firstMonth + 1;
        var months = new MonthWork[staffIds.Length * monthCount];
        int Slot(int staff, DateOnly date)
        {
            var m = date.Year * 12 + date.Month - 1 - firstMonth;
            if (m < 0 || m >= monthCount)
            {
                throw new ArgumentException($"{date:yyyy-MM-dd} is outside the term");
            }

            return staff * monthCount + m;
        }

        long stipendTotal = 0;
        foreach (var d in facts.Duties)
        {
            decimal rate;
            int count;
            if (d.Duty == "break-supervision")
            {
                rate = policy.Stipends.PerBreak ?? 0m;
                count = d.Count;
            }
            else
            {
                rate = policy.Stipends.PerDay.TryGetValue(d.Duty, out var r) ? r : 0m;
                count = 1;
            }

            var amount = RoundFen(rate * 100m * count);
            ref var mw = ref months[Slot(staffIndex[d.StaffId], d.Date)];
            mw.Stipends += amount;
            mw.Present = true;
            stipendTotal += amount;
        }

        var external = new long[staffIds.Length];
        long externalTotal = 0;
        foreach (var s in facts.Staff)
        {
            if (s.External && s.AgreementAmount is { } agreed)
            {
                external[staffIndex[s.StaffId]] += agreed.Fen;
                externalTotal += agreed.Fen;
            }
        }

        var awards = new long[staffIds.Length];
        long awardTotal = 0;
        foreach (var a in facts.Awards)
        {
            awards[staffIndex[a.StaffId]] += a.Amount.Fen;
            awardTotal += a.Amount.Fen;
        }

        var expensesByCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        var poolCategories = policy.Pay.PoolDeductsExpenses.ToHashSet(StringComparer.Ordinal);
        long expenseTotal = 0;
        long poolExpenses = 0;
        foreach (var x in facts.Expenses)
        {
            expensesByCategory[x.Category] = expensesByCategory.GetValueOrDefault(x.Category) + x.Amount.Fen;
            expenseTotal += x.Amount.Fen;
            if (poolCategories.Contains(x.Category))
            {
                poolExpenses += x.Amount.Fen;
            }
        }

        // ---- Lesson pay, per staff member and month (002 §1 二(三)2 per teacher; floor and ceiling per staff-month).
        long feesNet = 0;
        long feesCollected = 0;
        long subsidyTotal = 0;
        foreach (var f in fam)
        {
            feesNet += f.Payable - f.AbsenceRefunds - f.Withdrawal;
            feesCollected += f.Paid - f.AbsenceRefunds - f.Withdrawal;
            subsidyTotal += f.Subsidy;
        }

        var unpaidStaff = policy.Pay.ExternalLessons == ExternalLessons.AgreementOnly
            ? facts.Staff.Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal)
            : [];
        var lessons = facts.Lessons;
        var lessonFen = new long[lessons.Count];
        // Each paid staff member's lessons, month by month, in (date, slot, lesson id) order: indexes into lessons.
        var staffMonths = new SortedDictionary<string, SortedDictionary<int, List<int>>>(StringComparer.Ordinal);
        for (var i = 0; i < lessons.Count; i++)
        {
            if (unpaidStaff.Contains(lessons[i].StaffId))
            {
                continue;
            }

            if (!staffMonths.TryGetValue(lessons[i].StaffId, out var byMonth))
            {
                byMonth = [];
                staffMonths[lessons[i].StaffId] = byMonth;
            }

            var ym = lessons[i].Date.Year * 12 + lessons[i].Date.Month;
            if (!byMonth.TryGetValue(ym, out var list))
            {
                list = [];
                byMonth[ym] = list;
            }

            list.Add(i);
        }

        foreach (var byMonth in staffMonths.Values)
        {
            foreach (var list in byMonth.Values)
            {
                list.Sort((x, y) =>
                {
                    var c = lessons[x].Date.CompareTo(lessons[y].Date);
                    c = c != 0 ? c : string.CompareOrdinal(lessons[x].Slot, lessons[y].Slot);
                    return c != 0 ? c : string.CompareOrdinal(lessons[x].LessonId, lessons[y].LessonId);
                });
            }
        }

        long pool = 0;
        // The month's pay as the plan's rate or pool gives it, then bound × units when a bound clamps, shared over the lessons.
        void PayMonth(List<int> idx, long computed, long[] plain)
        {
            var minutes = idx.Sum(i => lessons[i].Minutes);
            var paid = computed;
            RateBound? by = null;
            long Limit(RateBound bound) => RoundFen(bound.Amount * 100m * (bound.Unit == RateUnit.Lesson ? idx.Count : (decimal)minutes / policy.Pay.LessonHourMinutes!.Value));
            if (policy.Pay.Floor is { Clamp: true } fl && paid < Limit(fl))
            {
                paid = Limit(fl);
                by = fl;
            }

            if (policy.Pay.Ceiling is { Clamp: true } c && paid > Limit(c))
            {
                paid = Limit(c);
                by = c;
            }

            var parts = by is null ? plain : SplitInOrder(paid, idx.Select(i => by.Unit == RateUnit.Lesson ? 1L : lessons[i].Minutes).ToArray());
            for (var k = 0; k < idx.Count; k++)
            {
                lessonFen[idx[k]] = parts[k];
            }
        }

        if (policy.Pay.Mode == PayMode.Pool)
        {
            var reserve = policy.Pay.PoolDeductsAwardReserve && policy.Awards.Reserve is { } res ? RoundFen(res * 100m) : 0L;
            var fees = policy.Pay.PoolFees == PoolFees.Collected ? feesCollected : feesNet;
            pool = fees + (policy.Pay.PoolIncludesSubsidies ? subsidyTotal : 0) - stipendTotal - externalTotal - poolExpenses - reserve;
            pool = Math.Max(0, pool);
            var ids = staffMonths.Keys.ToArray();
            var counts = ids.Select(id => (long)staffMonths[id].Values.Sum(l => l.Count)).ToArray();
            if (counts.Sum() > 0)
            {
                var shares = SplitByKey(pool, counts, ids);
                for (var s = 0; s < ids.Length; s++)
                {
                    var monthKeys = staffMonths[ids[s]].Keys.ToArray();
                    var monthShares = SplitByKey(shares[s], monthKeys.Select(m => (long)staffMonths[ids[s]][m].Count).ToArray(), monthKeys.Select(m => m.ToString("D6", CultureInfo.InvariantCulture)).ToArray());
                    for (var k = 0; k < monthKeys.Length; k++)
                    {
                        var idx = staffMonths[ids[s]][monthKeys[k]];
                        var each = monthShares[k] / idx.Count;
                        var plain = idx.Select((_, j) => each + (j < monthShares[k] - each * idx.Count ? 1 : 0)).ToArray();
                        PayMonth(idx, monthShares[k], plain);
                    }
                }
            }
        }
        else
        {
            foreach (var byMonth in staffMonths.Values)
            {
                foreach (var idx in byMonth.Values)
                {
                    var plain = idx.Select(i => policy.Pay.Mode == PayMode.PerLessonHour
                        ? RoundFen(policy.Pay.Rate * 100m * lessons[i].Minutes / policy.Pay.LessonHourMinutes!.Value)
                        : RoundFen(policy.Pay.Rate * 100m)).ToArray();
                    PayMonth(idx, plain.Sum(), plain);
                }
            }
        }

        long lessonTotal = 0;
        var lessonById = new Dictionary<string, (int Staff, int Slot, long Fen)>(lessons.Count, StringComparer.Ordinal);
        var dayPay = new Dictionary<(int Staff, int Day), long>();
        for (var i = 0; i < lessons.Count; i++)
        {
            var l = lessons[i];
            if (unpaidStaff.Contains(l.StaffId))
            {
                continue;
            }

            var s = staffIndex[l.StaffId];
            var slot = Slot(s, l.Date);
            ref var mw = ref months[slot];
            mw.Lessons++;
            mw.LessonPay += lessonFen[i];
            mw.Present = true;
            lessonTotal += lessonFen[i];
            lessonById[l.LessonId] = (s, slot, lessonFen[i]);
            var key = (s, l.Date.DayNumber);
            dayPay[key] = dayPay.GetValueOrDefault(key) + lessonFen[i];
        }

        // ---- Deductions, per rule, per staff member and month (or term). A rule's own base overrides the plan's; the
        // month's (or term's) cap widens to lesson pay and stipends when a deduction there was taken of that.
        var planWithStipends = policy.Deductions.Base == DeductionBase.LessonPayAndStipends;
        long MonthBase(int slot, bool withStipends) => months[slot].LessonPay + (withStipends ? months[slot].Stipends : 0);
        long TermBase(int staff, bool withStipends)
        {
            long total = 0;
            for (var m = 0; m < monthCount; m++)
            {
                total += MonthBase(staff * monthCount + m, withStipends);
            }

            return total;
        }

        var termRaw = new long[staffIds.Length];
        var termWithStipends = new bool[staffIds.Length];
        var clamp = policy.Deductions.OutOfRange == DecidedOutOfRange.Clamp;
        foreach (var rule in policy.Deductions.Rules)
        {
            var kinds = rule.Kinds.ToHashSet(StringComparer.Ordinal);
            var termScope = rule.Scope == DeductionScope.Term;
            var withStipends = (rule.Base ?? policy.Deductions.Base) == DeductionBase.LessonPayAndStipends;
            var groups = new Dictionary<int, List<ConductEvent>>();
            foreach (var e in facts.Conduct)
            {
                if (!kinds.Contains(e.Kind))
                {
                    continue;
                }

                var s = staffIndex[e.StaffId];
                var key = termScope ? -1 - s : Slot(s, e.Date);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(e);
            }

            foreach (var (key, events) in groups)
            {
                var staff = termScope ? -1 - key : key / monthCount;
                var baseFen = termScope ? TermBase(staff, withStipends) : MonthBase(key, withStipends);
                events.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.EventId, b.EventId));
                long perEvent = 0;
                var perEventLines = 0;
                var escalation = rule.Escalation is { } esc && events.Count >= esc.At ? esc : null;
                if (escalation?.Mode != EscalationMode.Replace)
                {
                    foreach (var e in events)
                    {
                        var each = rule.Each == DeductionEach.LessonOrDay ? (e.LessonId is null ? DeductionEach.Day : DeductionEach.Lesson) : rule.Each;
                        switch (each)
                        {
                            case DeductionEach.None:
                                break;
                            case DeductionEach.Lesson:
                                if (e.LessonId is not null && lessonById.TryGetValue(e.LessonId, out var lesson) && lesson.Staff == staff && (termScope || lesson.Slot == key))
                                {
                                    perEvent += lesson.Fen;
                                    perEventLines++;
                                }

                                break;
                            case DeductionEach.Day:
                                perEvent += dayPay.GetValueOrDefault((staff, e.Date.DayNumber));
                                perEventLines++;
                                break;
                            case DeductionEach.Percent:
                                perEvent += RoundFen(baseFen * rule.Percent / 100m);
                                perEventLines++;
                                break;
                            default:
                                var (min, max) = rule.Range ?? (0m, 100m);
                                if (!clamp && (e.DecidedPercent is not { } given || given < min || given > max))
                                {
                                    throw new NotSupportedException($"event {e.EventId}: a decided percentage outside the range is refused, not settled");
                                }

                                var decided = e.DecidedPercent is { } dp ? Math.Clamp(dp, min, max) : min;
                                perEvent += RoundFen(baseFen * decided / 100m);
                                perEventLines++;
                                break;
                        }
                    }
                }

                // replace: the escalation alone; add: both; greater-of: the escalation when it is at least the per-event sum.
                long raw = perEvent;
                var lines = perEventLines;
                if (escalation is not null)
                {
                    var escalated = RoundFen(baseFen * escalation.Percent / 100m);
                    if (escalation.Mode == EscalationMode.Add)
                    {
                        raw += escalated;
                        lines++;
                    }
                    else if (escalation.Mode == EscalationMode.Replace || escalated >= perEvent)
                    {
                        raw = escalated;
                        lines = 1;
                    }
                }

                if (termScope)
                {
                    termRaw[staff] += raw;
                    termWithStipends[staff] |= withStipends && lines > 0;
                }
                else if (lines > 0)
                {
                    months[key].DeductionsRaw += raw;
                    months[key].WithStipends |= withStipends;
                    months[key].Present = true;
                }
            }
        }

        // ---- Staff lines.
        var staffLines = new List<ReferenceStaff>(staffIds.Length);
        long deductionsTotal = 0;
        for (var s = 0; s < staffIds.Length; s++)
        {
            var monthLines = new List<ReferenceStaffMonth>();
            long gross = 0, monthDeductions = 0, baseTotal = 0, lessonPay = 0, stipends = 0;
            var lessonCount = 0;
            for (var m = 0; m < monthCount; m++)
            {
                var w = months[s * monthCount + m];
                if (!w.Present)
                {
                    continue;
                }

                var b = w.LessonPay + (planWithStipends || w.WithStipends ? w.Stipends : 0);
                var total = Math.Min(w.DeductionsRaw, b);
                var g = w.LessonPay + w.Stipends;
                var ym = firstMonth + m;
                monthLines.Add(new ReferenceStaffMonth(new Month(ym / 12, ym % 12 + 1), w.Lessons, Money.FromFen(w.LessonPay), Money.FromFen(w.Stipends),
                    Money.FromFen(b), Money.FromFen(w.DeductionsRaw), Money.FromFen(total), Money.FromFen(g), Money.FromFen(g - total)));
                gross += g;
                monthDeductions += total;
                baseTotal += planWithStipends || termWithStipends[s] ? w.LessonPay + w.Stipends : b;
                lessonPay += w.LessonPay;
                stipends += w.Stipends;
                lessonCount += w.Lessons;
            }

            var termTotal = Math.Min(termRaw[s], baseTotal - monthDeductions);
            gross += external[s] + awards[s];
            var deductions = monthDeductions + termTotal;
            deductionsTotal += deductions;
            staffLines.Add(new ReferenceStaff(staffIds[s], monthLines, lessonCount, Money.FromFen(lessonPay), Money.FromFen(stipends), Money.FromFen(external[s]),
                Money.FromFen(awards[s]), Money.FromFen(termTotal), Money.FromFen(gross), Money.FromFen(deductions), Money.FromFen(gross - deductions)));
        }

        // ---- Ledger and surplus.
        long feesTotal = 0, absenceTotal = 0, withdrawalTotal = 0, paidTotal = 0;
        foreach (var f in fam)
        {
            feesTotal += f.Payable;
            absenceTotal += f.AbsenceRefunds;
            withdrawalTotal += f.Withdrawal;
            paidTotal += f.Paid;
        }

        var income = feesTotal + subsidyTotal;
        var refunds = absenceTotal + withdrawalTotal;
        var expenditure = lessonTotal + stipendTotal + externalTotal + awardTotal - deductionsTotal + expenseTotal;
        var balance = income - refunds - expenditure;
        var surplus = new long[fam.Length];
        long surplusTotal = 0;
        long subsidyPart = 0, subsidyReturned = 0;
        var sp = policy.Refunds.Surplus;
        if (balance > 0)
        {
            // 001 篇四: the balance is split into the families' part and the subsidies' part.
            var familiesMoney = feesTotal - refunds;
            long feePart = sp.Split == SurplusSplit.SubsidyFirst
                ? Math.Min(balance, familiesMoney)
                : familiesMoney + subsidyTotal > 0 ? RoundDiv(checked(balance * familiesMoney), familiesMoney + subsidyTotal) : balance;
            subsidyPart = balance - feePart;
            subsidyReturned = sp.SubsidyPart == SubsidyPart.ReturnToFunder ? subsidyPart : 0;
            var toShare = sp.SubsidyPart == SubsidyPart.RefundToFamilies ? balance : feePart;
            if (sp.SubsidyPart == SubsidyPart.RefundToFamilies)
            {
                subsidyPart = 0;
            }

            if (sp.Mode == SurplusMode.Refund && toShare > 0)
            {
                // Weights of the paying families (Payable − refunds > 0) by share, largest remainder, ties by student id.
                var weights = new long[fam.Length];
                long weightSum = 0;
                for (var i = 0; i < fam.Length; i++)
                {
                    var f = fam[i];
                    if (f.Payable - f.AbsenceRefunds - f.Withdrawal <= 0)
                    {
                        continue;
                    }

                    weights[i] = sp.Share switch
                    {
                        SurplusShare.PerStudent => 1,
                        SurplusShare.DaysServed => f.Served - f.SpellDays,
                        _ => f.Payable - f.AbsenceRefunds - f.Withdrawal,
                    };
                    weightSum += weights[i];
                }

                // No family gets back more than it pays (Payable − refunds), except under refund-to-families (the former
                // reading): a share above it is cut to it and what is left is shared again over the others.
                var cap = sp.SubsidyPart != SubsidyPart.RefundToFamilies;
                var open = new List<int>();
                for (var i = 0; i < fam.Length; i++)
                {
                    if (weights[i] > 0)
                    {
                        open.Add(i);
                    }
                }

                var left = toShare;
                while (open.Count > 0 && left > 0)
                {
                    long sum = 0;
                    foreach (var i in open)
                    {
                        sum += weights[i];
                    }

                    var share = new long[fam.Length];
                    var remainders = new List<(long Remainder, int Index)>();
                    long given = 0;
                    foreach (var i in open)
                    {
                        var product = (Int128)left * weights[i];
                        share[i] = (long)(product / sum);
                        remainders.Add(((long)(product % sum), i));
                        given += share[i];
                    }

                    remainders.Sort((a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
                    for (var k = 0; k < left - given; k++)
                    {
                        share[remainders[k].Index]++;
                    }

                    var over = cap ? open.Where(i => share[i] > fam[i].Payable - fam[i].AbsenceRefunds - fam[i].Withdrawal).ToList() : [];
                    if (over.Count == 0)
                    {
                        foreach (var i in open)
                        {
                            surplus[i] = share[i];
                            surplusTotal += share[i];
                        }

                        break;
                    }

                    foreach (var i in over)
                    {
                        surplus[i] = fam[i].Payable - fam[i].AbsenceRefunds - fam[i].Withdrawal;
                        surplusTotal += surplus[i];
                        left -= surplus[i];
                        open.Remove(i);
                    }
                }
            }
        }

        var remaining = balance - surplusTotal - subsidyReturned;
        var carried = policy.Refunds.Surplus.Mode == SurplusMode.CarryForward && remaining > 0 ? remaining : 0;
        var cash = paidTotal + facts.Subsidies.Sum(s => s.Amount.Fen);

        var families = new List<ReferenceFamily>(fam.Length);
        for (var i = 0; i < fam.Length; i++)
        {
            var f = fam[i];
            var refunded = f.AbsenceRefunds + f.Withdrawal + surplus[i];
            var net = f.Payable - refunded;
            families.Add(new ReferenceFamily(f.StudentId, f.Full, f.Days, Money.FromFen(f.Charged), Money.FromFen(f.CapReduction), Money.FromFen(f.Subsidy),
                Money.FromFen(f.Waived), Money.FromFen(f.Payable), Money.FromFen(f.AbsenceRefunds), f.Runs, Money.FromFen(f.Withdrawal), Money.FromFen(surplus[i]),
                Money.FromFen(refunded), Money.FromFen(net), Money.FromFen(f.Paid), Money.FromFen(net - f.Paid)));
        }

        var ledger = new ReferenceLedger(
            Money.FromFen(feesTotal), Money.FromFen(subsidyTotal), Money.FromFen(absenceTotal), Money.FromFen(withdrawalTotal),
            Money.FromFen(lessonTotal), Money.FromFen(stipendTotal), Money.FromFen(externalTotal), Money.FromFen(awardTotal), Money.FromFen(-deductionsTotal),
            expensesByCategory.ToDictionary(kv => kv.Key, kv => Money.FromFen(kv.Value), StringComparer.Ordinal),
            Money.FromFen(income), Money.FromFen(refunds), Money.FromFen(expenditure), Money.FromFen(balance), Money.FromFen(surplusTotal),
            Money.FromFen(carried), Money.FromFen(remaining), Money.FromFen(cash), Money.FromFen(pool), Money.FromFen(subsidyPart), Money.FromFen(subsidyReturned));
        return new ReferenceResult(families, staffLines, ledger);
    }

    /// <summary>Every place where the engine's settlement and the reference differ, as readable lines (empty: they agree to the fen).</summary>
    public static List<string> Differences(SettlementResult engine, ReferenceResult reference, int max = 50)
    {
        var diffs = new List<string>();
        void Check<T>(string where, string what, T actual, T expected)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, expected) && diffs.Count < max)
            {
                diffs.Add($"{where} {what}: engine {actual}, reference {expected}");
            }
        }

        Check("families", "count", engine.Families.Count, reference.Families.Count);
        var refFamilies = reference.Families.ToDictionary(f => f.StudentId, StringComparer.Ordinal);
        foreach (var f in engine.Families)
        {
            if (!refFamilies.TryGetValue(f.StudentId, out var r))
            {
                diffs.Add($"family {f.StudentId}: not in the reference");
                continue;
            }

            var w = "family " + f.StudentId;
            Check(w, "ServiceDays (D)", f.ServiceDays, r.ServiceDays);
            Check(w, "Charged", f.Charged, r.Charged);
            Check(w, "CapReduction", f.CapReduction, r.CapReduction);
            Check(w, "Subsidy", f.Subsidy, r.Subsidy);
            Check(w, "Waived", f.Waived, r.Waived);
            Check(w, "Payable", f.Payable, r.Payable);
            Check(w, "absence refunds", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Absence).Select(x => x.Amount)), r.AbsenceRefunds);
            Check(w, "absence runs", f.Refunds.Count(x => x.Kind == RefundKind.Absence), r.AbsenceRuns);
            Check(w, "withdrawal refund", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Withdrawal).Select(x => x.Amount)), r.WithdrawalRefund);
            Check(w, "surplus refund", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Surplus).Select(x => x.Amount)), r.SurplusRefund);
            Check(w, "Refunded", f.Refunded, r.Refunded);
            Check(w, "Net", f.Net, r.Net);
            Check(w, "Paid", f.Paid, r.Paid);
            Check(w, "Balance", f.Balance, r.Balance);
        }

        Check("staff", "count", engine.Staff.Count, reference.Staff.Count);
        var refStaff = reference.Staff.ToDictionary(s => s.StaffId, StringComparer.Ordinal);
        foreach (var s in engine.Staff)
        {
            if (!refStaff.TryGetValue(s.StaffId, out var r))
            {
                diffs.Add($"staff {s.StaffId}: not in the reference");
                continue;
            }

            var w = "staff " + s.StaffId;
            Check(w, "months", string.Join(",", s.Months.Select(m => m.Month)), string.Join(",", r.Months.Select(m => m.Month)));
            foreach (var m in s.Months)
            {
                var rm = r.Months.FirstOrDefault(x => x.Month == m.Month);
                if (rm is null)
                {
                    continue;
                }

                var wm = $"{w} {m.Month}";
                Check(wm, "Lessons", m.Lessons, rm.Lessons);
                Check(wm, "LessonPay", m.LessonPay, rm.LessonPay);
                Check(wm, "StipendTotal", m.StipendTotal, rm.Stipends);
                Check(wm, "DeductionBase", m.DeductionBase, rm.DeductionBase);
                Check(wm, "DeductionTotal", m.DeductionTotal, rm.DeductionTotal);
                Check(wm, "Gross", m.Gross, rm.Gross);
                Check(wm, "Net", m.Net, rm.Net);
            }

            Check(w, "Lessons", s.Lessons, r.Lessons);
            Check(w, "LessonPay", s.LessonPay, r.LessonPay);
            Check(w, "Stipends", s.Stipends, r.Stipends);
            Check(w, "ExternalPay", s.ExternalPay, r.ExternalPay);
            Check(w, "Awards", s.Awards, r.Awards);
            Check(w, "Gross", s.Gross, r.Gross);
            Check(w, "Deductions", s.Deductions, r.Deductions);
            Check(w, "Net", s.Net, r.Net);
        }

        var l = engine.Ledger;
        var rl = reference.Ledger;
        Money Line(IReadOnlyList<LedgerLine> lines, string category) => Money.Sum(lines.Where(x => x.Category == category).Select(x => x.Amount));
        Check("ledger", "income fees", Line(l.Income, "fees"), rl.Fees);
        Check("ledger", "income subsidies", Line(l.Income, "subsidies"), rl.Subsidies);
        Check("ledger", "refunds absence", Line(l.Refunds, "absence"), rl.AbsenceRefunds);
        Check("ledger", "refunds withdrawal", Line(l.Refunds, "withdrawal"), rl.WithdrawalRefunds);
        Check("ledger", "lesson-pay", Line(l.Expenditure, "lesson-pay"), rl.LessonPay);
        Check("ledger", "stipends", Line(l.Expenditure, "stipends"), rl.Stipends);
        Check("ledger", "external-staff", Line(l.Expenditure, "external-staff"), rl.ExternalStaff);
        Check("ledger", "awards", Line(l.Expenditure, "awards"), rl.Awards);
        Check("ledger", "deductions", Line(l.Expenditure, "deductions"), rl.Deductions);
        foreach (var (category, amount) in rl.Expenses)
        {
            Check("ledger", "expense " + category, Line(l.Expenditure, category), amount);
        }

        Check("ledger", "TotalIncome", l.TotalIncome, rl.TotalIncome);
        Check("ledger", "TotalRefunds", l.TotalRefunds, rl.TotalRefunds);
        Check("ledger", "TotalExpenditure", l.TotalExpenditure, rl.TotalExpenditure);
        Check("ledger", "BalanceBeforeSurplus", l.BalanceBeforeSurplus, rl.BalanceBeforeSurplus);
        Check("ledger", "SurplusRefunded", l.SurplusRefunded, rl.SurplusRefunded);
        Check("ledger", "SubsidyPart", l.SubsidyPart, rl.SubsidyPart);
        Check("ledger", "SubsidyReturned", l.SubsidyReturned, rl.SubsidyReturned);
        Check("ledger", "CarriedForward", l.CarriedForward, rl.CarriedForward);
        Check("ledger", "Balance", l.Balance, rl.Balance);
        Check("ledger", "CashReceived", l.CashReceived, rl.CashReceived);
        return diffs;
    }

    // ---- Arithmetic in fen.

    private static long Fen(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException(yuan.ToString(CultureInfo.InvariantCulture) + " yuan is not a whole number of fen");
        }

        return (long)fen;
    }

    /// <summary>round(amount × dpw/5 × D/F) in fen, each factor only when the plan asks for it and it is not 1.</summary>
    private static long ProRata(long amount, int dpw, int days, int full, bool byDays, bool byJoin)
    {
        if (full == 0)
        {
            return 0; // no service day in the whole term: nothing to charge
        }

        long num = amount, den = 1;
        if (byDays)
        {
            num *= dpw;
            den *= 5;
        }

        if (byJoin)
        {
            num *= days;
            den *= full;
        }

        return RoundDiv(num, den);
    }

    /// <summary>num / den rounded half away from zero (den &gt; 0).</summary>
    private static long RoundDiv(long num, long den)
    {
        if (den <= 0)
        {
            throw new DivideByZeroException();
        }

        var q = Math.DivRem(Math.Abs(num), den, out var r);
        if (2 * r >= den)
        {
            q++;
        }

        return num < 0 ? -q : q;
    }

    private static long RoundFen(decimal fen) => (long)decimal.Round(fen, 0, MidpointRounding.AwayFromZero);

    private static int LowerBound(DateOnly[] sorted, DateOnly value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The k-th smallest string (0-based) in ordinal order, by quickselect (the array is reordered).</summary>
    /// <summary>Largest remainder in whole fen: floor of total × w ÷ Σw, the fen left over to the largest remainders, ties by key (ordinal).</summary>
    private static long[] SplitByKey(long total, long[] weights, string[] keys)
    {
        var order = Enumerable.Range(0, weights.Length).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        return Split(total, weights, order);
    }

    /// <summary>As <see cref="SplitByKey"/>, ties going to the earlier part.</summary>
    private static long[] SplitInOrder(long total, long[] weights) => Split(total, weights, Enumerable.Range(0, weights.Length).ToArray());

    private static long[] Split(long total, long[] weights, int[] tieOrder)
    {
        var sum = weights.Sum();
        var parts = new long[weights.Length];
        var rank = new int[weights.Length];
        for (var r = 0; r < tieOrder.Length; r++)
        {
            rank[tieOrder[r]] = r;
        }

        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = total * weights[i] / sum;
            given += parts[i];
        }

        var byRemainder = Enumerable.Range(0, weights.Length).OrderByDescending(i => total * weights[i] % sum).ThenBy(i => rank[i]).ToArray();
        for (var k = 0; k < total - given; k++)
        {
            parts[byRemainder[k]]++;
        }

        return parts;
    }

    private readonly record struct FamilyWork(string StudentId, int Full, int Days, int Served, int SpellDays, long Charged, long CapReduction, long Subsidy, long Waived, long Payable, long AbsenceRefunds, int Runs, long Withdrawal, long Paid);

    /// <summary>
    /// 连续一周以上 (docs/settlement-arithmetic.md): min_service_days counts days only; min_weeks N asks for N × the
    /// student's days a week, or every scheduled day of N calendar weeks (Monday–Sunday) that have scheduled days.
    /// </summary>
    private static bool IsAWeekOrMore(AbsenceRefundPolicy absence, DateOnly[] scheduled, int first, int count, int dpw)
    {
        if (absence.MinServiceDays is { } minDays)
        {
            return count >= minDays;
        }

        if (count >= absence.MinWeeks * dpw)
        {
            return true;
        }

        var run = new HashSet<DateOnly>(scheduled.AsSpan(first, count).ToArray());
        var weeks = run.Select(d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))).Distinct();
        var whole = weeks.Count(monday => scheduled.Where(d => d >= monday && d < monday.AddDays(7)).All(run.Contains));
        return whole >= absence.MinWeeks;
    }

    private struct MonthWork
    {
        public bool Present;
        public int Lessons;
        public long LessonPay;
        public long Stipends;
        public long DeductionsRaw;
        public bool WithStipends;
    }
}
