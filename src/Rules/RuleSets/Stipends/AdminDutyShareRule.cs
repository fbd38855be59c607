using Compensation.Rules.Calculators;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Stipends;

/// <summary>
/// 001 篇三 (一)2(2): 行政值班管理：按一般课后服务支出部分的8%计算，折算为课时，以每节7元计算. For each month (or the
/// term), the plan's percentage of general spending (lesson pay, and break supervision unless the plan says otherwise)
/// is shared over the admin-duty roster by days on duty, largest remainder, ties by staff id. By default the percentage
/// is paid in full, to the fen: "折算为课时" says how it is counted. With whole-lessons, only whole lessons of the lesson
/// value are paid. A term share is spread over each person's duty months by their days (ties by month).
/// </summary>
[Name("stipends.admin-duty-share")]
[Priority(Stage.AdminShare)]
[Title("行政值班管理补助", "Admin duty share")]
[Clause("001 篇三 (一)2(2)")]
public sealed class AdminDutyShareRule(AdminDutyShare share) : SettlementRule
{
    public override void Define()
    {
        // The term's admin-duty roster (at least one day), its lesson pay and its stipends.
        IEnumerable<DutyShift> duties = null!;
        IEnumerable<StaffLessonPay> lessonPay = null!;
        IEnumerable<Stipend> stipends = null!;
        When()
            .Query(() => duties, q => q.Match<DutyShift>(d => d.Duty == "admin-duty").Collect().Where(c => c.Any()))
            .Query(() => lessonPay, q => q.Match<StaffLessonPay>().Collect())
            .Query(() => stipends, q => q.Match<Stipend>().Collect());
        Then().Do(ctx => ShareOut(Context(ctx), duties.InIdOrder(), lessonPay.SelectMany(p => p.Pay), stipends));
    }

    private void ShareOut(RuleContext ctx, List<DutyShift> duties, IEnumerable<LessonPay> allLessonPay, IEnumerable<Stipend> allStipends)
    {
        var withBreaks = share.Base == AdminDutyBase.LessonPayAndBreaks;
        var whole = share.Rounding == AdminDutyRounding.WholeLessons;
        var periods = share.Period == AdminDutyPeriod.Month
            ? duties.GroupBy(d => Month.Of(d.Date)).OrderBy(g => g.Key).Select(g => (Month?)g.Key).ToList()
            : [null];
        foreach (var period in periods)
        {
            var roster = duties.Where(d => period is null || Month.Of(d.Date) == period).ToArray();
            var lessonPay = Money.Sum(allLessonPay.Where(l => period is null || l.Month == period).Select(l => l.Amount));
            var breaks = withBreaks
                ? Money.Sum(allStipends.Where(s => s.Duty == "break-supervision" && (period is null || s.Month == period)).Select(s => s.Amount))
                : Money.Zero;
            var general = lessonPay + breaks;
            var (exact, lessons, total) = AdminDutyShares.Total(general, share.Percent, share.LessonValue, whole);
            var byStaff = roster.GroupBy(d => d.StaffId).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
            var staffIds = byStaff.Select(g => g.Key).ToArray();
            var staffShares = AdminDutyShares.ByDays(total, lessons, share.LessonValue, whole, byStaff.Select(g => g.Count()).ToArray(), staffIds);
            var periodName = period?.ToString() ?? "学期";
            var periodEn = period?.ToString() ?? "the term";
            var baseZh = withBreaks ? $"课时费 {Y(lessonPay)} + 课间看护 {Y(breaks)}" : $"课时费 {Y(lessonPay)}";
            var baseEn = withBreaks ? $"lesson pay {Y(lessonPay)} + breaks {Y(breaks)}" : $"lesson pay {Y(lessonPay)}";
            var totalZh = whole ? $"折 {N(lessons)} 节（每节 {N(share.LessonValue)} 元，向下取整）= {Y(total)}" : $"= {Y(total)}（折 {N(decimal.Round(exact / share.LessonValue, 2))} 节，每节 {N(share.LessonValue)} 元）";
            var totalEn = whole ? $"= {N(lessons)} lessons of {N(share.LessonValue)} (rounded down) = {Y(total)}" : $"= {Y(total)} ({N(decimal.Round(exact / share.LessonValue, 2))} lessons of {N(share.LessonValue)})";
            for (var i = 0; i < byStaff.Length; i++)
            {
                var staff = staffIds[i];
                var staffShare = staffShares[i];
                var days = byStaff[i].Count();
                var months = byStaff[i].GroupBy(d => Month.Of(d.Date)).OrderBy(g => g.Key).ToArray();
                var monthShares = AdminDutyShares.OverMonths(staffShare, share.LessonValue, whole, months.Select(g => g.Count()).ToArray(), months.Select(g => g.Key.ToString()).ToArray());
                for (var k = 0; k < months.Length; k++)
                {
                    var month = months[k].Key;
                    var amount = monthShares[k];
                    var monthDays = months[k].Count();
                    var units = amount.Yuan / share.LessonValue;
                    var spread = period is null ? $"；其中 {month} 值班 {N(monthDays)} 日分得 {Y(amount)}" : "";
                    var spreadEn = period is null ? $"; of which {month} ({N(monthDays)} days): {Y(amount)}" : "";
                    ctx.Insert(new AdminDutyPay(staff, month, monthDays, units, share.LessonValue, amount), staff + ":" + month, months[k].ToArray(), new Bilingual(
                        $"{periodName} 一般支出 {Y(general)}（{baseZh}）× {N(share.Percent)}% = {N(exact)} 元，{totalZh}；按值班 {N(days)} 日分得 {Y(staffShare)}{spread}",
                        $"{periodEn}: general spending {Y(general)} ({baseEn}) × {N(share.Percent)}% = {N(exact)} yuan {totalEn}; {N(days)} duty days give {Y(staffShare)}{spreadEn}"));
                }
            }
        }
    }
}
