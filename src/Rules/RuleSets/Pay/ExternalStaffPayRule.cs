using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Pay;

/// <summary>004 §11: 外聘的社会专业人员，可根据相关审核备案的协议，支出有关劳务报酬.</summary>
[Rule("pay.external", Priority = 90)]
[Title("外聘人员劳务报酬", "External staff pay")]
[Clause("004 §11")]
public sealed class ExternalStaffPayRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<ExternalPay>();
        rule.Match<StaffMember>(static s => s.External && s.AgreementAmount is not null).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, s) =>
            ctx.Insert(new ExternalPay(s.StaffId, s.AgreementAmount!.Value), s.StaffId, [s], new Bilingual(
                $"按协议支付 {Y(s.AgreementAmount!.Value)}", $"paid {Y(s.AgreementAmount!.Value)} per the signed agreement")));
    }
}
