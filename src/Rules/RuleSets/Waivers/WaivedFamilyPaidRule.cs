using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Waivers;

/// <summary>A fully waived family is never charged: money it paid anyway is flagged so it is returned.</summary>
[Name("waivers.never-charged")]
[Priority(Stage.FamilyChecks)]
[Title("减免学生不得收费", "Waived family never charged")]
[Clause("002 §1 一(一)")]
public sealed class WaivedFamilyPaidRule : SettlementRule
{
    public override void Define()
    {
        // A family that paid something and was waived in full, its account and payable brought together by student.
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f =>
                (f is FamilyAccount && ((FamilyAccount)f).Paid.Yuan > 0m) ||
                (f is FeePayable && ((FeePayable)f).WaiverPercent == 100m))
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is FamilyAccount) && g.Any(f => f is FeePayable)));
        Then().Do(ctx => Flag(Context(ctx), family.One<FamilyAccount>()!, family.One<FeePayable>()!));
    }

    private static void Flag(RuleContext ctx, FamilyAccount account, FeePayable payable)
    {
        var message = new Bilingual(
            $"全额减免学生 {account.StudentId} 已缴 {Y(account.Paid)}，应全部退还",
            $"fully waived student {account.StudentId} paid {Y(account.Paid)}, which must all be returned");
        ctx.Insert(new FindingFact("waived-student-charged", Severity.Error, account.StudentId, message), account.StudentId, [account, payable], message);
    }
}
