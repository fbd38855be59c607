using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>Tables longer than a page continue on the next one under a repeated header row.</summary>
public sealed class LongTableTests
{
    private static readonly string[] RegisterHeader = ["学号", "姓名", "班级", "应收", "核减·补贴·减免", "退费", "结算应缴", "已缴", "余额"];
    private static readonly string[] DeductionHeader = ["月份", "事件（编号 日期 类别）", "方案条款", "比例", "说明", "扣除金额"];

    [Fact]
    public void ThreeHundredFamilies_SpanPages_EachUnderTheHeader_EachFamilyOnItsRow()
    {
        var (policy, settlement) = (GeneratedTerm.Policy, GeneratedTerm.Settlement);
        Assert.Equal(300, settlement.Families.Count);
        var text = PdfText.Read(Render.Pdf.FamilyRegister(settlement, policy));

        Assert.True(text.Pages.Count >= 5, $"{text.Pages.Count} pages");
        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Contains(text.Pages[i], l => l.Runs.SequenceEqual(RegisterHeader));
            Assert.Equal($"第 {i + 1} 页 共 {text.Pages.Count} 页", text.Pages[i][^1].Runs[^1]);
        }

        foreach (var f in settlement.Families)
        {
            text.Row(f.StudentId, f.Name, f.ClassName, Amount.Of(f.Charged), Amount.Less(f.CapReduction + f.Subsidy + f.Waived), Amount.Less(f.Refunded),
                Amount.Of(f.Net), Amount.Of(f.Paid), Amount.Of(f.Balance));
        }

        text.Row("合计 300 人", Amount.Of(settlement.Families.Sum(f => f.Charged.Yuan)),
            Amount.Of(-settlement.Families.Sum(f => f.CapReduction.Yuan + f.Subsidy.Yuan + f.Waived.Yuan)),
            Amount.Of(-settlement.Families.Sum(f => f.Refunded.Yuan)), Amount.Of(settlement.Families.Sum(f => f.Net.Yuan)),
            Amount.Of(settlement.Families.Sum(f => f.Paid.Yuan)), Amount.Of(settlement.Families.Sum(f => f.Balance.Yuan)));
    }

    [Fact]
    public void AStaffStatementWithManyDeductions_RepeatsTheDeductionHeaderOnEveryPage()
    {
        var sample = Samples.Get(Samples.Yongqiao);
        var t03 = sample.Settlement.StaffMember("T03");
        var many = t03 with
        {
            Months = t03.Months.Select(m => m with
            {
                Deductions = Enumerable.Range(1, 60).Select(i => m.Deductions[0] with
                {
                    EventIds = [$"conduct:X{m.Month.Number:00}{i:000}"],
                    FactId = $"synthetic:{m.Month}:{i}",
                }).ToList(),
            }).ToList(),
        };
        var settlement = sample.Settlement with { Staff = sample.Settlement.Staff.Select(s => s.StaffId == "T03" ? many : s).ToList() };

        var text = PdfText.Read(Render.Pdf.StaffStatement(settlement, sample.Policy, "T03"));

        static bool IsDeductionRow(TextLine l) => l.Runs.Any(r => r.StartsWith("X0", StringComparison.Ordinal));
        var pagesWithDeductions = text.Pages.Where(p => p.Any(IsDeductionRow)).ToList();
        Assert.True(pagesWithDeductions.Count >= 3, $"{pagesWithDeductions.Count} pages of deductions");
        Assert.All(pagesWithDeductions, page => Assert.Contains(page, l => l.Runs.SequenceEqual(DeductionHeader)));
        foreach (var m in many.Months)
        {
            for (var i = 1; i <= 60; i++)
            {
                var id = $"X{m.Month.Number:00}{i:000}";
                Assert.Contains(text.Lines, l => l.Runs.Any(r => r.StartsWith(id, StringComparison.Ordinal)) && l.Runs[^1] == Amount.Less(m.Deductions[0].Amount));
            }
        }

        Assert.Equal(120, text.Lines.Count(IsDeductionRow));
        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Equal($"第 {i + 1} 页 共 {text.Pages.Count} 页", text.Pages[i][^1].Runs[^1]);
        }
    }
}
