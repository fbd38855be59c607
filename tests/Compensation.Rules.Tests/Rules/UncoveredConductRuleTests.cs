using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets.Deductions;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>
/// 002 §1 二(四): the plan's review deductions. An event of a kind none of the plan's review rules covers deducts
/// nothing and is reported.
/// </summary>
public class UncoveredConductRuleTests
{
    private static ConductEvent Event(string id, string staff, int day, string kind, decimal? percent = null) =>
        new(id, staff, new DateOnly(2025, 3, day), kind, percent, null, "");

    [Fact]
    public void AnIncidentInAPlanWithoutAnIncidentRule_IsReportedAndDeductsNothing()
    {
        var derived = Fire(new UncoveredConductRule(new HashSet<string> { "late" }), Event("E1", "T1", 4, "incident", 60m));
        var finding = Assert.IsType<FindingFact>(Assert.Single(derived));
        Assert.Equal(("conduct-kind-not-in-plan", Severity.Warning, "T1"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Equal("2025-03-04 安全事故处理不当（E1）：方案没有相应的考核扣除规定，未扣除", finding.Message.Zh);
        Assert.Equal("deductions.uncovered-kind:E1", finding.Id);
        Assert.Equal(["conduct:E1"], finding.Provenance.SourceIds);
    }

    [Fact]
    public void EventsOfKindsThePlanCovers_AreNotReported() =>
        Assert.Empty(Fire(new UncoveredConductRule(new HashSet<string> { "late", "handover" }), Event("E1", "T1", 4, "late"), Event("E2", "T1", 5, "handover")));

    [Fact]
    public void EachUncoveredEvent_IsReportedOnItsOwnStaffMember()
    {
        // The plan covers lateness only: T1's complaint and T2's no-show are two findings, each on its own staff
        // member; T2's lateness is covered and not reported.
        var findings = Fire<FindingFact>(new UncoveredConductRule(new HashSet<string> { "late" }),
            Event("E3", "T2", 6, "late"), Event("E2", "T2", 5, "no-show"), Event("E1", "T1", 4, "complaint", 20m)).OrderBy(f => f.Id).ToList();
        Assert.Equal([("deductions.uncovered-kind:E1", "T1"), ("deductions.uncovered-kind:E2", "T2")], findings.Select(f => (f.Id, f.Subject)));
        Assert.Contains("无故空堂", findings[1].Message.Zh);
    }
}
