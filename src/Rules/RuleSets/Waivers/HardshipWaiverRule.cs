using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Engine.Authoring;
using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Policy;
using static Compensation.Rules.RuleSets.Text;

namespace Compensation.Rules.RuleSets.Waivers;

/// <summary>
/// 002 §1 一(一), 001 篇四, 004 §10: hardship families (低保, 建档立卡, …) are waived all or part of
/// what they would pay after the subsidy, only with an approval. An approval in a category the plan
/// does not name, or above its ceiling, is a finding and waives nothing beyond what the plan allows.
/// </summary>
[Rule("waivers.hardship", Priority = 60)]
[Title("困难学生减免", "Hardship waiver")]
[Clause("004 §10")]
public sealed class HardshipWaiverRule(WaiverPolicy waivers) : Rule
{
    protected override void Define(RuleBuilder rule)
    {
        rule.Produces<FeePayable>().Produces<FindingFact>();
        rule.Reads<HardshipApproval>();
        rule.Match<CappedFee>().Join<SubsidyShare, string>(static f => f.StudentId, static s => s.StudentId).Then([MethodImpl(MethodImplOptions.AggressiveOptimization)] (ctx, f, subsidy) =>
        {
            var beforeWaiver = f.AfterCap - subsidy.Amount;
            var approvals = ctx.Where<HardshipApproval>(static a => a.StudentId, f.StudentId);
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
        });
    }

    private static void Finding(Engine.Model.IRuleContext ctx, HardshipApproval a, string code, string zh, string en) =>
        ctx.Insert(new FindingFact(code, Severity.Error, a.StudentId, new Bilingual(zh, en)), code + ":" + a.ApprovalId, [a], new Bilingual(zh, en));
}
