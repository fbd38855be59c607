using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Ledger;

/// <summary>
/// 002 §1 一(二)(三): 每学期末学校要主动向家长公示课后服务费的收支情况; 专款专用. Income by source,
/// refunds by kind, spending by category, and the balance.
/// </summary>
[Rule("ledger.fund", Priority = 30)]
[Title("课后服务经费收支", "Fund income and expenditure")]
[Clause("002 §1 一(二)")]
public sealed class FundLedgerRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<LedgerEntry>().Produces<FundBalance>();
        rule.Reads<FeePayable>().Reads<FeeRefund>().Reads<SubsidyShare>().Reads<FundSubsidy>().Reads<LessonPay>().Reads<Stipend>()
            .Reads<AdminDutyPay>().Reads<ExternalPay>().Reads<AwardPay>().Reads<StaffAccount>().Reads<Expense>().Reads<FamilyPayment>().Reads<SubsidyReceipt>();
        rule.Match<TermInfo>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, term) =>
        {
            var ids = new List<string>();
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            Money Line<T>(LedgerSection section, string category, string zh, string en, IReadOnlyList<T> items, Func<T, Money> amountOf, bool negate = false)
                where T : class, IFact
            {
                var total = Money.Zero;
                foreach (var f in items.AsSpan())
                {
                    total += amountOf(f);
                }

                if (negate)
                {
                    total = -total;
                }

                var count = items.Count;
                var entry = new LedgerEntry(ids.Count, section, category, new Bilingual(zh, en), total);
                ctx.Insert(entry, category, items, () => new Bilingual(
                    $"{zh}：{N(count)} 笔合计 {Y(total)}", $"{en}: {N(count)} items, total {Y(total)}"));
                ids.Add(entry.Id);
                return total;
            }

            IFact[] subsidies = [.. ctx.All<SubsidyShare>(), .. ctx.All<FundSubsidy>()];
            var income = Line(LedgerSection.Income, "fees", "课后服务费", "Service fees", ctx.All<FeePayable>(), static p => p.Payable)
                + Line(LedgerSection.Income, "subsidies", "财政补贴", "Fiscal subsidies", subsidies, static s => s is SubsidyShare share ? share.Amount : ((FundSubsidy)s).Amount);
            var refunds = Line(LedgerSection.Refund, "absence", "缺勤退费", "Absence refunds", Refunds(ctx, FeeRefundKind.Absence), static r => r.Amount)
                + Line(LedgerSection.Refund, "withdrawal", "退出退费", "Withdrawal refunds", Refunds(ctx, FeeRefundKind.Withdrawal), static r => r.Amount);
            var spending = Line(LedgerSection.Expenditure, "lesson-pay", "课时费", "Lesson pay", ctx.All<LessonPay>(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (p) => p.Amount)
                + Line(LedgerSection.Expenditure, "stipends", "管理服务补助", "Duty stipends", ctx.All<Stipend>(), static p => p.Amount)
                + Line(LedgerSection.Expenditure, "admin-duty", "行政值班补助", "Admin duty", ctx.All<AdminDutyPay>(), static p => p.Amount)
                + Line(LedgerSection.Expenditure, "external-staff", "外聘人员劳务", "External staff", ctx.All<ExternalPay>(), static p => p.Amount)
                + Line(LedgerSection.Expenditure, "awards", "评优奖励", "Awards", ctx.All<AwardPay>(), static p => p.Amount)
                + Line(LedgerSection.Expenditure, "deductions", "考核扣除", "Review deductions", ctx.All<StaffAccount>().Where(a => !a.Deductions.IsZero).ToArray(), static a => a.Deductions, negate: true);
            var expenses = ctx.All<Expense>();
            foreach (var category in Expense.Categories)
            {
                var items = expenses.Where(e => e.Category == category).ToArray();
                if (items.Length > 0)
                {
                    var (zh, en) = ExpenseNames.Of(category);
                    spending += Line(LedgerSection.Expenditure, category, zh, en, items, static e => e.Amount);
                }
            }

            var balance = income - refunds - spending;
            var cash = Money.Sum(ctx.All<FamilyPayment>().Select(p => p.Amount)) + Money.Sum(ctx.All<SubsidyReceipt>().Select(s => s.Amount));
            ctx.Insert(new FundBalance(income, refunds, spending, balance, cash), "term", ids, () => new Bilingual(
                $"收入 {Y(income)} − 退费 {Y(refunds)} − 支出 {Y(spending)} = 结余 {Y(balance)}",
                $"income {Y(income)} − refunds {Y(refunds)} − spending {Y(spending)} = balance {Y(balance)}"));
        });
    }

    private static FeeRefund[] Refunds(IRuleContext ctx, FeeRefundKind kind) =>
        ctx.All<FeeRefund>().Where(r => r.Kind == kind).ToArray();
}
