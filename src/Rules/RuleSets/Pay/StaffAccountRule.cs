using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 以月为计算周期…学期汇总. A staff member's months (lesson pay, stipends, deductions capped
/// at the month's base, i.e. at most 100%) and the term (external pay, awards, term-scope deductions).
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
        rule.Match<StaffMember>().Then((ctx, s) =>
        {
            var lessons = ctx.Where<LessonPay>(static l => l.StaffId, s.StaffId);
            var stipends = ctx.Where<Stipend>(static x => x.StaffId, s.StaffId);
            var admin = ctx.Where<AdminDutyPay>(static x => x.StaffId, s.StaffId);
            var deductions = ctx.Where<Deduction>(static x => x.StaffId, s.StaffId);
            var external = Money.Sum(ctx.Where<ExternalPay>(static x => x.StaffId, s.StaffId).Select(x => x.Amount));
            var awards = Money.Sum(ctx.Where<AwardPay>(static x => x.StaffId, s.StaffId).Select(x => x.Amount));
            var months = lessons.Select(l => l.Month).Concat(stipends.Select(x => x.Month)).Concat(admin.Select(x => x.Month))
                .Concat(deductions.Where(d => d.Month is not null).Select(d => d.Month!.Value)).Distinct().Order().ToList();
            var lines = new List<StaffAccountMonth>();
            var parts = new List<string>();
            foreach (var m in months)
            {
                var monthLessons = lessons.Where(l => l.Month == m).ToList();
                var lessonPay = Money.Sum(monthLessons.Select(l => l.Amount));
                var monthStipends = Money.Sum(stipends.Where(x => x.Month == m).Select(x => x.Amount)) + Money.Sum(admin.Where(x => x.Month == m).Select(x => x.Amount));
                var baseAmount = baseKind == DeductionBase.LessonPay ? lessonPay : lessonPay + monthStipends;
                var raw = Money.Sum(deductions.Where(d => d.Month == m).Select(d => d.Amount));
                var total = Money.Min(raw, baseAmount);
                var gross = lessonPay + monthStipends;
                lines.Add(new StaffAccountMonth(m, monthLessons.Count, monthLessons.Sum(l => l.Units), lessonPay, monthStipends, baseAmount, raw, total, gross, gross - total));
                parts.Add($"{m}: {Y(lessonPay)} + {Y(monthStipends)} − {Y(total)}" + (raw > total ? $" (capped from {Y(raw)})" : ""));
            }

            var termBase = Money.Sum(lines.Select(l => l.Base));
            var monthTotal = Money.Sum(lines.Select(l => l.DeductionTotal));
            var termRaw = Money.Sum(deductions.Where(d => d.Month is null).Select(d => d.Amount));
            var termTotal = Money.Min(termRaw, termBase - monthTotal);
            var grossTotal = Money.Sum(lines.Select(l => l.Gross)) + external + awards;
            var allDeductions = monthTotal + termTotal;
            var net = grossTotal - allDeductions;
            var sources = lessons.Select(x => x.Id).Concat(stipends.Select(x => x.Id)).Concat(admin.Select(x => x.Id)).Concat(deductions.Select(x => x.Id)).Prepend(s.Id).ToArray();
            var monthsText = parts.Count == 0 ? "—" : string.Join("; ", parts);
            ctx.Insert(new StaffAccount(s.StaffId, lines, termTotal, external, awards, grossTotal, allDeductions, net), s.StaffId, sources, new Bilingual(
                $"逐月（课时费 + 补助 − 扣除，扣除不超过当月基数）：{monthsText}；外聘 {Y(external)}，奖励 {Y(awards)}，学期扣除 {Y(termTotal)}；应发 {Y(grossTotal)} − 扣除 {Y(allDeductions)} = 实发 {Y(net)}",
                $"by month (lesson pay + stipends − deductions, capped at the month's base): {monthsText}; external {Y(external)}, awards {Y(awards)}, term deductions {Y(termTotal)}; gross {Y(grossTotal)} − deductions {Y(allDeductions)} = net {Y(net)}"));
        });
    }
}
