using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using Compensation.Rules.Settlement;

namespace Compensation.Rules.Tests.Scenarios;

/// <summary>
/// 004 §11 with clamp: a month below the floor is paid floor × units, and the deductions and the ledger follow the
/// amount paid. Policy and facts written here; amounts worked out by hand below.
/// </summary>
public sealed class PayBoundClampScenario
{
    // 20 per lesson of 45 minutes, floor 60 per 40-minute lesson-hour, clamped. T1 gives 2 lessons on 2025-03-03 and
    // 1 on 2025-03-04; late on 03-04, which costs that day's lesson pay.
    // Units 3 × 45/40 = 3.375; limit 60 × 3.375 = 202.50 (computed 3 × 20 = 60.00); over 3 lessons of equal minutes:
    // 20250 fen ÷ 3 = 6750 each = 67.50. The late day's deduction is the 03-04 lesson as paid: 67.50.
    internal static readonly SchoolPolicy Policy = new()
    {
        School = "S",
        Plan = "P",
        Pay = new PayPolicy
        {
            Mode = PayMode.PerLesson,
            Rate = 20m,
            LessonHourMinutes = 40,
            Floor = new RateBound { Amount = 60m, Unit = RateUnit.LessonHour, Clamp = true, Clause = "004 §11" },
        },
        Deductions = new DeductionPolicy { Rules = [new DeductionRulePolicy { Id = "lateness", Kinds = ["late"], Each = DeductionEach.Day }] },
    };

    internal static readonly TermFacts Facts = new()
    {
        Term = new TermInfo("T", "S", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7)),
        Staff = [new StaffMember("T1", "教师", "E1", "teacher", false, null)],
        Lessons =
        [
            new LessonDelivered("L1", "T1", new DateOnly(2025, 3, 3), "1", 45, "g"),
            new LessonDelivered("L2", "T1", new DateOnly(2025, 3, 3), "2", 45, "g"),
            new LessonDelivered("L3", "T1", new DateOnly(2025, 3, 4), "1", 45, "g"),
        ],
        Conduct = [new ConductEvent("E1", "T1", new DateOnly(2025, 3, 4), "late", null, null, "")],
    };

    private static readonly Lazy<SettlementResult> Settled = new(() => Settler.Settle(Policy, Facts));

    [Fact]
    public void TheMonth_IsPaidTheFloorTimesItsLessonHours_AndTheDeductionAndLedgerFollow()
    {
        var r = Settled.Value;
        var t1 = r.StaffMember("T1");
        Assert.Equal(Money.Round(60m * 3 * 45 / 40), t1.LessonPay);                    // 60 × 3.375 = 202.50
        Assert.Equal(Money.Of(67.50m), t1.Deductions);                                 // 03-04: one lesson, 202.50 ÷ 3 = 67.50
        Assert.Equal(Money.Of(202.50m - 67.50m), t1.Net);                              // 135.00
        Assert.Equal(Money.Of(202.50m), Samples.Line(r.Ledger.Expenditure, "lesson-pay"));
        Assert.Equal(Money.Of(-67.50m), Samples.Line(r.Ledger.Expenditure, "deductions"));
        var finding = Assert.Single(r.Findings, f => f.Code == "pay-below-floor");
        Assert.Equal((Severity.Info, "T1"), (finding.Severity, finding.Subject));
        Assert.Contains("差额 142.50", finding.Message.Zh);                              // 202.50 − 60.00
    }
}
