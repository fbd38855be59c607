using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.RuleSets.Pay;
using static Compensation.Rules.Tests.Rules.RuleHarness;

namespace Compensation.Rules.Tests.Rules;

/// <summary>004 §11: 学校外聘的参与课后服务的社会专业人员，可根据相关审核备案的协议，支出有关劳务报酬.</summary>
public class ExternalStaffPayRuleTests
{
    [Fact]
    public void ExternalStaff_ArePaidTheirAgreement_EachTheirOwn()
    {
        // E1's agreement 1500.00, E2's 800.50: each is paid exactly that, from their own staff record.
        var e1 = new StaffMember("E1", "外聘1", "X1", "coach", true, Money.Of(1500m));
        var e2 = new StaffMember("E2", "外聘2", "X2", "coach", true, Money.Of(800.50m));
        var pays = Fire<ExternalPay>(new ExternalStaffPayRule(), e2, e1).OrderBy(p => p.StaffId).ToList();
        Assert.Equal([("E1", Money.Of(1500m)), ("E2", Money.Of(800.50m))], pays.Select(p => (p.StaffId, p.Amount)));
        Assert.Equal("pay.external:E1", pays[0].Id);
        Assert.Equal(["staff:E1"], pays[0].Provenance.SourceIds);
        Assert.Equal("按协议支付 1500.00", pays[0].Provenance.Explanation.Zh);
    }

    [Fact]
    public void OnlyExternalStaffWithAnAgreement_ArePaidByAgreement()
    {
        // A school teacher (not external) with an amount on file, and an external person with no agreement amount:
        // neither is paid by this rule.
        var teacher = new StaffMember("T1", "教师1", "E1", "teacher", false, Money.Of(300m));
        var noAgreement = new StaffMember("E9", "外聘9", "X9", "coach", true, null);
        Assert.Empty(Fire(new ExternalStaffPayRule(), teacher, noAgreement));
    }
}
