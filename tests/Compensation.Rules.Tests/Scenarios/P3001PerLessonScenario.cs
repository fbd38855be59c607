using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// rules-samples/p3-001-per-lesson: seed 001 篇三 (20 a lesson, 10 a break, admin duty 8 % at 7 a
/// lesson, paid in full, the deductions of 篇三 (二)), with the 600-a-term fee of 篇四. Amounts worked out by hand in
/// that folder's README.md. Deduction base = lesson pay + stipends of the month.
/// </summary>
public sealed class P3001PerLessonScenario
{
    private static readonly Lazy<SettlementResult> Settled = new(() => Samples.Settle("p3-001-per-lesson"));

    private static SettlementResult R => Settled.Value;

    // ---- Families: the 600 of 篇四 ----

    [Fact]
    public void EveryStudent_Pays600ForTheTerm()
    {
        Assert.Equal(4, R.Families.Count);
        Assert.All(R.Families, f =>
        {
            Assert.Equal(Money.Of(600m * 5 / 5 * 20 / 20), f.Payable); // 600 × 5/5 × 20/20 = 600.00
            Assert.Equal(Money.Zero, f.Balance);                        // paid 600
        });
    }

    // ---- Pay (篇三 (一)) ----

    [Fact]
    public void EachLesson_Pays20()
    {
        Assert.Equal(Money.Of(12 * 20m), R.StaffMember("T01").LessonPay); // 12 × 20 = 240.00
        Assert.Equal(Money.Of(12 * 20m), R.StaffMember("T02").LessonPay); // 12 × 20 = 240.00
        Assert.Equal(Money.Of(8 * 20m), R.StaffMember("T03").LessonPay);  // 8 × 20 = 160.00
        Assert.Equal(Money.Of(8 * 20m), R.StaffMember("T04").LessonPay);  // 8 × 20 = 160.00
        Assert.Equal(Money.Of(40 * 20m), Samples.Line(R.Ledger.Expenditure, "lesson-pay")); // 800.00
    }

    [Fact]
    public void EachBreakSupervised_Pays10()
    {
        Assert.Equal(Money.Of(12 * 10m), R.StaffMember("T01").Stipends); // 12 breaks × 10 = 120.00
        Assert.Equal(Money.Of(8 * 10m), R.StaffMember("T03").Stipends);  // 8 breaks × 10 = 80.00
        Assert.Equal(Money.Of(20 * 10m), Samples.Line(R.Ledger.Expenditure, "stipends")); // 200.00
    }

    [Fact]
    public void AdminDuty_GetsEightPercentOfGeneralSpendingInFull_SharedByDaysOnDuty()
    {
        // March: 8/100 × (480 + 120) = 48.00 (6.857… lessons of 7, paid in full); days A01 3, A02 2:
        // 48.00 × 3/5 = 28.80 and 48.00 × 2/5 = 19.20.
        Assert.Equal(Money.Round(8m / 100 * (24 * 20m + 12 * 10m) * 3 / 5), Samples.InMonth(R.StaffMember("A01"), 2025, 3).Gross); // 28.80
        Assert.Equal(Money.Round(8m / 100 * (24 * 20m + 12 * 10m) * 2 / 5), Samples.InMonth(R.StaffMember("A02"), 2025, 3).Gross); // 19.20

        // April: 8/100 × (320 + 80) = 32.00; days 2 and 2 → 16.00 each.
        Assert.Equal(Money.Of(32m * 2 / 4), Samples.InMonth(R.StaffMember("A01"), 2025, 4).Gross); // 16.00
        Assert.Equal(Money.Of(32m * 2 / 4), Samples.InMonth(R.StaffMember("A02"), 2025, 4).Gross); // 16.00

        Assert.Equal(Money.Of(28.80m + 16), R.StaffMember("A01").Net); // 44.80
        Assert.Equal(Money.Of(19.20m + 16), R.StaffMember("A02").Net); // 35.20
        Assert.Equal(Money.Of(48m + 32), Samples.Line(R.Ledger.Expenditure, "admin-duty")); // 80.00
    }

    // ---- Deductions (篇三 (二)) ----

    [Fact]
    public void TwoEarlyLeavesInMarch_CostTenPercentOfTheMonthEach()
    {
        var march = Samples.InMonth(R.StaffMember("T01"), 2025, 3);
        Assert.Equal(Money.Of(7 * 20m + 7 * 10m), march.DeductionBase); // 140 + 70 = 210.00
        var lines = march.Deductions.Where(d => d.RuleId == "early-leave").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, d => Assert.Equal(Money.Round(210m * 10 / 100), d.Amount)); // 210 × 10/100 = 21.00
        Assert.Equal(Money.Of(42m), march.DeductionTotal);           // 21 + 21 = 42.00
        Assert.Equal(Money.Of(210m - 42), march.Net);                // 168.00
    }

    [Fact]
    public void ThreeEarlyLeavesInApril_CostAllOfAprilPay()
    {
        var t01 = R.StaffMember("T01");
        var april = Samples.InMonth(t01, 2025, 4);
        Assert.Equal(Money.Of(5 * 20m + 5 * 10m), april.DeductionBase); // 100 + 50 = 150.00
        var line = Assert.Single(april.Deductions, d => d.RuleId == "early-leave"); // 100 % replaces the 10 % lines
        Assert.Equal(Money.Of(150m * 100 / 100), line.Amount);       // 150.00
        Assert.Equal(Money.Zero, april.Net);
        Assert.Equal(Money.Of(360m - 42 - 150), t01.Net);            // 360 − 192 = 168.00
    }

    [Fact]
    public void NoShow_CostsTheWholeMonth()
    {
        var t02 = R.StaffMember("T02");
        var april = Samples.InMonth(t02, 2025, 4);
        Assert.Equal(Money.Of(5 * 20m), april.DeductionBase);        // 100.00
        Assert.Equal(Money.Of(100m * 100 / 100), Samples.Deducted(april, "no-show")); // 100.00
        Assert.Equal(Money.Zero, april.Net);
        Assert.Equal(Money.Of(7 * 20m), Samples.InMonth(t02, 2025, 3).Net); // March untouched: 140.00
        Assert.Equal(Money.Of(140m), t02.Net);
    }

    [Fact]
    public void OneHandoverViolation_CostsTenPercentOfPayAndStipends()
    {
        var march = Samples.InMonth(R.StaffMember("T03"), 2025, 3);
        Assert.Equal(Money.Of(5 * 20m + 5 * 10m), march.DeductionBase); // 100 + 50 = 150.00
        Assert.Equal(Money.Round(150m * 10 / 100), Samples.Deducted(march, "handover")); // 15.00
    }

    [Fact]
    public void ComplaintDecidedAtTenPercent_CostsTenPercentOfTheMonth()
    {
        var t03 = R.StaffMember("T03");
        var april = Samples.InMonth(t03, 2025, 4);
        Assert.Equal(Money.Of(3 * 20m + 3 * 10m), april.DeductionBase); // 60 + 30 = 90.00
        Assert.Equal(Money.Round(90m * 10 / 100), Samples.Deducted(april, "complaint")); // decided 10 %: 9.00
        Assert.Equal(Money.Of(240m - 15 - 9), t03.Net);              // 240 − 24 = 216.00
    }

    /// <summary>The review group first wrote 5 % for C08 (conduct.csv row 9), below 篇三 (二)5's 10%—100%.</summary>
    internal static (Compensation.Rules.Policy.SchoolPolicy Policy, Compensation.Rules.Facts.TermFacts Facts) WithComplaintDecidedAtFivePercent()
    {
        var folder = Path.Combine(Samples.RepoRoot, "rules-samples", "p3-001-per-lesson");
        var files = Directory.GetFiles(Path.Combine(folder, "facts"), "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        var conduct = System.Text.Encoding.UTF8.GetString(files["conduct.csv"]);
        Assert.Contains("C08,T03,2025-04-10,complaint,10,", conduct, StringComparison.Ordinal);
        files["conduct.csv"] = System.Text.Encoding.UTF8.GetBytes(conduct.Replace("C08,T03,2025-04-10,complaint,10,", "C08,T03,2025-04-10,complaint,5,", StringComparison.Ordinal));
        var policy = Compensation.Rules.Policy.Loading.PolicyLoader.LoadFile(Path.Combine(folder, "policy.yaml"));
        return (policy, Compensation.Rules.Facts.Loading.FactsLoader.LoadFiles(files));
    }

    [Fact]
    public void ComplaintDecidedBelowTheRange_IsRefused_NamingTheRowTheEventTheValueAndTheRange()
    {
        var (policy, facts) = WithComplaintDecidedAtFivePercent();
        var error = Assert.Single(Assert.Throws<InputException>(() => Settler.Settle(policy, facts)).Errors);
        Assert.Equal(("conduct.csv", 9, "decided_percent"), (error.File, error.Line, error.Field)); // header = row 1, C01 … C08 = rows 2 … 9
        Assert.Contains("event C08", error.Message, StringComparison.Ordinal);
        Assert.Contains("5%", error.Message, StringComparison.Ordinal);
        Assert.Contains("10%–100%", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The same, under <c>deductions.out_of_range: clamp</c>.</summary>
    internal static (Compensation.Rules.Policy.SchoolPolicy Policy, Compensation.Rules.Facts.TermFacts Facts) WithComplaintDecidedAtFivePercentUnderClamp()
    {
        var (policy, facts) = WithComplaintDecidedAtFivePercent();
        return (policy with { Deductions = policy.Deductions with { OutOfRange = Compensation.Rules.Policy.DecidedOutOfRange.Clamp } }, facts);
    }

    [Fact]
    public void ComplaintDecidedBelowTheRange_UnderClamp_IsRaisedToTenPercentAndReported()
    {
        var (clamped, facts) = WithComplaintDecidedAtFivePercentUnderClamp();
        var r = Settler.Settle(clamped, facts);
        var t03 = r.StaffMember("T03");
        Assert.Equal(Money.Round(90m * 10 / 100), Samples.Deducted(Samples.InMonth(t03, 2025, 4), "complaint")); // decided 5 % → 10 %: 90 × 10/100 = 9.00
        Assert.Contains(r.Findings, f => f.Code == "deduction-out-of-range" && f.Subject == "T03");
        Assert.Equal(Money.Of(240m - 15 - 9), t03.Net);              // 240 − 24 = 216.00
    }

    [Fact]
    public void IncidentDecidedAtHalf_CostsHalfOfTheWholeTerm()
    {
        var t04 = R.StaffMember("T04");
        Assert.All(t04.Months, m => Assert.Equal(Money.Zero, m.DeductionTotal));
        var term = Assert.Single(t04.TermDeductions);
        Assert.Equal("incident", term.RuleId);
        Assert.Equal(Money.Round((100m + 60) * 50 / 100), term.Amount); // term base 160 × 50/100 = 80.00
        Assert.Equal(Money.Of(160m - 80), t04.Net);                  // 80.00
    }

    // ---- Ledger ----

    [Fact]
    public void Ledger_ShowsFeesPayStipendsAdminDutyDeductionsAndConsumables()
    {
        var l = R.Ledger;
        Assert.Equal(Money.Of(4 * 600m), Samples.Line(l.Income, "fees"));          // 2400.00
        Assert.Equal(Money.Of(-(42m + 150 + 100 + 15 + 9 + 80)), Samples.Line(l.Expenditure, "deductions")); // −396.00
        Assert.Equal(Money.Of(150m), Samples.Line(l.Expenditure, "consumables"));
        Assert.Equal(Money.Of(2400m), l.TotalIncome);
        Assert.Equal(Money.Zero, l.TotalRefunds);
        Assert.Equal(Money.Of(800m + 200 + 80 - 396 + 150), l.TotalExpenditure);  // 834.00
        Assert.Equal(Money.Of(2400m - 834), l.BalanceBeforeSurplus);               // 1566.00
        Assert.Equal(Money.Zero, l.SurplusRefunded);                               // keep
        Assert.Equal(Money.Of(1566m), l.Balance);
    }

    // ---- Invariants ----

    [Fact]
    public void FamiliesPayable_AddUpToTheFeesIncomeLine() =>
        Assert.Equal(Money.Sum(R.Families.Select(f => f.Payable)), Samples.Line(R.Ledger.Income, "fees"));

    [Fact]
    public void StaffNetPlusExpenses_IsTheTotalExpenditure()
    {
        Assert.Equal(Money.Of(168m + 140 + 216 + 80 + 44.80m + 35.20m), Money.Sum(R.Staff.Select(s => s.Net))); // 684.00
        Assert.Equal(Money.Of(150m), Samples.ExpenseLines(R.Ledger));
        Assert.Equal(R.Ledger.TotalExpenditure, Money.Sum(R.Staff.Select(s => s.Net)) + Samples.ExpenseLines(R.Ledger));
    }

    [Fact]
    public void Income_IsRefundsPlusExpenditurePlusSurplusRefundedPlusBalance() =>
        Assert.Equal(R.Ledger.TotalIncome, R.Ledger.TotalRefunds + R.Ledger.TotalExpenditure + R.Ledger.SurplusRefunded + R.Ledger.Balance);

    [Fact]
    public void NoProblemIsReported_OnceTheComplaintIsCorrected() => Samples.AssertFindingCodes(R);
}
