using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Stipends;

/// <summary>
/// 002 §1 二(三)1: 值班领导…保安每人每天30元…勤杂人员…; 001 篇三 (一)2(1): 以每课间10元计算.
/// A roster day is paid the plan's rate for that duty; break supervision per break. A duty the plan
/// gives no rate for is paid nothing and reported.
/// </summary>
[Name("stipends.duty")]
[Priority(Stage.Inputs)]
[Title("管理服务补助", "Duty stipend")]
[Clause("002 §1 二(三)1")]
public sealed class DutyStipendRule(StipendPolicy stipends) : SettlementRule
{
    public override void Define()
    {
        // Admin duty is paid from its share of general spending (stipends.admin-duty-share) when the plan has one.
        var adminShare = stipends.AdminDutyShare is not null;
        DutyShift d = null!;
        When().Match(() => d, d => !(adminShare && d.Duty == "admin-duty"));
        Then().Do(ctx => Pay(Context(ctx), d));
    }

    private void Pay(RuleContext ctx, DutyShift d)
    {
        var perBreak = d.Duty == "break-supervision";
        decimal? rate = perBreak ? stipends.PerBreak : stipends.PerDay.TryGetValue(d.Duty, out var r) ? r : null;
        if (rate is null)
        {
            var message = new Bilingual($"方案未规定“{DutyZh(d.Duty)}”补助标准，{D(d.Date)} 按 0 元计", $"the plan sets no rate for '{d.Duty}'; {D(d.Date)} paid 0");
            ctx.Insert(new FindingFact("stipend-rate-missing", Severity.Warning, d.StaffId, message), "no-rate:" + d.DutyId, [d], message);
        }

        var count = perBreak ? d.Count : 1;
        var amount = Money.Round((rate ?? 0m) * count);
        Func<Bilingual> sentence = perBreak
            ? () => new Bilingual($"{D(d.Date)} 课间看护 {N(count)} 次 × {N(rate ?? 0m)} 元 = {Y(amount)}", $"{D(d.Date)}: {N(count)} breaks × {N(rate ?? 0m)} yuan = {Y(amount)}")
            : () => new Bilingual($"{D(d.Date)} {DutyZh(d.Duty)} 1 天 × {N(rate ?? 0m)} 元 = {Y(amount)}", $"{D(d.Date)}: {d.Duty} 1 day × {N(rate ?? 0m)} yuan = {Y(amount)}");
        ctx.Insert(new Stipend(d.StaffId, d.Duty, d.Date, Month.Of(d.Date), count, rate ?? 0m, amount), d.DutyId, [d], sentence);
    }
}
