using System.Runtime.CompilerServices;
using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 002 §1 二(三)2: (课后服务费总额—管理服务补助费—校外人员劳务报酬支出—消耗品购置、场地维护支出)
/// ÷全校本学期总课时数×教师本学期实际上课节数. The pool is shared per teacher: pool × a teacher's lessons ÷ the
/// school's lessons, floored to the fen, the fen left over one each to the largest remainders (ties by staff id).
/// A teacher's share is spread over their months by largest remainder weighted by each month's lessons (ties by
/// month), and a month's over its lessons in (date, slot, lesson id) order, so renaming a lesson changes no one's pay.
/// External staff, paid their agreement (校外人员劳务报酬), have no lessons in the pool unless the plan says otherwise.
/// </summary>
[Rule("pay.pool", Priority = 90)]
[Title("课后服务辅导补助（总额分配）", "Lesson pay from the pool")]
[Clause("002 §1 二(三)2")]
public sealed class PoolPayRule(PayPolicy pay, AwardPolicy awards) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<LessonPay>().Produces<PayPool>().Produces<StaffMonthPay>().Produces<FindingFact>();
        rule.Reads<FamilyAccount>().Reads<FamilyPayment>().Reads<SubsidyShare>().Reads<FundSubsidy>().Reads<Stipend>().Reads<ExternalPay>().Reads<Expense>()
            .Reads<StaffMember>();
        rule.Aggregate<LessonDelivered>().ThenAll([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, lessons) =>
        {
            var collected = pay.PoolFees == PoolFees.Collected;
            var fees = Money.Zero;
            foreach (var a in ctx.All<FamilyAccount>().AsSpan())
            {
                fees += collected ? -a.Refunded : a.NetBeforeSurplus;
            }

            if (collected)
            {
                foreach (var p in ctx.All<FamilyPayment>().AsSpan())
                {
                    fees += p.Amount;
                }
            }

            var subsidies = Money.Zero;
            if (pay.PoolIncludesSubsidies)
            {
                foreach (var s in ctx.All<SubsidyShare>().AsSpan())
                {
                    subsidies += s.Amount;
                }

                foreach (var s in ctx.All<FundSubsidy>().AsSpan())
                {
                    subsidies += s.Amount;
                }
            }

            var stipends = Money.Zero;
            foreach (var s in ctx.All<Stipend>().AsSpan())
            {
                stipends += s.Amount;
            }

            var external = Money.Zero;
            foreach (var s in ctx.All<ExternalPay>().AsSpan())
            {
                external += s.Amount;
            }

            var categories = pay.PoolDeductsExpenses.ToHashSet(StringComparer.Ordinal);
            var expenses = Money.Sum(ctx.All<Expense>().Where(e => categories.Contains(e.Category)).Select(e => e.Amount));
            var reserve = pay.PoolDeductsAwardReserve && awards.Reserve is { } r ? Money.Round(r) : Money.Zero;
            var sources = ctx.All<FamilyAccount>().Select(a => a.Id)
                .Concat(collected ? ctx.All<FamilyPayment>().Select(p => p.Id) : [])
                .Concat(pay.PoolIncludesSubsidies ? ctx.All<SubsidyShare>().Select(s => s.Id).Concat(ctx.All<FundSubsidy>().Select(s => s.Id)) : [])
                .Concat(ctx.All<Stipend>().Select(s => s.Id))
                .Concat(ctx.All<ExternalPay>().Select(s => s.Id))
                .Concat(ctx.All<Expense>().Where(e => categories.Contains(e.Category)).Select(e => e.Id))
                .ToArray();
            var pool = fees + subsidies - stipends - external - expenses - reserve;
            var feesZh = collected ? "实收减退费" : "应收减退费";
            var feesEn = collected ? "collected less refunds" : "billed less refunds";
            var formula = $"{Y(fees)}" + (pay.PoolIncludesSubsidies ? $" + {Y(subsidies)}" : "") + $" − {Y(stipends)} − {Y(external)} − {Y(expenses)}" + (reserve.IsZero ? "" : $" − {Y(reserve)}");
            if (pool.IsNegative)
            {
                var negative = new Bilingual($"分配总额为负：{formula} = {Y(pool)}，课时费按 0 计", $"the pool is negative: {formula} = {Y(pool)}; lessons are paid 0");
                ctx.Insert(new FindingFact("pool-negative", Severity.Error, "pay", negative), "pool-negative", sources, negative);
                pool = Money.Zero;
            }

            // 全校本学期总课时数: the lessons the pool pays, by teacher in staff-id order.
            var externalIds = pay.ExternalLessons == ExternalLessons.AgreementOnly
                ? ctx.All<StaffMember>().Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal)
                : [];
            var byStaff = new SortedDictionary<string, List<LessonDelivered>>(StringComparer.Ordinal);
            foreach (var l in lessons.AsSpan())
            {
                if (externalIds.Contains(l.StaffId))
                {
                    continue;
                }

                if (!byStaff.TryGetValue(l.StaffId, out var own))
                {
                    own = [];
                    byStaff[l.StaffId] = own;
                }

                own.Add(l);
            }

            var staffIds = byStaff.Keys.ToArray();
            var counts = new decimal[staffIds.Length];
            var total = 0;
            for (var i = 0; i < staffIds.Length; i++)
            {
                counts[i] = byStaff[staffIds[i]].Count;
                total += byStaff[staffIds[i]].Count;
            }

            var shares = total == 0 ? new Money[staffIds.Length] : Allocation.LargestRemainder(pool, counts, staffIds);
            var perLesson = total == 0 ? 0m : pool.Yuan / total;
            var lines = new List<MonthLine>();
            var paidTotal = Money.Zero;
            for (var i = 0; i < staffIds.Length; i++)
            {
                var own = byStaff[staffIds[i]];
                own.Sort(PayBounds.ByDateSlotId);
                var months = new List<(Month Month, List<LessonDelivered> Lessons)>();
                foreach (var l in own)
                {
                    var m = Month.Of(l.Date);
                    if (months.Count == 0 || months[^1].Month != m)
                    {
                        months.Add((m, []));
                    }

                    months[^1].Lessons.Add(l);
                }

                var monthShares = Allocation.LargestRemainder(shares[i], months.Select(m => (decimal)m.Lessons.Count).ToArray(), months.Select(m => m.Month.ToString()).ToArray());
                for (var k = 0; k < months.Count; k++)
                {
                    var (month, monthLessons) = months[k];
                    var computed = monthShares[k];
                    var minutes = monthLessons.Sum(l => l.Minutes);
                    var (paid, by) = PayBounds.Clamp(pay, monthLessons.Count, minutes, computed);
                    var amounts = by is null
                        ? Allocation.LargestRemainderInOrder(computed, Enumerable.Repeat(1m, monthLessons.Count).ToArray())
                        : PayBounds.Spread(paid, by, monthLessons);
                    paidTotal += paid;
                    lines.Add(new MonthLine(staffIds[i], own.Count, shares[i], month, monthLessons, minutes, computed, paid, by, amounts));
                }
            }

            var poolFact = new PayPool(fees, subsidies, stipends, external, expenses, reserve, pool, total, paidTotal);
            ctx.Insert(poolFact, "term", sources, () => new Bilingual(
                $"分配总额 = 收费（{feesZh}）{formula} = {Y(pool)}；÷ 全校总课时 {N(total)} = 每节 {N(decimal.Round(perLesson, 4))} 元，按教师课时数分配",
                $"pool = fees ({feesEn}) {formula} = {Y(pool)}; ÷ the school's {N(total)} lessons = {N(decimal.Round(perLesson, 4))} yuan per lesson, shared by each teacher's lessons"));
            ctx.Expect<LessonPay>(lessons.Count);
            foreach (var line in lines)
            {
                var (staff, staffLessons, share, month, monthLessons, minutes, computed, paid, by, amounts) = line;
                var monthCount = monthLessons.Count;
                ctx.Insert(new StaffMonthPay(staff, month, monthCount, minutes, computed, paid), staff + ":" + month, monthLessons, () => new Bilingual(
                    $"{staff} {month}：本学期应得 {Y(share)}，按本月课时 {N(monthCount)}/{N(staffLessons)} 分得 {Y(computed)}（最大余数法）" + (by is null ? "" : $"，按界限 {N(by.Amount)} 元/{PayBounds.UnitZh(by.Unit, pay.LessonHourMinutes)} 发放 {Y(paid)}"),
                    $"{staff} {month}: the term share {Y(share)} by the month's lessons {N(monthCount)}/{N(staffLessons)} gives {Y(computed)} (largest remainder)" + (by is null ? "" : $"; paid at the bound of {N(by.Amount)} per {PayBounds.UnitEn(by.Unit, pay.LessonHourMinutes)}: {Y(paid)}")));
                for (var j = 0; j < monthCount; j++)
                {
                    var l = monthLessons[j];
                    var amount = amounts[j];
                    ctx.Insert(new LessonPay(l.StaffId, l.LessonId, l.Date, month, 1m, amount), l.LessonId, [l, poolFact], () => new Bilingual(
                        $"分配总额 {Y(pool)} × {staff} 的 {N(staffLessons)} 节 ÷ 全校 {N(total)} 节 = {Y(share)}（最大余数法）；{month} {Y(paid)}，按日期、节次分到本节 {Y(amount)}",
                        $"pool {Y(pool)} × {staff}'s {N(staffLessons)} lessons ÷ the school's {N(total)} = {Y(share)} (largest remainder); {month}: {Y(paid)}, by date and slot this lesson {Y(amount)}"));
                }
            }
        });
    }

    private sealed record MonthLine(
        string Staff, int StaffLessons, Money Share, Month Month, List<LessonDelivered> Lessons, int Minutes, Money Computed, Money Paid, RateBound? By, Money[] Amounts);
}
