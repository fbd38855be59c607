using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using NRules.Fluent.Dsl;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Waivers;

/// <summary>
/// 002 §1 一(一), 001 篇四, 004 §10: hardship families (低保, 建档立卡, …) are waived all or part of
/// what they would pay after the subsidy, only with an approval. An approval in a category the plan
/// does not name, or above its ceiling, is a finding and waives nothing beyond what the plan allows.
/// </summary>
[Name("waivers.hardship")]
[Priority(Stage.Payable)]
[Title("困难学生减免", "Hardship waiver")]
[Clause("004 §10")]
public sealed class HardshipWaiverRule(WaiverPolicy waivers) : SettlementRule
{
    public override void Define()
    {
        // A family's capped fee, subsidy share and hardship approvals, brought together by student
        // (one group per family with both a fee and a subsidy share).
        IGrouping<string, IStudentFact> family = null!;
        When().Query(() => family, q => q
            .Match<IStudentFact>(f => f is CappedFee || f is SubsidyShare || f is HardshipApproval)
            .GroupBy(f => f.StudentId)
            .Where(g => g.Any(f => f is CappedFee) && g.Any(f => f is SubsidyShare)));
        Then().Do(ctx => Waive(Context(ctx), family.One<CappedFee>()!, family.One<SubsidyShare>()!, family.Of<HardshipApproval>()));
    }

    private void Waive(RuleContext ctx, CappedFee f, SubsidyShare subsidy, List<HardshipApproval> approvals)
    {
        var beforeWaiver = f.AfterCap - subsidy.Amount;
        HardshipApproval? applied = null;
        decimal percent = 0m;
        foreach (var a in approvals)
        {
            if (!waivers.Categories.TryGetValue(a.Category, out var category))
            {
                Finding(ctx, a, "waiver-unknown-category",
                    $"减免类别 '{a.Category}' 不在本方案中，未减免", $"waiver category '{a.Category}' is not in this plan; nothing waived");
                continue;
            }

            var allowed = Math.Min(a.WaiverPercent, category.MaxPercent);
            if (allowed < a.WaiverPercent)
            {
                Finding(ctx, a, "waiver-above-maximum",
                    $"减免比例 {N(a.WaiverPercent)}% 超过 {category.NameZh} 上限 {N(category.MaxPercent)}%，按上限减免",
                    $"waiver {N(a.WaiverPercent)}% above the {a.Category} maximum of {N(category.MaxPercent)}%; the maximum is applied");
            }

            if (applied is null || allowed > percent)
            {
                applied = a;
                percent = allowed;
            }
        }

        if (approvals.Count > 1)
        {
            Finding(ctx, approvals[0], "waiver-several-approvals",
                $"学生 {f.StudentId} 有 {N(approvals.Count)} 条减免批准，按最高 {N(percent)}% 减免",
                $"student {f.StudentId} has {N(approvals.Count)} waiver approvals; the highest, {N(percent)}%, is applied");
        }

        var waived = Money.Round(beforeWaiver.Yuan * percent / 100m);
        var payable = beforeWaiver - waived;
        Func<Bilingual> sentence = applied is null
            ? () => new Bilingual($"{Y(f.AfterCap)} − 补贴 {Y(subsidy.Amount)} = 应缴 {Y(payable)}（无减免）",
                $"{Y(f.AfterCap)} − subsidy {Y(subsidy.Amount)} = payable {Y(payable)} (no waiver)")
            : () => new Bilingual($"{Y(f.AfterCap)} − 补贴 {Y(subsidy.Amount)} = {Y(beforeWaiver)}；减免 {Y(beforeWaiver)} × {N(percent)}% = {Y(waived)}；应缴 {Y(payable)}",
                $"{Y(f.AfterCap)} − subsidy {Y(subsidy.Amount)} = {Y(beforeWaiver)}; waived {Y(beforeWaiver)} × {N(percent)}% = {Y(waived)}; payable {Y(payable)}");
        ctx.Insert(new FeePayable(f.StudentId, f.Charged, f.CapReduction, subsidy.Amount, waived, payable, applied?.Category, percent),
            f.StudentId, [f, subsidy, .. approvals], sentence);
    }

    private static void Finding(RuleContext ctx, HardshipApproval a, string code, string zh, string en) =>
        ctx.Insert(new FindingFact(code, Severity.Error, a.StudentId, new Bilingual(zh, en)), code + ":" + a.ApprovalId, [a], new Bilingual(zh, en));
}
