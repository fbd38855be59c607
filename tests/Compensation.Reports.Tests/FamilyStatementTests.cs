using System.Globalization;
using Compensation.Reports.Tests.Support;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Tests;

/// <summary>Every family of every sample: fee, cap, subsidy, waiver, each refund with its dates, net, paid and balance.</summary>
public sealed class FamilyStatementTests
{
    private static PdfText Statement(Sample sample, FamilyLine family) =>
        PdfText.Read(Render.Pdf.FamilyStatement(sample.Settlement, sample.Policy, family.StudentId));

    /// <summary>The row that starts with <paramref name="label"/> and ends with <paramref name="amount"/> (its explanation may wrap).</summary>
    private static void Line(PdfText text, string label, string amount) =>
        Assert.True(text.Lines.Any(l => l.Runs[0] == label && l.Runs[^1] == amount), $"no row '{label} … {amount}' in:\n{string.Join("\n", text.Lines)}");

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryStepFromFeeToBalance(string name)
    {
        var sample = Samples.Get(name);
        foreach (var f in sample.Settlement.Families)
        {
            var text = Statement(sample, f);
            Assert.Contains(f.Name, text.All);
            Assert.Contains(f.StudentId, text.All);
            Line(text, "应收服务费", Amount.Of(f.Charged));
            Line(text, "超出限额核减", Amount.Less(f.CapReduction));
            Line(text, "财政补贴抵扣", Amount.Less(f.Subsidy));
            Line(text, "减免", Amount.Less(f.Waived));
            Line(text, "应缴服务费", Amount.Of(f.Payable));
            Line(text, "结算应缴", Amount.Of(f.Net));
            Line(text, "已缴", Amount.Of(f.Paid));
            Line(text, "余额", Amount.Of(f.Balance));
            var expected = f.Balance.Yuan switch
            {
                > 0m => $"尚需补缴 {Amount.Of(f.Balance)} 元",
                < 0m => $"学校应退还 {Amount.Of(-f.Balance.Yuan)} 元",
                _ => "已结清",
            };
            Assert.Contains(text.Lines, l => l.Runs[0] == "余额" && l.Runs.Contains(expected));
        }
    }

    public static TheoryData<string> SamplesWithRefunds => Samples.Where(s => s.Settlement.Families.Any(f => f.Refunds.Count > 0));

    public static TheoryData<string> SamplesWithMonthlyCharges => Samples.Where(s => s.Settlement.Families.Any(f => f.Months.Count > 0));

    [Theory]
    [MemberData(nameof(SamplesWithRefunds))]
    public void EveryRefund_WithItsReasonAndDates(string name)
    {
        var sample = Samples.Get(name);
        var families = sample.Settlement.Families.Where(f => f.Refunds.Count > 0).ToList();
        Assert.NotEmpty(families);
        foreach (var f in families)
        {
            var text = Statement(sample, f);
            foreach (var r in f.Refunds)
            {
                var label = r.Kind switch { RefundKind.Absence => "缺勤退费", RefundKind.Withdrawal => "退出退费", _ => "结余清退" };
                var row = text.Lines.FirstOrDefault(l => l.Runs[0] == label && l.Runs[^1] == Amount.Less(r.Amount));
                Assert.True(row is not null, $"{f.StudentId}: no {label} row of {Amount.Less(r.Amount)}");
                if (r.From is { } from)
                {
                    Assert.Contains(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row!.Text);
                }

                if (r.Kind == RefundKind.Absence)
                {
                    Assert.Contains($"连续缺勤{r.Days}个服务日", PublicNoticeTests.Flat(text));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SamplesWithMonthlyCharges))]
    public void MonthlyCharges_ForPerLessonHourPlans(string name)
    {
        var sample = Samples.Get(name);
        var families = sample.Settlement.Families.Where(f => f.Months.Count > 0).ToList();
        Assert.NotEmpty(families);
        foreach (var f in families)
        {
            var text = Statement(sample, f);
            foreach (var m in f.Months)
            {
                text.Row($"{m.Month.Year}年{m.Month.Number}月", m.DaysAttended.ToString(CultureInfo.InvariantCulture), Amount.Of(m.Amount));
            }
        }
    }

    [Fact]
    public void TheYongqiaoFamilyS06_GetsBackSixDaysOfAbsence()
    {
        // README: S06 is on leave 03-31 … 04-08, six service days across the 04-04 holiday: 350 ÷ 20 × 6 = 105.00 back.
        var sample = Samples.Get(Samples.Yongqiao);
        var text = Statement(sample, sample.Settlement.Family("S06"));
        text.Row("缺勤退费", "2025-03-31 至 2025-04-08 连续缺勤 6 个服务日，按日退费", "-105.00");
        text.Row("余额", "学校应退还 105.00 元", "-105.00");

        // The rule as the policy configures it (min_weeks: 1, refund_percent: 100), not the former "6 个服务日及以上".
        var flat = PublicNoticeTests.Flat(text);
        Assert.Contains("退费办法：因故连续缺勤一周及以上的（连续缺勤的服务日数达到本生每周服务日数，或含一个日历周的全部服务日；节假日不中断也不计入），按日退还相应费用。", flat);
        Assert.DoesNotContain("6个服务日及以上", flat);
    }
}
