using Compensation.Reports.Tests.Support;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Reports.Tests;

/// <summary>The notice of every sample, read back with PdfPig and checked figure by figure against the settlement.</summary>
public sealed class PublicNoticeTests
{
    private static (Sample Sample, PdfText Text) Notice(string name)
    {
        var sample = Samples.Get(name);
        return (sample, PdfText.Read(Render.Pdf.PublicNotice(sample.Settlement, sample.Policy, Render.Notice(sample))));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryLedgerLine_ShowsItsAmount_AndTheTotals(string name)
    {
        var (sample, text) = Notice(name);
        var ledger = sample.Settlement.Ledger;
        foreach (var line in ledger.Income.Concat(ledger.Expenditure))
        {
            text.Row(line.Name.Zh, Amount.Of(line.Amount));
        }

        foreach (var line in ledger.Refunds)
        {
            var kind = line.Category == "absence" ? RefundKind.Absence : RefundKind.Withdrawal;
            var count = sample.Settlement.Families.Sum(f => f.Refunds.Count(r => r.Kind == kind));
            text.Row(line.Name.Zh, count.ToString(System.Globalization.CultureInfo.InvariantCulture), Amount.Of(line.Amount));
        }

        text.Row("收入合计", Amount.Of(ledger.TotalIncome));
        text.Row("退费合计", Amount.Of(ledger.TotalRefunds));
        text.Row("支出合计", Amount.Of(ledger.TotalExpenditure));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void TheBalance_AndWhatHappensToIt(string name)
    {
        var (sample, text) = Notice(name);
        var ledger = sample.Settlement.Ledger;
        text.Row("减：退费合计", Amount.Of(ledger.TotalRefunds));
        text.Row("减：支出合计", Amount.Of(ledger.TotalExpenditure));
        text.Row("清退前结余", Amount.Of(ledger.BalanceBeforeSurplus));
        text.Row("减：结余清退（退还缴费家庭）", Amount.Of(ledger.SurplusRefunded));
        text.Row("期末结余", Amount.Of(ledger.Balance));
        if (sample.Policy.Refunds.Surplus.Mode == Rules.Policy.SurplusMode.CarryForward)
        {
            text.Row("其中：结转下学期", Amount.Of(ledger.CarriedForward));
        }
        else
        {
            // No sample carries its balance forward: no carry-forward line that a reader could take for a subtraction.
            Assert.DoesNotContain(text.Lines, l => l.Text.Contains("结转下学期", StringComparison.Ordinal));
        }

        var flat = Flat(text);
        if (ledger.SurplusRefunded.Yuan > 0m)
        {
            Assert.Contains($"结余{Amount.Of(ledger.SurplusRefunded)}元已按各家庭缴费比例清退", flat);
        }
        else if (ledger.Balance.Yuan > 0m)
        {
            Assert.Contains($"结余{Amount.Of(ledger.Balance)}元", flat);
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void CountsOfStudentsAndWaivers(string name)
    {
        var (sample, text) = Notice(name);
        var families = sample.Settlement.Families;
        var waived = families.Where(f => f.Waived.Yuan > 0m).ToList();
        text.Row("参加课后服务学生", families.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.Row("其中：经审批减免服务费", waived.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Amount.Of(Money.Sum(waived.Select(f => f.Waived))));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void TheRatePerLesson_IsLessonPayOverLessons(string name)
    {
        var (sample, text) = Notice(name);
        var pay = sample.Settlement.Staff.Sum(s => s.LessonPay.Yuan);
        var lessons = sample.Settlement.Staff.Sum(s => s.Lessons);
        Assert.True(lessons > 0, "every sample has lessons");
        var rate = decimal.Round(pay / lessons, 2, MidpointRounding.AwayFromZero);
        text.Row("教师课时费（课时费 ÷ 课时数）", Amount.Of(pay), $"{lessons} 节", Amount.Of(rate));
    }

    [Fact]
    public void ALessonHourBound_IsWrittenWithTheMinutesOfTheSchoolsLessonHour()
    {
        // xinyi-004: floor 60 per lesson-hour, pay.lesson_hour_minutes 40 (004 §11 does not make a 课时 an hour).
        var (_, text) = Notice("xinyi-004");
        Assert.Contains("不低于 60.00 元/课时（40 分钟）", text.All);
        Assert.DoesNotContain("课时（小时）", text.All);
    }

    [Fact]
    public void TheYongqiaoNotice_HasTheHandWorkedFigures()
    {
        // rules-samples/yongqiao-002-s1/README.md: fees 1,785.00, absence refund 105.00, lesson pay 1,000.00 for 40 lessons (25.00 each), balance 232.50.
        var (_, text) = Notice(Samples.Yongqiao);
        text.Row("课后服务费", "1,785.00");
        text.Row("缺勤退费", "1", "105.00");
        text.Row("考核扣除", "-232.50");
        text.Row("期末结余", "232.50");
        text.Row("教师课时费（课时费 ÷ 课时数）", "1,000.00", "40 节", "25.00");
        text.Row("其中：经审批减免服务费", "2", "525.00");
    }

    [Fact]
    public void ABalanceCarriedForward_IsShownAsPartOfTheBalance_SoTheRowsAddUp()
    {
        // The 埇桥 sample with `surplus: carry-forward` instead of keep (README figures): fees 1,785.00, refunds 105.00,
        // spending 1,000 + 600 − 232.50 + 50 + 30 = 1,447.50; before the surplus refund 1,785 − 105 − 1,447.50 = 232.50;
        // nothing refunded, so the balance is 232.50 − 0 = 232.50, all of it carried forward.
        var sample = Samples.Get(Samples.Yongqiao);
        var yaml = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "rules-samples", Samples.Yongqiao, "policy.yaml"));
        Assert.Contains("    mode: keep ", yaml);
        var policy = Rules.Policy.Loading.PolicyLoader.LoadText(yaml.Replace("    mode: keep ", "    mode: carry-forward ", StringComparison.Ordinal), "policy.yaml");
        var settlement = Rules.Settlement.Settler.Settle(policy, sample.Facts);
        var text = PdfText.Read(Render.Pdf.PublicNotice(settlement, policy, Render.Notice(sample)));
        var lines = text.Lines.ToList();
        int At(params string[] runs)
        {
            text.Row(runs);
            return lines.FindIndex(l => l.Runs.SequenceEqual(runs));
        }

        var rows = new[]
        {
            At("减：支出合计", "1,447.50"),
            At("清退前结余", "232.50"),
            At("减：结余清退（退还缴费家庭）", "0.00"),
            At("期末结余", "232.50"),
            At("其中：结转下学期", "232.50"),
        };
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(rows[0] + 4, rows[4]);
        Assert.Contains("结余232.50元结转下学期", Flat(text));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void TheSpendingChart_LabelsEveryNonZeroCategoryWithItsAmount(string name)
    {
        var (sample, text) = Notice(name);
        Assert.Contains(text.Lines, l => l.Text == "支出构成（元）");
        foreach (var line in sample.Settlement.Ledger.Expenditure.Where(l => !l.Amount.IsZero))
        {
            // Once in the table, once beside its bar.
            Assert.True(text.Lines.Count(l => l.Runs.SequenceEqual([line.Name.Zh, Amount.Of(line.Amount)])) >= 2, line.Name.Zh);
        }
    }

    [Fact]
    public void TheSubsidyPartOfTheBalance_IsShownKept_OrReturnedToTheFunder()
    {
        // s7-002: fees 735.00, refunds 0, subsidies 480.00, balance 215.00. Pro rata the fee part is
        // round(215 × 735 / (735 + 480)) = round(130.0617…) = 130.06, the subsidy part 215 − 130.06 = 84.94.
        var (_, kept) = Notice("s7-002-per-lesson-hour");
        kept.Row("期末结余", "215.00");
        kept.Row("其中：财政补贴结余（留存经费）", "84.94");
        Assert.Contains("其中财政补贴部分84.94元留存课后服务经费", Flat(kept));

        // The same term under subsidy_part: return-to-funder: 84.94 leaves the fund, 215 − 84.94 = 130.06 stays.
        var sample = Samples.Get("s7-002-per-lesson-hour");
        var policy = sample.Policy with { Refunds = sample.Policy.Refunds with { Surplus = sample.Policy.Refunds.Surplus with { SubsidyPart = Rules.Policy.SubsidyPart.ReturnToFunder } } };
        var returned = sample with { Policy = policy, Settlement = Rules.Settlement.Settler.Settle(policy, sample.Facts) };
        var text = PdfText.Read(Render.Pdf.PublicNotice(returned.Settlement, returned.Policy, Render.Notice(returned)));
        text.Row("清退前结余", "215.00");
        text.Row("减：结余中财政补贴部分退还拨款单位", "84.94");
        text.Row("期末结余", "130.06");
        Assert.DoesNotContain(text.Lines, l => l.Text.StartsWith("其中：财政补贴结余", StringComparison.Ordinal));
        Assert.Contains("学期末经费结余中的财政补贴部分（按缴费与财政补贴所占比例划分）退还拨款单位", Flat(text));
    }

    [Fact]
    public void TheAbsenceRefund_IsStatedAsThePolicyConfiguresIt()
    {
        // 埇桥 policy: refunds.absence.min_weeks: 1 (连续一周以上, 以上 includes the week), refund_percent: 100.
        var (_, text) = Notice(Samples.Yongqiao);
        var flat = Flat(text);
        Assert.Contains("因故连续缺勤一周及以上的（连续缺勤的服务日数达到本生每周服务日数，或含一个日历周的全部服务日；节假日不中断也不计入），按日退还相应费用", flat);
        Assert.DoesNotContain("6个服务日及以上", flat);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void FeeStandard_LegalBasis_Phone_Period_Date_AndSeal(string name)
    {
        var (sample, text) = Notice(name);
        var flat = Flat(text);
        Assert.Contains(Flat(sample.Policy.Publication.LegalBasis), flat);
        var phone = sample.Policy.Publication.ComplaintPhone;
        Assert.Contains(string.IsNullOrEmpty(phone) ? "监督电话：（方案未载明投诉电话）。" : $"监督电话：{phone}。", flat);
        Assert.Contains("公示期：2025年4月14日至2025年4月20日（共7天）", flat);
        Assert.Contains($"{sample.Settlement.School}（公章）", flat);
        Assert.Contains("2025年4月14日", flat);
        if (sample.Policy.Fees.Mode == Rules.Policy.FeeMode.FlatTerm)
        {
            Assert.Contains($"每生每学期{Amount.Of(sample.Policy.Fees.TermFee)}元", flat);
        }
    }

    [Theory]
    [InlineData("free-000")]
    [InlineData("p3-001-per-lesson")]
    public void APlanWithoutAComplaintPhone_SaysSo_InOneSentenceAfterTheInvitation(string name)
    {
        // Seeds 000 and 001 state no telephone, so these samples' plans give none (publication.complaint_phone).
        var (sample, text) = Notice(name);
        Assert.Equal("", sample.Policy.Publication.ComplaintPhone);
        var flat = Flat(text);
        Assert.Contains("如对收费、退费或经费使用有疑问或异议，请在公示期内向学校反映。监督电话：（方案未载明投诉电话）。", flat);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(flat, "反映"));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void NoStudentOrStaffNameIdOrHardshipStatus_AppearsAnywhere(string name)
    {
        var (sample, text) = Notice(name);
        var all = text.All;
        var personal = sample.Settlement.Families.SelectMany(f => new[] { f.Name, f.StudentId })
            .Concat(sample.Settlement.Staff.SelectMany(s => new[] { s.Name, s.StaffId, s.EmployeeNo }))
            .Where(x => x.Length > 0);
        foreach (var value in personal)
        {
            Assert.DoesNotContain(value, all);
        }

        foreach (var (code, category) in sample.Policy.Waivers.Categories)
        {
            Assert.DoesNotContain(code, all);

            // "家庭经济困难学生…减免" is the plan's rule of who may apply; the specific statuses (低保, 建档立卡) must not appear.
            if (category.NameZh != "家庭经济困难")
            {
                Assert.DoesNotContain(category.NameZh, all);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EveryPage_HasItsFooter(string name)
    {
        var (sample, text) = Notice(name);
        var footer = $"{sample.Settlement.School} · 课后服务经费收支情况公示 · {sample.Settlement.TermId}";
        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Equal([footer, $"第 {i + 1} 页 共 {text.Pages.Count} 页"], text.Pages[i][^1].Runs);
        }
    }

    [Fact]
    public void TheTextIsSearchable_InSubsetFonts_WithTheFixedDate()
    {
        var (_, text) = Notice(Samples.Yongqiao);
        Assert.Contains("课后服务经费收支情况公示", text.All);
        Assert.All(text.FontNames, f => Assert.Matches("^[A-Z]{6}\\+LXGW", f));
        Assert.StartsWith("D:20250414000000", text.CreationDate);
    }

    /// <summary>Text without spaces and line breaks, for phrases that may wrap.</summary>
    internal static string Flat(PdfText text) => Flat(string.Concat(text.Lines.Select(l => string.Concat(l.Runs))));

    internal static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
