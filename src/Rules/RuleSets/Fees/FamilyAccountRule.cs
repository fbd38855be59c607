using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Fees;

/// <summary>A family's account before the surplus refund: payable, refunds, payments received.</summary>
[Name("fees.family-account")]
[Priority(Stage.FamilyAccount)]
[Title("家庭收费结算", "Family account")]
[Clause("002 §7 七2: 每学期末按实结算，多还少补")]
public sealed class FamilyAccountRule : SettlementRule
{
    public override void Define()
    {
        // A family's payable, refunds and payments, brought together by student (one group per family).
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is FeePayable || f is FeeRefund || f is FamilyPayment)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is FeePayable)));
        Then().Do(ctx => Account(Context(ctx), family.One<FeePayable>()!, family.Of<FeeRefund>(), family.Of<FamilyPayment>()));
    }

    private static void Account(RuleContext ctx, FeePayable p, List<FeeRefund> refunds, List<FamilyPayment> payments)
    {
        var refunded = Money.Sum(refunds.Select(r => r.Amount));
        var paid = Money.Sum(payments.Select(x => x.Amount));
        var net = p.Payable - refunded;
        IFact[] sources = [p, .. refunds, .. payments];
        ctx.Insert(new FamilyAccount(p.StudentId, p.Payable, refunded, paid), p.StudentId, sources, () => new Bilingual(
            $"应缴 {Y(p.Payable)} − 退费 {Y(refunded)} = {Y(net)}；已缴 {Y(paid)}",
            $"payable {Y(p.Payable)} − refunds {Y(refunded)} = {Y(net)}; paid {Y(paid)}"));
    }
}
