using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 按每月实际上课节数，以每节课20元计算: a fixed rate per lesson, or per lesson-hour (minutes ÷ the
/// plan's lesson-hour), counted per staff member and month. A month the plan's floor or ceiling clamps is paid bound ×
/// units, shared over its lessons. External staff, paid their agreement, earn no lesson pay unless the plan says so.
/// </summary>
[Name("pay.fixed-rate")]
[Priority(Stage.LessonPay)]
[Title("课时费（固定标准）", "Lesson pay at a fixed rate")]
[Clause("001 篇三 (一)1")]
public sealed class FixedRatePayRule(PayPolicy pay) : SettlementRule
{
    public override void Define()
    {
        var agreementOnly = pay.ExternalLessons == ExternalLessons.AgreementOnly;
        // A staff member paid by the lesson and their lessons, brought together by staff id.
        IGrouping<string, IStaffFact> staff = null!;
        When().Query(() => staff, q => q
            .Match<IStaffFact>(f => f is StaffMember || f is StaffLessons)
            .GroupBy(f => f.StaffId)
            .Where(g => g.OfType<StaffMember>().Any(s => !(agreementOnly && s.External))));
        Then().Do(ctx => PayLessons(Context(ctx), staff.Key, staff.Of<LessonDelivered>()));
    }

    private void PayLessons(RuleContext ctx, string staffId, IEnumerable<LessonDelivered> lessons)
    {
        var own = lessons.ToList();
        own.Sort(PayBounds.ByDateSlotId);
        foreach (var monthLessons in own.GroupBy(l => Month.Of(l.Date)))
        {
            PayMonth(ctx, staffId, monthLessons.Key, [.. monthLessons]);
        }
    }

    private void PayMonth(RuleContext ctx, string staffId, Month month, List<LessonDelivered> lessons)
    {
        var computed = Money.Sum(lessons.Select(l => Priced(l.Minutes).Amount));
        var minutes = lessons.Sum(l => l.Minutes);
        var (paid, by) = PayBounds.Clamp(pay, lessons.Count, minutes, computed);
        var clamped = by is null ? null : PayBounds.Spread(paid, by, lessons);
        var count = lessons.Count;
        ctx.Insert(new StaffMonthPay(staffId, month, count, minutes, computed, paid), staffId + ":" + month, lessons, () => new Bilingual(
            $"{staffId} {month}：{N(count)} 节（{N(minutes)} 分钟）按标准 {Y(computed)}" + (by is null ? "" : $"，按界限 {N(by.Amount)} 元/{PayBounds.UnitZh(by.Unit, pay.LessonHourMinutes)} 发放 {Y(paid)}"),
            $"{staffId} {month}: {N(count)} lessons ({N(minutes)} minutes) at the plan's rate {Y(computed)}" + (by is null ? "" : $"; paid at the bound of {N(by.Amount)} per {PayBounds.UnitEn(by.Unit, pay.LessonHourMinutes)}: {Y(paid)}")));
        for (var j = 0; j < count; j++)
        {
            var lesson = lessons[j];
            var (units, amount, sentence) = Priced(lesson.Minutes);
            if (clamped is not null)
            {
                var share = clamped[j];
                sentence = new Bilingual($"{month} 按界限发放 {Y(paid)}，按课时分到本节 {Y(share)}", $"{month} paid at the bound: {Y(paid)}; this lesson's part {Y(share)}");
                amount = share;
            }

            ctx.Insert(new LessonPay(lesson.StaffId, lesson.LessonId, lesson.Date, month, units, amount), lesson.LessonId, [lesson], sentence);
        }
    }

    /// <summary>One lesson at the plan's rate: per lesson, or per lesson-hour of its minutes.</summary>
    private (decimal Units, Money Amount, Bilingual Sentence) Priced(int minutes)
    {
        var rate = pay.Rate;
        if (pay.Mode != PayMode.PerLessonHour)
        {
            var each = Money.Round(rate);
            return (1m, each, new Bilingual($"{N(rate)} 元/节 × 1 节 = {Y(each)}", $"{N(rate)} yuan/lesson × 1 lesson = {Y(each)}"));
        }

        var hour = pay.LessonHourMinutes ?? throw new InvalidOperationException("pay.lesson_hour_minutes is needed to pay per lesson-hour");
        var units = (decimal)minutes / hour;
        var amount = Money.Round(rate * units);
        return (units, amount, new Bilingual($"{N(rate)} 元/课时 × {N(minutes)}/{N(hour)} 课时 = {Y(amount)}",
            $"{N(rate)} yuan/lesson-hour × {N(minutes)}/{N(hour)} lesson-hours = {Y(amount)}"));
    }
}
