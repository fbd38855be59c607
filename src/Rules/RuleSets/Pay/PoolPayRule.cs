using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
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
[Name("pay.pool")]
[Priority(Stage.LessonPay)]
[Title("课后服务辅导补助（总额分配）", "Lesson pay from the pool")]
[Clause("002 §1 二(三)2")]
public sealed class PoolPayRule(PayPolicy pay, AwardPolicy awards) : SettlementRule
{
    public override void Define()
    {
        // The whole term: its lessons (at least one), the families' accounts and payments, the subsidies, what is
        // paid before the pool (stipends, external agreements, expenses) and the staff.
        IEnumerable<StaffLessons> lessons = null!;
        IEnumerable<FamilyAccount> accounts = null!;
        IEnumerable<FamilyPayment> payments = null!;
        IEnumerable<SubsidyShare> subsidyShares = null!;
        IEnumerable<FundSubsidy> fundSubsidies = null!;
        IEnumerable<Stipend> stipends = null!;
        IEnumerable<ExternalPay> external = null!;
        IEnumerable<Expense> expenses = null!;
        IEnumerable<StaffMember> staff = null!;
        When()
            .Query(() => lessons, q => q.Match<StaffLessons>().Collect().Where(c => c.Any()))
            .Query(() => accounts, q => q.Match<FamilyAccount>().Collect())
            .Query(() => payments, q => q.Match<FamilyPayment>().Collect())
            .Query(() => subsidyShares, q => q.Match<SubsidyShare>().Collect())
            .Query(() => fundSubsidies, q => q.Match<FundSubsidy>().Collect())
            .Query(() => stipends, q => q.Match<Stipend>().Collect())
            .Query(() => external, q => q.Match<ExternalPay>().Collect())
            .Query(() => expenses, q => q.Match<Expense>().Collect())
            .Query(() => staff, q => q.Match<StaffMember>().Collect());
        Then().Do(ctx => Share(Context(ctx), new Term(
            lessons.Of<LessonDelivered>(), accounts.InIdOrder(), payments.InIdOrder(), subsidyShares.InIdOrder(), fundSubsidies.InIdOrder(),
            stipends.InIdOrder(), external.InIdOrder(), expenses.InIdOrder(), staff.InIdOrder())));
    }

    /// <summary>What the pool is worked out from, each kind in id order.</summary>
    private sealed record Term(
        List<LessonDelivered> Lessons, List<FamilyAccount> Accounts, List<FamilyPayment> Payments, List<SubsidyShare> SubsidyShares,
        List<FundSubsidy> FundSubsidies, List<Stipend> Stipends, List<ExternalPay> External, List<Expense> Expenses, List<StaffMember> Staff);

    private void Share(RuleContext ctx, Term term)
    {
        var collected = pay.PoolFees == PoolFees.Collected;
        var fees = Money.Sum(term.Accounts.Select(a => collected ? -a.Refunded : a.NetBeforeSurplus))
            + (collected ? Money.Sum(term.Payments.Select(p => p.Amount)) : Money.Zero);
        var subsidies = pay.PoolIncludesSubsidies
            ? Money.Sum(term.SubsidyShares.Select(s => s.Amount)) + Money.Sum(term.FundSubsidies.Select(s => s.Amount))
            : Money.Zero;
        var stipends = Money.Sum(term.Stipends.Select(s => s.Amount));
        var external = Money.Sum(term.External.Select(s => s.Amount));
        var categories = pay.PoolDeductsExpenses.ToHashSet(StringComparer.Ordinal);
        var deducted = term.Expenses.Where(e => categories.Contains(e.Category)).ToList();
        var expenses = Money.Sum(deducted.Select(e => e.Amount));
        var reserve = pay.PoolDeductsAwardReserve && awards.Reserve is { } r ? Money.Round(r) : Money.Zero;
        IFact[] sources =
        [
            .. term.Accounts,
            .. collected ? term.Payments : [],
            .. pay.PoolIncludesSubsidies ? [.. term.SubsidyShares, .. term.FundSubsidies] : Array.Empty<IFact>(),
            .. term.Stipends,
            .. term.External,
            .. deducted,
        ];
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
            ? term.Staff.Where(s => s.External).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal)
            : [];
        var byStaff = term.Lessons
            .Where(l => !externalIds.Contains(l.StaffId))
            .GroupBy(l => l.StaffId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var staffIds = byStaff.Select(g => g.Key).ToArray();
        var total = byStaff.Sum(g => g.Count());
        var shares = PoolShares.PerTeacher(pool, byStaff.Select(g => g.Count()).ToArray(), staffIds);
        var perLesson = total == 0 ? 0m : pool.Yuan / total;
        var lines = new List<MonthLine>();
        for (var i = 0; i < staffIds.Length; i++)
        {
            lines.AddRange(Months(staffIds[i], [.. byStaff[i]], shares[i]));
        }

        var paidTotal = Money.Sum(lines.Select(l => l.Paid));
        var poolFact = new PayPool(fees, subsidies, stipends, external, expenses, reserve, pool, total, paidTotal);
        ctx.Insert(poolFact, "term", sources, () => new Bilingual(
            $"分配总额 = 收费（{feesZh}）{formula} = {Y(pool)}；÷ 全校总课时 {N(total)} = 每节 {N(decimal.Round(perLesson, 4))} 元，按教师课时数分配",
            $"pool = fees ({feesEn}) {formula} = {Y(pool)}; ÷ the school's {N(total)} lessons = {N(decimal.Round(perLesson, 4))} yuan per lesson, shared by each teacher's lessons"));
        foreach (var line in lines)
        {
            Insert(ctx, line, pool, total, poolFact);
        }
    }

    /// <summary>A teacher's share spread over their months by each month's lessons, then each month's over its lessons.</summary>
    private List<MonthLine> Months(string staff, List<LessonDelivered> own, Money share)
    {
        own.Sort(PayBounds.ByDateSlotId);
        var months = own.GroupBy(l => Month.Of(l.Date)).ToList();
        var monthShares = PoolShares.PerMonth(share, months.Select(m => m.Count()).ToArray(), months.Select(m => m.Key.ToString()).ToArray());
        var lines = new List<MonthLine>(months.Count);
        for (var k = 0; k < months.Count; k++)
        {
            List<LessonDelivered> monthLessons = [.. months[k]];
            var computed = monthShares[k];
            var minutes = monthLessons.Sum(l => l.Minutes);
            var (paid, by) = PayBounds.Clamp(pay, monthLessons.Count, minutes, computed);
            var amounts = by is null
                ? PoolShares.PerLesson(computed, monthLessons.Count)
                : PayBounds.Spread(paid, by, monthLessons);
            lines.Add(new MonthLine(staff, own.Count, share, months[k].Key, monthLessons, minutes, computed, paid, by, amounts));
        }

        return lines;
    }

    private void Insert(RuleContext ctx, MonthLine line, Money pool, int total, PayPool poolFact)
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

    private sealed record MonthLine(
        string Staff, int StaffLessons, Money Share, Month Month, List<LessonDelivered> Lessons, int Minutes, Money Computed, Money Paid, RateBound? By, Money[] Amounts);
}
