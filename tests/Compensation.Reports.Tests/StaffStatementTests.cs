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

    /// <summary>Lessons and the rate per lesson; in a per-lesson-hour plan lessons, lesson-hours and the rate per lesson-hour.</summary>
    private static string[] Counts(bool perHour, int lessons, decimal units, Money pay) => perHour
        ? [N(lessons), units.ToString("0.##", CultureInfo.InvariantCulture), Rate(pay, units)]
        : [N(lessons), Rate(pay, lessons)];

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
                text.Row([Month(m.Month), .. Counts(perHour, m.Lessons, m.LessonUnits, m.LessonPay), Amount.Of(m.LessonPay), Amount.Of(m.StipendTotal),
                    Amount.Of(m.Gross), Amount.Less(m.DeductionTotal), Amount.Of(m.Net)]);
            }

            if (staff.Months.Count > 0 || !staff.Gross.IsZero)
            {
                text.Row(["学期合计", .. Counts(perHour, staff.Lessons, staff.LessonUnits, staff.LessonPay), Amount.Of(staff.LessonPay), Amount.Of(staff.Stipends),
                    Amount.Of(staff.Gross), Amount.Less(staff.Deductions), Amount.Of(staff.Net)]);
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

    public static TheoryData<string> SamplesWithStipends => Samples.Where(s => s.Settlement.Staff.Any(x => x.Months.Any(m => m.Stipends.Count > 0)));

    public static TheoryData<string> SamplesWithDeductions => Samples.Where(s => s.Settlement.Staff.Any(HasDeductions));

    public static TheoryData<string> SamplesWithStaffWithoutDeductions => Samples.Where(s => s.Settlement.Staff.Any(x => !HasDeductions(x)));

    public static TheoryData<string> SamplesWithLessons => Samples.Where(s => s.Settlement.Staff.Any(x => x.Lessons > 0));

    private static bool HasDeductions(StaffLine staff) => staff.Months.Any(m => m.Deductions.Count > 0) || staff.TermDeductions.Count > 0;

    [Theory]
    [MemberData(nameof(SamplesWithStipends))]
    public void EveryStipendLine(string name)
    {
        var sample = Samples.Get(name);
        var withStipends = sample.Settlement.Staff.Where(s => s.Months.Any(m => m.Stipends.Count > 0)).ToList();
        Assert.NotEmpty(withStipends);
        foreach (var staff in withStipends)
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
    [MemberData(nameof(SamplesWithDeductions))]
    public void EveryDeduction_WithItsEventDateClauseAndAmount(string name)
    {
        var sample = Samples.Get(name);
        var events = sample.Facts.Conduct.ToDictionary(e => e.Id);
        var withDeductions = sample.Settlement.Staff.Where(HasDeductions).ToList();
        Assert.NotEmpty(withDeductions);
        foreach (var staff in withDeductions)
        {
            var text = Statement(sample, staff);
            var flat = PublicNoticeTests.Flat(text);
            var lines = staff.Months.SelectMany(m => m.Deductions.Select(d => (Month: Month(m.Month), Line: d)))
                .Concat(staff.TermDeductions.Select(d => (Month: "全学期", Line: d)))
                .ToList();
            Assert.NotEmpty(lines);
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

            Assert.DoesNotContain("本学期无考核扣除。", flat);
        }
    }

    [Theory]
    [MemberData(nameof(SamplesWithStaffWithoutDeductions))]
    public void AStaffMemberWithoutDeductions_IsToldThereAreNone(string name)
    {
        var sample = Samples.Get(name);
        var without = sample.Settlement.Staff.Where(s => !HasDeductions(s)).ToList();
        Assert.NotEmpty(without);
        foreach (var staff in without)
        {
            Assert.Contains("本学期无考核扣除。", PublicNoticeTests.Flat(Statement(sample, staff)));
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
    // xinyi-004 README: 50 per lesson-hour of 40 minutes. T01 homework 40 min: March 7 lessons × 40/40 = 7 lesson-hours × 50 = 350.00,
    // April 5 × 1 = 5 × 50 = 250.00, term 12 × 50 = 600.00. T02 club 60 min: March 5 lessons × 60/40 = 7.5 × 50 = 375.00,
    // April 3 × 1.5 = 4.5 × 50 = 225.00, term 8 lessons = 12 lesson-hours × 50 = 600.00.
    [InlineData("xinyi-004", "T01", "2025年3月", "7", "7", "50.00", "350.00")]
    [InlineData("xinyi-004", "T01", "2025年4月", "5", "5", "50.00", "250.00")]
    [InlineData("xinyi-004", "T01", "学期合计", "12", "12", "50.00", "600.00")]
    [InlineData("xinyi-004", "T02", "2025年3月", "5", "7.5", "50.00", "375.00")]
    [InlineData("xinyi-004", "T02", "2025年4月", "3", "4.5", "50.00", "225.00")]
    [InlineData("xinyi-004", "T02", "学期合计", "8", "12", "50.00", "600.00")]
    // s7 README: 12 per lesson-hour of 40 minutes, one 140-minute midday session = 140/40 = 3.5 lesson-hours.
    // T01 March 5 sessions × 3.5 = 17.5 × 12 = 210.00, April 3 × 3.5 = 10.5 × 12 = 126.00, term 8 × 3.5 = 28 × 12 = 336.00;
    // T03 March 3 × 3.5 = 10.5 × 12 = 126.00, April 1 × 3.5 = 3.5 × 12 = 42.00.
    [InlineData("s7-002-per-lesson-hour", "T01", "2025年3月", "5", "17.5", "12.00", "210.00")]
    [InlineData("s7-002-per-lesson-hour", "T01", "2025年4月", "3", "10.5", "12.00", "126.00")]
    [InlineData("s7-002-per-lesson-hour", "T01", "学期合计", "8", "28", "12.00", "336.00")]
    [InlineData("s7-002-per-lesson-hour", "T03", "2025年3月", "3", "10.5", "12.00", "126.00")]
    [InlineData("s7-002-per-lesson-hour", "T03", "2025年4月", "1", "3.5", "12.00", "42.00")]
    public void APerLessonHourPlan_ShowsTheLessonHoursTheRateIsPaidOn(string name, string staffId, string row, string lessons, string units, string rate, string pay)
    {
        var sample = Samples.Get(name);
        var text = Statement(sample, sample.Settlement.StaffMember(staffId));
        var line = text.Lines.First(l => l.Runs.Count > 0 && l.Runs[0] == row);
        Assert.Equal([row, lessons, units, rate, pay], line.Runs.Take(5));
        Assert.Equal(decimal.Parse(pay, CultureInfo.InvariantCulture), decimal.Parse(units, CultureInfo.InvariantCulture) * decimal.Parse(rate, CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(SamplesWithLessons))]
    public void EveryMonthsLessonPay_IsItsCountTimesTheRateShownBesideIt(string name)
    {
        // The column before the rate is what the rate is paid on (lessons, or lesson-hours in a per-lesson-hour plan),
        // so count × rate = lesson pay reads off every row. Fixed-rate plans pay exactly that; a pool plan's rate is
        // the pool ÷ lessons rounded to the fen, so its rows may differ by the rounding (half a fen per unit).
        var sample = Samples.Get(name);
        var pool = sample.Policy.Pay.Mode == Rules.Policy.PayMode.Pool;
        var teaching = sample.Settlement.Staff.Where(s => s.Lessons > 0).ToList();
        Assert.NotEmpty(teaching);
        foreach (var staff in teaching)
        {
            var text = Statement(sample, staff);
            var header = text.Lines.First(l => l.Runs.Count > 0 && l.Runs[0] == "月份" && l.Runs.Contains("课时费"));
            var rateAt = header.Runs.ToList().FindIndex(r => r is "每节" or "每课时");
            Assert.Equal(header.Runs.ToList().IndexOf("课时费"), rateAt + 1);
            foreach (var label in staff.Months.Where(m => m.Lessons > 0).Select(m => Month(m.Month)).Append("学期合计"))
            {
                var row = text.Lines.First(l => l.Runs.Count == header.Runs.Count && l.Runs[0] == label).Runs;
                var count = decimal.Parse(row[rateAt - 1], CultureInfo.InvariantCulture);
                var rate = decimal.Parse(row[rateAt], CultureInfo.InvariantCulture);
                var pay = decimal.Parse(row[rateAt + 1], NumberStyles.Number, CultureInfo.InvariantCulture);
                Assert.True(pool ? Math.Abs(count * rate - pay) <= count * 0.005m : count * rate == pay, $"{name} {staff.StaffId} {label}: {count} × {rate} ≠ {pay}");
            }
        }
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
