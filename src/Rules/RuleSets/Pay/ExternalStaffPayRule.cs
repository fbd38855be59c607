using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>004 §11: 外聘的社会专业人员，可根据相关审核备案的协议，支出有关劳务报酬.</summary>
[Name("pay.external")]
[Priority(Stage.Inputs)]
[Title("外聘人员劳务报酬", "External staff pay")]
[Clause("004 §11")]
public sealed class ExternalStaffPayRule : SettlementRule
{
    public override void Define()
    {
        StaffMember s = null!;
        When().Match(() => s, s => s.External && s.AgreementAmount != null);
        Then().Do(ctx => PayAgreement(Context(ctx), s));
    }

    private static void PayAgreement(RuleContext ctx, StaffMember s)
    {
        var amount = s.AgreementAmount!.Value;
        ctx.Insert(new ExternalPay(s.StaffId, amount), s.StaffId, [s], new Bilingual(
            $"按协议支付 {Y(amount)}", $"paid {Y(amount)} per the signed agreement"));
    }
}
