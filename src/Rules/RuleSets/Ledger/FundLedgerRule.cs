using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Ledger;

/// <summary>
/// 002 §1 一(二)(三): 每学期末学校要主动向家长公示课后服务费的收支情况; 专款专用. Income by source,
/// refunds by kind, spending by category, and the balance.
/// </summary>
[Name("ledger.fund")]
[Priority(Stage.Ledger)]
[Title("课后服务经费收支", "Fund income and expenditure")]
[Clause("002 §1 一(二)")]
public sealed class FundLedgerRule : SettlementRule
{
    public override void Define()
    {
        // The term's income, refunds, spending and money received, each kind in full.
        TermInfo term = null!;
        IEnumerable<FeePayable> payables = null!;
        IEnumerable<SubsidyShare> subsidyShares = null!;
        IEnumerable<FundSubsidy> fundSubsidies = null!;
        IEnumerable<FeeRefund> refunds = null!;
        IEnumerable<StaffLessonPay> lessonPay = null!;
        IEnumerable<Stipend> stipends = null!;
        IEnumerable<AdminDutyPay> adminDuty = null!;
        IEnumerable<ExternalPay> externalPay = null!;
        IEnumerable<AwardPay> awards = null!;
        IEnumerable<StaffAccount> staffAccounts = null!;
        IEnumerable<Expense> expenses = null!;
        IEnumerable<FamilyPayment> payments = null!;
        IEnumerable<SubsidyReceipt> receipts = null!;
        When()
            .Match(() => term)
            .Query(() => payables, q => q.Match<FeePayable>().Collect())
            .Query(() => subsidyShares, q => q.Match<SubsidyShare>().Collect())
            .Query(() => fundSubsidies, q => q.Match<FundSubsidy>().Collect())
            .Query(() => refunds, q => q.Match<FeeRefund>().Collect())
            .Query(() => lessonPay, q => q.Match<StaffLessonPay>().Collect())
            .Query(() => stipends, q => q.Match<Stipend>().Collect())
            .Query(() => adminDuty, q => q.Match<AdminDutyPay>().Collect())
            .Query(() => externalPay, q => q.Match<ExternalPay>().Collect())
            .Query(() => awards, q => q.Match<AwardPay>().Collect())
            .Query(() => staffAccounts, q => q.Match<StaffAccount>().Collect())
            .Query(() => expenses, q => q.Match<Expense>().Collect())
            .Query(() => payments, q => q.Match<FamilyPayment>().Collect())
            .Query(() => receipts, q => q.Match<SubsidyReceipt>().Collect());
        Then().Do(ctx => Post(Context(ctx), new Term(
            payables.InIdOrder(), subsidyShares.InIdOrder(), fundSubsidies.InIdOrder(), refunds.InIdOrder(),
            lessonPay.Of<LessonPay>(), stipends.InIdOrder(), adminDuty.InIdOrder(), externalPay.InIdOrder(), awards.InIdOrder(),
            staffAccounts.InIdOrder(), expenses.InIdOrder(), payments, receipts)));
    }

    /// <summary>The term's facts the ledger is made of, each kind in id order (the order of each line's sources).</summary>
    private sealed record Term(
        List<FeePayable> Payables, List<SubsidyShare> SubsidyShares, List<FundSubsidy> FundSubsidies, List<FeeRefund> Refunds,
        List<LessonPay> LessonPay, List<Stipend> Stipends, List<AdminDutyPay> AdminDuty, List<ExternalPay> ExternalPay, List<AwardPay> Awards,
        List<StaffAccount> StaffAccounts, List<Expense> Expenses, IEnumerable<FamilyPayment> Payments, IEnumerable<SubsidyReceipt> Receipts);

    private static void Post(RuleContext ctx, Term t)
    {
        var lines = new Lines(ctx);
        IFact[] subsidies = [.. t.SubsidyShares, .. t.FundSubsidies];
        var income = lines.Add(LedgerSection.Income, "fees", "课后服务费", "Service fees", t.Payables, p => p.Payable)
            + lines.Add(LedgerSection.Income, "subsidies", "财政补贴", "Fiscal subsidies", subsidies, s => s is SubsidyShare share ? share.Amount : ((FundSubsidy)s).Amount);
        var refunds = lines.Add(LedgerSection.Refund, "absence", "缺勤退费", "Absence refunds", t.Refunds.Where(r => r.Kind == FeeRefundKind.Absence).ToList(), r => r.Amount)
            + lines.Add(LedgerSection.Refund, "withdrawal", "退出退费", "Withdrawal refunds", t.Refunds.Where(r => r.Kind == FeeRefundKind.Withdrawal).ToList(), r => r.Amount);
        var spending = lines.Add(LedgerSection.Expenditure, "lesson-pay", "课时费", "Lesson pay", t.LessonPay, p => p.Amount)
            + lines.Add(LedgerSection.Expenditure, "stipends", "管理服务补助", "Duty stipends", t.Stipends, p => p.Amount)
            + lines.Add(LedgerSection.Expenditure, "admin-duty", "行政值班补助", "Admin duty", t.AdminDuty, p => p.Amount)
            + lines.Add(LedgerSection.Expenditure, "external-staff", "外聘人员劳务", "External staff", t.ExternalPay, p => p.Amount)
            + lines.Add(LedgerSection.Expenditure, "awards", "评优奖励", "Awards", t.Awards, p => p.Amount)
            + lines.Add(LedgerSection.Expenditure, "deductions", "考核扣除", "Review deductions", t.StaffAccounts.Where(a => !a.Deductions.IsZero).ToList(), a => a.Deductions, negate: true);

        // Other spending by category, a line for each category with any item.
        foreach (var category in Expense.Categories)
        {
            var items = t.Expenses.Where(e => e.Category == category).ToList();
            if (items.Count > 0)
            {
                var (zh, en) = ExpenseNames.Of(category);
                spending += lines.Add(LedgerSection.Expenditure, category, zh, en, items, e => e.Amount);
            }
        }

        var balance = income - refunds - spending;
        var cash = Money.Sum(t.Payments.Select(p => p.Amount)) + Money.Sum(t.Receipts.Select(s => s.Amount));
        ctx.Insert(new FundBalance(income, refunds, spending, balance, cash), "term", lines.Ids, () => new Bilingual(
            $"收入 {Y(income)} − 退费 {Y(refunds)} − 支出 {Y(spending)} = 结余 {Y(balance)}",
            $"income {Y(income)} − refunds {Y(refunds)} − spending {Y(spending)} = balance {Y(balance)}"));
    }

    /// <summary>The ledger's lines as they are posted, numbered in order: the balance's sources.</summary>
    private sealed class Lines(RuleContext ctx)
    {
        public List<string> Ids { get; } = [];

        /// <summary>Posts a line of the items' total (negated for what reduces a section) and returns the total.</summary>
        public Money Add<T>(LedgerSection section, string category, string zh, string en, IReadOnlyList<T> items, Func<T, Money> amountOf, bool negate = false)
            where T : class, IFact
        {
            var total = Money.Sum(items.Select(amountOf));
            if (negate)
            {
                total = -total;
            }

            var count = items.Count;
            var entry = new LedgerEntry(Ids.Count, section, category, new Bilingual(zh, en), total);
            ctx.Insert(entry, category, items, () => new Bilingual(
                $"{zh}：{N(count)} 笔合计 {Y(total)}", $"{en}: {N(count)} items, total {Y(total)}"));
            Ids.Add(entry.Id);
            return total;
        }
    }
}
