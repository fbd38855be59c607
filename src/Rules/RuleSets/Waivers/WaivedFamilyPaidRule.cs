using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Waivers;

/// <summary>A fully waived family is never charged: money it paid anyway is flagged so it is returned.</summary>
[Rule("waivers.never-charged", Priority = 40)]
[Title("减免学生不得收费", "Waived family never charged")]
[Clause("002 §1 一(一)")]
public sealed class WaivedFamilyPaidRule : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FindingFact>();
        rule.Match<FamilyAccount>(static a => a.Paid.Yuan > 0m)
            .Join<FeePayable, string>(static a => a.StudentId, static p => p.StudentId, static p => p.WaiverPercent == 100m)
            .Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, account, payable) =>
            {
                var message = new Bilingual(
                    $"全额减免学生 {account.StudentId} 已缴 {Y(account.Paid)}，应全部退还",
                    $"fully waived student {account.StudentId} paid {Y(account.Paid)}, which must all be returned");
                ctx.Insert(new FindingFact("waived-student-charged", Severity.Error, account.StudentId, message), account.StudentId, [account, payable], message);
            });
    }
}
