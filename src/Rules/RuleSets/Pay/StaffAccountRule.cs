using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 以月为计算周期…学期汇总. A staff member's months (lesson pay, stipends, deductions capped
/// at the month's base, i.e. at most 100%) and the term (external pay, awards, term-scope deductions). The
/// base is <c>deductions.base</c>, widened to lesson pay and stipends for a month (or the term) when a
/// deduction there was taken of that under its rule's own <c>base</c>.
/// </summary>
[Rule("pay.staff-account", Priority = 40)]
[Title("教职工劳务报酬结算", "Staff account")]
[Clause("001 篇三 (一)1")]
public sealed class StaffAccountRule(DeductionBase baseKind) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<StaffAccount>();
        rule.Reads<LessonPay>().Reads<Stipend>().Reads<AdminDutyPay>().Reads<ExternalPay>().Reads<AwardPay>().Reads<Deduction>();
        rule.Match<StaffMember>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, s) =>
        {
            var lessons = ctx.Where(Keys.LessonPayByStaff, s.StaffId).AsSpan();
            var stipends = ctx.Where<Stipend>(static x => x.StaffId, s.StaffId).AsSpan();
            var admin = ctx.Where<AdminDutyPay>(static x => x.StaffId, s.StaffId).AsSpan();
            var deductions = ctx.Where<Deduction>(static x => x.StaffId, s.StaffId).AsSpan();
            var external = Money.Zero;
            foreach (var x in ctx.Where<ExternalPay>(static x => x.StaffId, s.StaffId).AsSpan())
            {
                external += x.Amount;
            }

            var awards = Money.Zero;
            foreach (var x in ctx.Where<AwardPay>(static x => x.StaffId, s.StaffId).AsSpan())
            {
                awards += x.Amount;
            }

            // One pass over each list, adding up by month (sums of whole fen do not depend on their order).
            var byMonth = new Dictionary<Month, MonthSums>();
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            MonthSums Of(Month m)
            {
                if (!byMonth.TryGetValue(m, out var sums))
                {
                    sums = new MonthSums();
                    byMonth[m] = sums;
                }

                return sums;
            }

            // A teacher's lessons come month by month: the month of the lesson before is tried first.
            MonthSums? current = null;
            var currentMonth = default(Month);
            foreach (var l in lessons)
            {
                if (current is null || l.Month != currentMonth)
                {
                    currentMonth = l.Month;
                    current = Of(currentMonth);
                }

                current.Lessons++;
                current.Units += l.Units;
                current.LessonPay += l.Amount;
            }

            foreach (var x in stipends)
            {
                Of(x.Month).Stipends += x.Amount;
            }

            foreach (var x in admin)
            {
                Of(x.Month).Admin += x.Amount;
            }

            var termRaw = Money.Zero;
            var termWithStipends = baseKind == DeductionBase.LessonPayAndStipends;
            foreach (var d in deductions)
            {
                var withStipends = d.Base == DeductionBase.LessonPayAndStipends;
                if (d.Month is { } m)
                {
                    var sums = Of(m);
                    sums.Raw += d.Amount;
                    sums.WithStipends |= withStipends;
                }
                else
                {
                    termRaw += d.Amount;
                    termWithStipends |= withStipends;
                }
            }

            var lines = new List<StaffAccountMonth>(byMonth.Count);
            foreach (var m in byMonth.Keys.Order())
            {
                var sums = byMonth[m];
                var lessonPay = sums.LessonPay;
                var monthStipends = sums.Stipends + sums.Admin;
                // The cap is the widest base a deduction of the month was taken of (a rule's own base: may widen it).
                var baseAmount = baseKind == DeductionBase.LessonPay && !sums.WithStipends ? lessonPay : lessonPay + monthStipends;
                var raw = sums.Raw;
                var total = Money.Min(raw, baseAmount);
                var gross = lessonPay + monthStipends;
                lines.Add(new StaffAccountMonth(m, sums.Lessons, sums.Units, lessonPay, monthStipends, baseAmount, raw, total, gross, gross - total));
            }

            var termBase = Money.Zero;
            var monthTotal = Money.Zero;
            var monthsGross = Money.Zero;
            foreach (var l in lines)
            {
                termBase += termWithStipends ? l.LessonPay + l.Stipends : l.Base;
                monthTotal += l.DeductionTotal;
                monthsGross += l.Gross;
            }

            var termTotal = Money.Min(termRaw, termBase - monthTotal);
            var grossTotal = monthsGross + external + awards;
            var allDeductions = monthTotal + termTotal;
            var net = grossTotal - allDeductions;
            var sources = new IFact[1 + lessons.Length + stipends.Length + admin.Length + deductions.Length];
            var at = 0;
            sources[at++] = s;
            foreach (var x in lessons)
            {
                sources[at++] = x;
            }

            foreach (var x in stipends)
            {
                sources[at++] = x;
            }

            foreach (var x in admin)
            {
                sources[at++] = x;
            }

            foreach (var x in deductions)
            {
                sources[at++] = x;
            }

            ctx.Insert(new StaffAccount(s.StaffId, lines, termTotal, external, awards, grossTotal, allDeductions, net), s.StaffId, sources, () =>
            {
                // Each language gets its own note on a capped month, so the Chinese sentence stays Chinese.
                string Months(Func<StaffAccountMonth, string> capped)
                {
                    var parts = lines.Select(l => $"{l.Month}: {Y(l.LessonPay)} + {Y(l.Stipends)} − {Y(l.DeductionTotal)}" + (l.DeductionsRaw > l.DeductionTotal ? capped(l) : "")).ToList();
                    return parts.Count == 0 ? "—" : string.Join("; ", parts);
                }

                return new Bilingual(
                    $"逐月（课时费 + 补助 − 扣除，扣除不超过当月基数）：{Months(l => $"（扣除原为 {Y(l.DeductionsRaw)}，以当月基数为限）")}；外聘 {Y(external)}，奖励 {Y(awards)}，学期扣除 {Y(termTotal)}；应发 {Y(grossTotal)} − 扣除 {Y(allDeductions)} = 实发 {Y(net)}",
                    $"by month (lesson pay + stipends − deductions, capped at the month's base): {Months(l => $" (capped from {Y(l.DeductionsRaw)})")}; external {Y(external)}, awards {Y(awards)}, term deductions {Y(termTotal)}; gross {Y(grossTotal)} − deductions {Y(allDeductions)} = net {Y(net)}");
            });
        });
    }

    private sealed class MonthSums
    {
        public int Lessons { get; set; }
        public decimal Units { get; set; }
        public Money LessonPay { get; set; }
        public Money Stipends { get; set; }
        public Money Admin { get; set; }
        public Money Raw { get; set; }
        public bool WithStipends { get; set; }
    }
}
