using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Tests.Scenarios;

namespace Compensation.Rules.Tests.Loading;

public class PolicyParametersTests
{
    private static readonly string Yongqiao = File.ReadAllText(Path.Combine(Samples.RepoRoot, "rules-samples", "yongqiao-002-s1", "policy.yaml"));

    [Fact]
    public void AFeeChanged_IsThatFee_AndEverythingElseIsAsThePlanSays()
    {
        var changed = PolicyLoader.LoadText(PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?> { ["fees.term_fee"] = 300m }), "p");
        var plan = PolicyLoader.LoadText(Yongqiao, "p");

        Assert.Equal(300m, changed.Fees.TermFee);
        Assert.Equal(350m, plan.Fees.TermFee);
        Assert.Equal(plan.Fees.Cap!.PerTerm, changed.Fees.Cap!.PerTerm); // 350, untouched
        Assert.Equal(plan.Refunds.Absence!.MinWeeks, changed.Refunds.Absence!.MinWeeks);
    }

    [Fact]
    public void SeveralParameters_ListsAndTexts_AreSet()
    {
        var changed = PolicyLoader.LoadText(PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?>
        {
            ["refunds.absence.min_weeks"] = 2,
            ["refunds.absence.statuses"] = new List<object?> { "absent" },
            ["fees.clause"] = "002 §1 一(一) 修订",
        }), "p");

        Assert.Equal(2, changed.Refunds.Absence!.MinWeeks);
        Assert.Equal(["absent"], changed.Refunds.Absence!.Statuses); // the plan says [absent, leave]
        Assert.Equal("002 §1 一(一) 修订", changed.Fees.Clause);
    }

    [Fact]
    public void TheThresholdInServiceDays_IsSetByTakingMinWeeksOut()
    {
        var changed = PolicyLoader.LoadText(PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?>
        {
            ["refunds.absence.min_weeks"] = null,
            ["refunds.absence.min_service_days"] = 6,
        }), "p");

        Assert.Equal(6, changed.Refunds.Absence!.MinServiceDays);
    }

    [Fact]
    public void ANullParameter_TakesTheKeyOut()
    {
        var changed = PolicyLoader.LoadText(PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?> { ["fees.cap"] = null }), "p");

        Assert.Null(changed.Fees.Cap);
    }

    [Fact]
    public void ANullParameter_UnderASectionThePlanLacks_ChangesNothing()
    {
        var flat = File.ReadAllText(Path.Combine(Samples.RepoRoot, "rules-samples", "p4-001-flat-600", "policy.yaml"));
        Assert.Null(PolicyLoader.LoadText(flat, "p").Fees.Cap); // that plan has no cap

        var changed = PolicyLoader.LoadText(PolicyParameters.Apply(flat, new Dictionary<string, object?> { ["fees.cap.per_term"] = null }), "p");

        Assert.Null(changed.Fees.Cap);
    }

    [Fact]
    public void APathThroughAValue_OrWithAnEmptyKey_IsNamedInTheError()
    {
        var e = Assert.Throws<InputException>(() => PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?> { ["fees.term_fee.amount"] = 1m, ["fees..mode"] = "x" }));

        Assert.Contains(e.Errors, x => x.Field == "parameters.fees.term_fee.amount" && x.Message.Contains("fees.term_fee is a value", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Field == "parameters.fees..mode");
    }

    [Fact]
    public void AChangedValueThePolicyCannotTake_IsRefusedByTheLoader_NamingTheField()
    {
        var text = PolicyParameters.Apply(Yongqiao, new Dictionary<string, object?> { ["fees.term_fee"] = "three hundred" });

        var e = Assert.Throws<InputException>(() => PolicyLoader.LoadText(text, "p"));
        Assert.Contains(e.Errors, x => x.Field == "fees.term_fee");
    }
}
