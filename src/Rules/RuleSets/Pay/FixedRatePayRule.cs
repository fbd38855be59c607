using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>
/// 001 篇三 (一)1: 按每月实际上课节数，以每节课20元计算: a fixed rate per lesson, or per lesson-hour
/// (minutes ÷ the plan's lesson-hour). A floor or ceiling changes the rate only when the plan says clamp.
/// </summary>
[Rule("pay.fixed-rate", Priority = 90)]
[Title("课时费（固定标准）", "Lesson pay at a fixed rate")]
[Clause("001 篇三 (一)1")]
public sealed class FixedRatePayRule(PayPolicy pay) : Rule
{
    public decimal EffectiveRate => PayBounds.Clamp(pay.Rate, pay);

    protected override void Define(RuleBuilder rule)
    {
        var rate = EffectiveRate;
        var unitZh = pay.Mode == PayMode.PerLessonHour ? "课时" : "节";
        rule.Produces<LessonPay>();
        // Lessons of the same length are paid the same, with the same sentence: one per length.
        var byMinutes = new Dictionary<int, (Money Amount, Bilingual Sentence)>();
        rule.Match<LessonDelivered>().Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, lesson) =>
        {
            var units = Units(lesson, pay);
            if (!byMinutes.TryGetValue(lesson.Minutes, out var priced))
            {
                var amount = Money.Round(rate * units);
                priced = (amount, pay.Mode == PayMode.PerLessonHour
                    ? new Bilingual($"{N(rate)} 元/{unitZh} × {N(lesson.Minutes)}/{N(pay.LessonHourMinutes)} 课时 = {Y(amount)}",
                        $"{N(rate)} yuan/lesson-hour × {N(lesson.Minutes)}/{N(pay.LessonHourMinutes)} lesson-hours = {Y(amount)}")
                    : new Bilingual($"{N(rate)} 元/节 × 1 节 = {Y(amount)}", $"{N(rate)} yuan/lesson × 1 lesson = {Y(amount)}"));
                byMinutes[lesson.Minutes] = priced;
            }

            var (amountForLesson, sentence) = priced;
            ctx.Insert(new LessonPay(lesson.StaffId, lesson.LessonId, lesson.Date, Month.Of(lesson.Date), units, amountForLesson), lesson.LessonId, [lesson], sentence);
        });
    }

    internal static decimal Units(LessonDelivered lesson, PayPolicy pay) =>
        pay.Mode == PayMode.PerLessonHour ? (decimal)lesson.Minutes / pay.LessonHourMinutes : 1m;
}
