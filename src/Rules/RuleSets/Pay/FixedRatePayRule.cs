using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 按每月实际上课节数，以每节课20元计算: a fixed rate per lesson, or per lesson-hour (minutes ÷ the
/// plan's lesson-hour), counted per staff member and month. A month the plan's floor or ceiling clamps is paid bound ×
/// units, shared over its lessons. External staff, paid their agreement, earn no lesson pay unless the plan says so.
/// </summary>
[Rule("pay.fixed-rate", Priority = 90)]
[Title("课时费（固定标准）", "Lesson pay at a fixed rate")]
[Clause("001 篇三 (一)1")]
public sealed class FixedRatePayRule(PayPolicy pay) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        var rate = pay.Rate;
        var perHour = pay.Mode == PayMode.PerLessonHour;
        var agreementOnly = pay.ExternalLessons == ExternalLessons.AgreementOnly;
        rule.Produces<LessonPay>().Produces<StaffMonthPay>();
        rule.Reads<LessonDelivered>();
        // Lessons of the same length are paid the same, with the same sentence: one per length.
        var byMinutes = new Dictionary<int, (decimal Units, Money Amount, Bilingual Sentence)>();
        rule.Match<StaffMember>(s => !(agreementOnly && s.External)).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, s) =>
        {
            var own = ctx.Where<LessonDelivered>(static l => l.StaffId, s.StaffId).ToArray();
            Array.Sort(own, PayBounds.ByDateSlotId);
            var from = 0;
            while (from < own.Length)
            {
                var month = Month.Of(own[from].Date);
                var to = from;
                var computed = Money.Zero;
                var minutes = 0;
                while (to < own.Length && Month.Of(own[to].Date) == month)
                {
                    computed += Priced(own[to].Minutes).Amount;
                    minutes += own[to].Minutes;
                    to++;
                }

                var monthLessons = new ArraySegment<LessonDelivered>(own, from, to - from);
                var (paid, by) = PayBounds.Clamp(pay, monthLessons.Count, minutes, computed);
                var clamped = by is null ? null : PayBounds.Spread(paid, by, monthLessons);
                var monthCount = monthLessons.Count;
                var staffId = s.StaffId;
                ctx.Insert(new StaffMonthPay(staffId, month, monthCount, minutes, computed, paid), staffId + ":" + month, monthLessons, () => new Bilingual(
                    $"{staffId} {month}：{N(monthCount)} 节（{N(minutes)} 分钟）按标准 {Y(computed)}" + (by is null ? "" : $"，按界限 {N(by.Amount)} 元/{PayBounds.UnitZh(by.Unit, pay.LessonHourMinutes)} 发放 {Y(paid)}"),
                    $"{staffId} {month}: {N(monthCount)} lessons ({N(minutes)} minutes) at the plan's rate {Y(computed)}" + (by is null ? "" : $"; paid at the bound of {N(by.Amount)} per {PayBounds.UnitEn(by.Unit, pay.LessonHourMinutes)}: {Y(paid)}")));
                for (var j = 0; j < monthCount; j++)
                {
                    var lesson = monthLessons[j];
                    var (units, amount, sentence) = Priced(lesson.Minutes);
                    if (clamped is not null)
                    {
                        var share = clamped[j];
                        sentence = new Bilingual($"{month} 按界限发放 {Y(paid)}，按课时分到本节 {Y(share)}", $"{month} paid at the bound: {Y(paid)}; this lesson's part {Y(share)}");
                        amount = share;
                    }

                    ctx.Insert(new LessonPay(lesson.StaffId, lesson.LessonId, lesson.Date, month, units, amount), lesson.LessonId, [lesson], sentence);
                }

                from = to;
            }
        });

        (decimal Units, Money Amount, Bilingual Sentence) Priced(int minutes)
        {
            if (!byMinutes.TryGetValue(minutes, out var priced))
            {
                var units = perHour ? (decimal)minutes / (pay.LessonHourMinutes ?? throw new InvalidOperationException("pay.lesson_hour_minutes is needed to pay per lesson-hour")) : 1m;
                var amount = Money.Round(rate * units);
                priced = (units, amount, perHour
                    ? new Bilingual($"{N(rate)} 元/课时 × {N(minutes)}/{N(pay.LessonHourMinutes ?? 0)} 课时 = {Y(amount)}",
                        $"{N(rate)} yuan/lesson-hour × {N(minutes)}/{N(pay.LessonHourMinutes ?? 0)} lesson-hours = {Y(amount)}")
                    : new Bilingual($"{N(rate)} 元/节 × 1 节 = {Y(amount)}", $"{N(rate)} yuan/lesson × 1 lesson = {Y(amount)}"));
                byMinutes[minutes] = priced;
            }

            return priced;
        }
    }
}
