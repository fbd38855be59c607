using System.Globalization;
using Compensation.Reports.Tests.Support;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Tests;

/// <summary>Every staff member of every sample: each month, stipend and deduction line and the term's totals, read back from the PDF.</summary>
public sealed class StaffStatementTests
{
    private static PdfText Statement(Sample sample, StaffLine staff) =>
        PdfText.Read(Render.Pdf.StaffStatement(sample.Settlement, sample.Policy, staff.StaffId, sample.Facts.Conduct));

    private static string Month(Month m) => $"{m.Year}年{m.Number}月";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lesson pay ÷ lessons, rounded half away from zero to the fen; a dash without lessons.</summary>
    private static string Rate(Money pay, decimal units) => units == 0m ? "—" : Amount.Of(decimal.Round(pay.Yuan / units, 2, MidpointRounding.AwayFromZero));

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryMonth_AndTheTermTotal(string name)
    {
        var sample = Samples.Get(name);
        foreach (var staff in sample.Settlement.Staff)
        {
            var text = Statement(sample, staff);
            Assert.Contains(staff.Name, text.All);
            Assert.Contains(staff.EmployeeNo, text.All);
            var perHour = sample.Policy.Pay.Mode == Rules.Policy.PayMode.PerLessonHour;
            foreach (var m in staff.Months)
            {
                text.Row(Month(m.Month), N(m.Lessons), Rate(m.LessonPay, perHour ? m.LessonUnits : m.Lessons), Amount.Of(m.LessonPay), Amount.Of(m.StipendTotal),
                    Amount.Of(m.Gross), Amount.Less(m.DeductionTotal), Amount.Of(m.Net));
            }

            if (staff.Months.Count > 0 || !staff.Gross.IsZero)
            {
                text.Row("学期合计", N(staff.Lessons), Rate(staff.LessonPay, perHour ? staff.LessonUnits : staff.Lessons), Amount.Of(staff.LessonPay), Amount.Of(staff.Stipends),
                    Amount.Of(staff.Gross), Amount.Less(staff.Deductions), Amount.Of(staff.Net));
            }

            text.Row("应发合计", Amount.Of(staff.Gross));
            text.Row("考核扣除合计", Amount.Less(staff.Deductions));
            text.Row("实发金额", Amount.Of(staff.Net));
            if (!staff.ExternalPay.IsZero)
            {
                text.Row("外聘劳务", Amount.Of(staff.ExternalPay));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryStipendLine(string name)
    {
        var sample = Samples.Get(name);
        foreach (var staff in sample.Settlement.Staff.Where(s => s.Months.Any(m => m.Stipends.Count > 0)))
        {
            var text = Statement(sample, staff);
            foreach (var m in staff.Months)
            {
                foreach (var line in m.Stipends)
                {
                    Assert.Contains(text.Lines, l => l.Runs.Count == 5 && l.Runs[0] == Month(m.Month) && l.Runs[2].StartsWith(N(line.Count) + " ", StringComparison.Ordinal)
                        && l.Runs[3] == Amount.Of(line.Rate) && l.Runs[4] == Amount.Of(line.Amount));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryDeduction_WithItsEventDateClauseAndAmount(string name)
    {
        var sample = Samples.Get(name);
        var events = sample.Facts.Conduct.ToDictionary(e => e.Id);
        foreach (var staff in sample.Settlement.Staff)
        {
            var text = Statement(sample, staff);
            var flat = PublicNoticeTests.Flat(text);
            var lines = staff.Months.SelectMany(m => m.Deductions.Select(d => (Month: Month(m.Month), Line: d)))
                .Concat(staff.TermDeductions.Select(d => (Month: "全学期", Line: d)));
            foreach (var (month, d) in lines)
            {
                Assert.Contains(text.Lines, l => l.Runs[0] == month && l.Runs[^1] == Amount.Less(d.Amount) && l.Runs.Contains(d.Clause)
                    && (d.Percent is null || l.Runs.Contains(d.Percent.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%")));
                foreach (var id in d.EventIds)
                {
                    var e = events[id];
                    Assert.Contains(e.EventId + e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), flat);
                }
            }

            if (staff.Months.All(m => m.Deductions.Count == 0) && staff.TermDeductions.Count == 0)
            {
                Assert.Contains("本学期无考核扣除。", flat);
            }
        }
    }

    [Fact]
    public void TheYongqiaoTeacherT01_LosesHalfOfMarchForThreeLatenesses()
    {
        // README: T01 teaches 12 lessons in March at 25.00 (the pool's rate); three late arrivals in March → 50% of 300.00 = 150.00.
        var sample = Samples.Get(Samples.Yongqiao);
        var text = Statement(sample, sample.Settlement.StaffMember("T01"));
        text.Row("2025年3月", "12", "25.00", "300.00", "0.00", "300.00", "-150.00", "150.00");
        text.Row("实发金额", "350.00");
        Assert.Contains(text.Lines, l => l.Runs[0] == "2025年3月" && l.Runs.Contains("002 §1 二(四)3") && l.Runs.Contains("50%") && l.Runs[^1] == "-150.00");
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryPage_HasItsFooter(string name)
    {
        var sample = Samples.Get(name);
        var staff = sample.Settlement.Staff[0];
        var text = Statement(sample, staff);
        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Equal($"第 {i + 1} 页 共 {text.Pages.Count} 页", text.Pages[i][^1].Runs[^1]);
        }
    }
}
