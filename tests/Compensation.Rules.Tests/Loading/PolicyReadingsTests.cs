using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Rules.Tests.Loading;

/// <summary>The readings a plan is stored with: written and read back whole, applied only to keys the plan leaves out.</summary>
public class PolicyReadingsTests
{
    [Fact]
    public void TheCurrentAndTheEarlierReadings_ReadBackAsWritten()
    {
        Assert.Equal(PolicyReadings.Current, PolicyReadings.FromJson(PolicyReadings.Current.ToJson()));
        Assert.Equal(PolicyReadings.Earlier, PolicyReadings.FromJson(PolicyReadings.Earlier.ToJson()));
        Assert.NotEqual(PolicyReadings.Current.ToJson(), PolicyReadings.Earlier.ToJson());
    }

    [Fact]
    public void StoredReadingsWithAKeyMissing_AreRefusedNamingTheKeys()
    {
        var json = PolicyReadings.Current.ToJson().Replace("\"pay.pool_fees\":\"billed\",", "", StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => PolicyReadings.FromJson(json));

        Assert.Contains("pay.pool_fees", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThePlanStates_IsNeverTakenFromTheReadings()
    {
        const string plan = """
            school: 示例小学
            plan: 方案
            refunds:
              absence: { min_weeks: 2 }
            stipends:
              admin_duty_share: { percent: 8, lesson_value: 7, rounding: exact }
            deductions:
              out_of_range: refuse
              rules:
                - { id: lateness, kinds: [late], each: day, escalation: { at: 3, percent: 50, mode: add } }
            """;

        var policy = PolicyLoader.LoadText(plan, "policy.yaml", PolicyReadings.Earlier);

        Assert.Equal((2, (int?)null), (policy.Refunds.Absence!.MinWeeks, policy.Refunds.Absence.MinServiceDays));
        Assert.Equal(AdminDutyRounding.Exact, policy.Stipends.AdminDutyShare!.Rounding);
        Assert.Equal(DecidedOutOfRange.Refuse, policy.Deductions.OutOfRange);
        Assert.Equal(EscalationMode.Add, policy.Deductions.Rules[0].Escalation!.Mode);
    }

    [Fact]
    public void AKeyThePlanLeavesOut_TakesTheReadingsValue()
    {
        const string plan = """
            school: 示例小学
            plan: 方案
            refunds:
              absence: {}
            deductions:
              rules:
                - { id: lateness, kinds: [late], each: day, escalation: { at: 3, percent: 50 } }
            """;

        var today = PolicyLoader.LoadText(plan, "policy.yaml");
        var earlier = PolicyLoader.LoadText(plan, "policy.yaml", PolicyReadings.Earlier);

        // 连续一周以上: one week today; 6 consecutive service days as read before.
        Assert.Equal((1, (int?)null), (today.Refunds.Absence!.MinWeeks, today.Refunds.Absence.MinServiceDays));
        Assert.Equal(6, earlier.Refunds.Absence!.MinServiceDays);
        Assert.Equal(EscalationMode.GreaterOf, today.Deductions.Rules[0].Escalation!.Mode);
        Assert.Equal(EscalationMode.Replace, earlier.Deductions.Rules[0].Escalation!.Mode);
    }
}
