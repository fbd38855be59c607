using Compensation.Rules.Domain;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Deductions;

/// <summary>
/// A review event of a kind none of the plan's review rules covers deducts nothing; it is reported so
/// that the accountant either corrects the event or knows the plan does not sanction it.
/// </summary>
[Name("deductions.uncovered-kind")]
[Priority(Stage.Deductions)]
[Title("考核事项不在方案中", "Review event the plan does not cover")]
[Clause("002 §1 二(四)")]
public sealed class UncoveredConductRule(IReadOnlySet<string> coveredKinds) : SettlementRule
{
    public override void Define()
    {
        var covered = coveredKinds;
        ConductEvent e = null!;
        When().Match(() => e, e => !covered.Contains(e.Kind));
        Then().Do(ctx => Report(Context(ctx), e));
    }

    private static void Report(RuleContext ctx, ConductEvent e)
    {
        var message = new Bilingual(
            $"{D(e.Date)} {KindZh(e.Kind)}（{e.EventId}）：方案没有相应的考核扣除规定，未扣除",
            $"{D(e.Date)} {e.Kind} ({e.EventId}): the plan has no review rule for this kind; nothing deducted");
        ctx.Insert(new FindingFact("conduct-kind-not-in-plan", Severity.Warning, e.StaffId, message), e.EventId, [e], message);
    }
}
