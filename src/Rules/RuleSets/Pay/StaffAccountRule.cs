using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 以月为计算周期…学期汇总. A staff member's months (lesson pay, stipends, deductions capped
/// at the month's base, i.e. at most 100%) and the term (external pay, awards, term-scope deductions). The
/// base is <c>deductions.base</c>, widened to lesson pay and stipends for a month (or the term) when a
/// deduction there was taken of that under its rule's own <c>base</c>.
/// </summary>
[Name("pay.staff-account")]
[Priority(Stage.StaffAccount)]
[Title("教职工劳务报酬结算", "Staff account")]
[Clause("001 篇三 (一)1")]
public sealed class StaffAccountRule(DeductionBase baseKind) : SettlementRule
{
    public override void Define()
    {
        // A staff member and everything paid to or deducted from them, brought together by staff id.
        IGrouping<string, IStaffFact> staff = null!;
        When().Query(() => staff, q => q
            .Match<IStaffFact>(f => f is StaffMember || f is StaffLessonPay || f is Stipend || f is AdminDutyPay || f is ExternalPay || f is AwardPay || f is Deduction)
            .GroupBy(f => f.StaffId)
            .Where(g => g.Any(f => f is StaffMember)));
        Then().Do(ctx => Account(Context(ctx), staff.One<StaffMember>()!, staff.Of<LessonPay>(), staff.Of<Stipend>(), staff.Of<AdminDutyPay>(),
            staff.Of<ExternalPay>(), staff.Of<AwardPay>(), staff.Of<Deduction>()));
    }

    private void Account(RuleContext ctx, StaffMember s, List<LessonPay> lessons, List<Stipend> stipends, List<AdminDutyPay> admin,
        List<ExternalPay> externalPay, List<AwardPay> awardPay, List<Deduction> deductions)
    {
        var external = Money.Sum(externalPay.Select(x => x.Amount));
        var awards = Money.Sum(awardPay.Select(x => x.Amount));
        var monthly = deductions.Where(d => d.Month is not null).ToList();
        var term = deductions.Where(d => d.Month is null).ToList();
        var months = lessons.Select(l => l.Month)
            .Concat(stipends.Select(x => x.Month))
            .Concat(admin.Select(x => x.Month))
            .Concat(monthly.Select(d => d.Month!.Value))
            .Distinct()
            .Order();

        var lines = new List<StaffAccountMonth>();
        foreach (var m in months)
        {
            var own = lessons.Where(l => l.Month == m).ToList();
            var lessonPay = Money.Sum(own.Select(l => l.Amount));
            var monthStipends = Money.Sum(stipends.Where(x => x.Month == m).Select(x => x.Amount)) + Money.Sum(admin.Where(x => x.Month == m).Select(x => x.Amount));
            var monthDeductions = monthly.Where(d => d.Month == m).ToList();
            // The cap is the widest base a deduction of the month was taken of (a rule's own base: may widen it).
            var withStipends = monthDeductions.Any(d => d.Base == DeductionBase.LessonPayAndStipends);
            var baseAmount = baseKind == DeductionBase.LessonPay && !withStipends ? lessonPay : lessonPay + monthStipends;
            var raw = Money.Sum(monthDeductions.Select(d => d.Amount));
            var total = Money.Min(raw, baseAmount);
            var gross = lessonPay + monthStipends;
            lines.Add(new StaffAccountMonth(m, own.Count, own.Sum(l => l.Units), lessonPay, monthStipends, baseAmount, raw, total, gross, gross - total));
        }

        // Term deductions are capped at what the months leave of the term's base.
        var termWithStipends = baseKind == DeductionBase.LessonPayAndStipends || term.Any(d => d.Base == DeductionBase.LessonPayAndStipends);
        var termBase = Money.Sum(lines.Select(l => termWithStipends ? l.LessonPay + l.Stipends : l.Base));
        var monthTotal = Money.Sum(lines.Select(l => l.DeductionTotal));
        var termTotal = Money.Min(Money.Sum(term.Select(d => d.Amount)), termBase - monthTotal);
        var grossTotal = Money.Sum(lines.Select(l => l.Gross)) + external + awards;
        var allDeductions = monthTotal + termTotal;
        var net = grossTotal - allDeductions;
        IFact[] sources = [s, .. lessons, .. stipends, .. admin, .. externalPay, .. awardPay, .. deductions];
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
    }
}
