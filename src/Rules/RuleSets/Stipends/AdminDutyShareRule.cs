using System.Runtime.CompilerServices;
using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Stipends;

/// <summary>
/// 001 篇三 (一)2(2): 行政值班管理：按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算.
/// Per month: 8% of that month's lesson pay and break supervision, in whole lessons of 7 yuan
/// (rounded down, so the share never exceeds 8%), shared over the admin-duty roster by days on duty.
/// </summary>
[Rule("stipends.admin-duty-share", Priority = 80)]
[Title("行政值班管理补助", "Admin duty share")]
[Clause("001 篇三 (一)2(2)")]
public sealed class AdminDutyShareRule(AdminDutyShare share) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<AdminDutyPay>();
        rule.Reads<LessonPay>().Reads<Stipend>();
        rule.Aggregate<DutyShift>(static d => d.Duty == "admin-duty").GroupBy(static d => Month.Of(d.Date)).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, month, duties) =>
        {
            var key = month.ToString();
            var lessonPay = Money.Sum(ctx.Where<LessonPay>(static l => l.Month.ToString(), key).Select(l => l.Amount));
            var breaks = Money.Sum(ctx.Where<Stipend>(static s => s.Month.ToString(), key).Where(s => s.Duty == "break-supervision").Select(s => s.Amount));
            var general = lessonPay + breaks;
            var exact = general.Yuan * share.Percent / 100m;
            var lessons = (long)decimal.Floor(exact / share.LessonValue);
            var byStaff = duties.GroupBy(d => d.StaffId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var split = Allocation.LargestRemainderUnits(lessons, byStaff.Select(g => (decimal)g.Count()).ToArray(), byStaff.Select(g => g.Key).ToArray());
            for (var i = 0; i < byStaff.Count; i++)
            {
                var days = byStaff[i].Count();
                var amount = Money.Round(split[i] * share.LessonValue);
                ctx.Insert(new AdminDutyPay(byStaff[i].Key, month, days, split[i], share.LessonValue, amount), byStaff[i].Key + ":" + key, byStaff[i].ToArray(), new Bilingual(
                    $"{key} 一般支出 {Y(general)}（课时费 {Y(lessonPay)} + 课间看护 {Y(breaks)}）× {N(share.Percent)}% = {N(exact)} 元，折 {N(lessons)} 节（每节 {N(share.LessonValue)} 元，向下取整），按值班 {N(days)} 日分得 {N(split[i])} 节 = {Y(amount)}",
                    $"{key}: general spending {Y(general)} (lesson pay {Y(lessonPay)} + breaks {Y(breaks)}) × {N(share.Percent)}% = {N(exact)} yuan = {N(lessons)} lessons of {N(share.LessonValue)} (rounded down); {N(days)} duty days give {N(split[i])} lessons = {Y(amount)}"));
            }
        });
    }
}
