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
/// ÷全校本学期总课时数×教师本学期实际上课节数. The pool is shared over every lesson of the term by
/// largest remainder, so the lesson lines add up to the pool to the fen.
/// </summary>
[Rule("pay.pool", Priority = 90)]
[Title("课后服务辅导补助（总额分配）", "Lesson pay from the pool")]
[Clause("002 §1 二(三)2")]
public sealed class PoolPayRule(PayPolicy pay, AwardPolicy awards) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<LessonPay>().Produces<PayPool>().Produces<PayRate>().Produces<FindingFact>();
        rule.Reads<FamilyAccount>().Reads<SubsidyShare>().Reads<FundSubsidy>().Reads<Stipend>().Reads<ExternalPay>().Reads<Expense>();
        rule.Aggregate<LessonDelivered>().ThenAll([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, lessons) =>
        {
            var fees = Money.Zero;
            foreach (var a in ctx.All<FamilyAccount>().AsSpan())
            {
                fees += a.NetBeforeSurplus;
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
            var reserve = awards.Reserve is { } r ? Money.Round(r) : Money.Zero;
            var sources = ctx.All<FamilyAccount>().Select(a => a.Id)
                .Concat(pay.PoolIncludesSubsidies ? ctx.All<SubsidyShare>().Select(s => s.Id).Concat(ctx.All<FundSubsidy>().Select(s => s.Id)) : [])
                .Concat(ctx.All<Stipend>().Select(s => s.Id))
                .Concat(ctx.All<ExternalPay>().Select(s => s.Id))
                .Concat(ctx.All<Expense>().Where(e => categories.Contains(e.Category)).Select(e => e.Id))
                .ToArray();
            const string poolId = "pay.pool:term";
            var pool = fees + subsidies - stipends - external - expenses - reserve;
            var formula = $"{Y(fees)}" + (pay.PoolIncludesSubsidies ? $" + {Y(subsidies)}" : "") + $" − {Y(stipends)} − {Y(external)} − {Y(expenses)}" + (reserve.IsZero ? "" : $" − {Y(reserve)}");
            if (pool.IsNegative)
            {
                var negative = new Bilingual($"分配总额为负：{formula} = {Y(pool)}，课时费按 0 计", $"the pool is negative: {formula} = {Y(pool)}; lessons are paid 0");
                ctx.Insert(new FindingFact("pool-negative", Severity.Error, "pay", negative), "pool-negative", sources, negative);
                pool = Money.Zero;
            }

            var units = (decimal)lessons.Count;
            var perLesson = units == 0 ? 0m : pool.Yuan / units;
            var clampedTo = ClampTarget(perLesson);
            var items = lessons.AsSpan();
            var amounts = Amounts(pool, items, clampedTo);
            var paid = Money.Zero;
            for (var i = 0; i < items.Length; i++)
            {
                paid += amounts.At(i);
            }

            var poolFact = new PayPool(fees, subsidies, stipends, external, expenses, reserve, pool, units, paid);
            ctx.Insert(poolFact, "term", sources, () => new Bilingual(
                $"分配总额 = 收费 {formula} = {Y(pool)}；÷ 总课时 {N(units)} = 每节 {N(decimal.Round(perLesson, 4))} 元" + (clampedTo is null ? "" : $"，按界限 {N(clampedTo.Value)} 元发放"),
                $"pool = fees {formula} = {Y(pool)}; ÷ {N(units)} lessons = {N(decimal.Round(perLesson, 4))} yuan per lesson" + (clampedTo is null ? "" : $", paid at the bound of {N(clampedTo.Value)}")));
            ctx.Insert(new PayRate(perLesson, "lesson", clampedTo is not null), "pool", [poolId], () => new Bilingual(
                $"每节 {Y(pool)} ÷ {N(units)} = {N(decimal.Round(perLesson, 4))} 元", $"per lesson {Y(pool)} ÷ {N(units)} = {N(decimal.Round(perLesson, 4))} yuan"));
            // Every lesson gets one of at most two amounts (the floor share, or one fen more): one sentence each, the usual
            // two found once. Lessons of a day mostly come together: the month of the lesson before is tried first.
            var sentences = new Dictionary<Money, Bilingual>();
            Bilingual SentenceOf(Money amount)
            {
                if (!sentences.TryGetValue(amount, out var sentence))
                {
                    sentence = new Bilingual(
                        $"分配总额 {Y(pool)} ÷ {N(units)} 节，本节 {Y(amount)}（最大余数法）", $"pool {Y(pool)} ÷ {N(units)} lessons: this lesson {Y(amount)} (largest remainder)");
                    sentences[amount] = sentence;
                }

                return sentence;
            }

            ctx.Expect<LessonPay>(items.Length);
            Bilingual? plusSentence = null;
            Bilingual? baseSentence = null;
            var day = DateOnly.MinValue;
            var month = Month.Of(day);
            for (var i = 0; i < items.Length; i++)
            {
                var l = items[i];
                Money amount;
                Bilingual sentence;
                if (amounts.Each is { } each)
                {
                    amount = each[i];
                    sentence = SentenceOf(amount);
                }
                else if (i < amounts.Extra)
                {
                    amount = amounts.Plus;
                    sentence = plusSentence ??= SentenceOf(amount);
                }
                else
                {
                    amount = amounts.Base;
                    sentence = baseSentence ??= SentenceOf(amount);
                }

                if (l.Date != day)
                {
                    day = l.Date;
                    month = Month.Of(day);
                }

                ctx.Insert(new LessonPay(l.StaffId, l.LessonId, l.Date, month, 1m, amount), l.LessonId, [l, poolFact], sentence);
            }
        });
    }

    /// <summary>
    /// Each lesson's share of the pool: the bound for every lesson when the rate is clamped, else the pool by largest
    /// remainder over equal weights. The lessons come in id order ("lesson:" + LessonId), which is then also the order of
    /// their lesson ids, so the fen left over go to the first lessons, as <see cref="Allocation.LargestRemainder"/> gives
    /// them (it is asked whenever the lesson ids are not in strictly increasing order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LessonAmounts Amounts(Money pool, ReadOnlySpan<LessonDelivered> lessons, decimal? clampedTo)
    {
        if (clampedTo is { } bound)
        {
            var each = Money.Round(bound);
            return new LessonAmounts(each, each, 0, null);
        }

        var n = lessons.Length;
        var ascending = n > 0;
        for (var i = 1; i < n && ascending; i++)
        {
            ascending = string.CompareOrdinal(lessons[i - 1].LessonId, lessons[i].LessonId) < 0;
        }

        if (!ascending || pool.IsNegative)
        {
            var weights = new decimal[n];
            Array.Fill(weights, 1m);
            var ids = new string[n];
            for (var i = 0; i < n; i++)
            {
                ids[i] = lessons[i].LessonId;
            }

            return new LessonAmounts(Money.Zero, Money.Zero, 0, Allocation.LargestRemainder(pool, weights, ids));
        }

        var totalFen = pool.Fen;
        var share = totalFen / n;
        var left = totalFen - (share * n);
        return new LessonAmounts(Money.FromFen(share + 1), Money.FromFen(share), left, null);
    }

    /// <summary>The first <see cref="Extra"/> lessons get <see cref="Plus"/>, the others <see cref="Base"/>; or, when given, each its own amount.</summary>
    private readonly record struct LessonAmounts(Money Plus, Money Base, long Extra, Money[]? Each)
    {
        public Money At(int i) => Each is not null ? Each[i] : i < Extra ? Plus : Base;
    }

    private decimal? ClampTarget(decimal perLesson)
    {
        if (pay.Ceiling is { Clamp: true } c && perLesson > c.Amount)
        {
            return c.Amount;
        }

        if (pay.Floor is { Clamp: true } f && perLesson < f.Amount)
        {
            return f.Amount;
        }

        return null;
    }
}
