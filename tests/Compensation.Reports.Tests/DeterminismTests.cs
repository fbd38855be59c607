using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

/// <summary>The same settlement gives the same bytes: no clock, no random ids, no random font-subset tags.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void TheNotice_IsByteIdentical(string name)
    {
        var s = Samples.Get(name);
        var first = Render.Pdf.PublicNotice(s.Settlement, s.Policy, Render.Notice(s));
        var second = Render.Pdf.PublicNotice(s.Settlement, s.Policy, Render.Notice(s));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Statements_AndTheRegister_AreByteIdentical()
    {
        var s = Samples.Get(Samples.Yongqiao);
        Assert.Equal(Render.Pdf.StaffStatement(s.Settlement, s.Policy, "T01", s.Facts.Conduct), Render.Pdf.StaffStatement(s.Settlement, s.Policy, "T01", s.Facts.Conduct));
        Assert.Equal(Render.Pdf.FamilyStatement(s.Settlement, s.Policy, "S06"), Render.Pdf.FamilyStatement(s.Settlement, s.Policy, "S06"));
        Assert.Equal(Render.Pdf.FamilyRegister(s.Settlement, s.Policy), Render.Pdf.FamilyRegister(s.Settlement, s.Policy));
    }

    [Fact]
    public void TheSameNotice_FromASeparatelyLoadedSettlement_IsByteIdentical()
    {
        // A fresh load and settlement of the same files: nothing may depend on object identity or on what was rendered before.
        var cached = Samples.Get(Samples.Yongqiao);
        var root = Samples.RepositoryRoot();
        var folder = Path.Combine(root, "rules-samples", Samples.Yongqiao);
        var policy = Rules.Policy.Loading.PolicyLoader.LoadFile(Path.Combine(folder, "policy.yaml"));
        var facts = Rules.Facts.Loading.FactsLoader.LoadFolder(Path.Combine(folder, "facts"));
        var fresh = Rules.Settlement.Settler.Settle(policy, facts);
        Assert.Equal(
            Render.Pdf.PublicNotice(cached.Settlement, cached.Policy, Render.Notice(cached)),
            Render.Pdf.PublicNotice(fresh, policy, Render.Notice(cached)));
    }

    [Fact]
    public void TheWorkbook_IsByteIdentical()
    {
        var s = Samples.Get(Samples.Yongqiao);
        var first = AccountantWorkbook.Build(s.Settlement, s.Policy);
        Thread.Sleep(1100); // the zip format stores times to 2 s; a clock in the package would show
        var second = AccountantWorkbook.Build(s.Settlement, s.Policy);
        Assert.Equal(first, second);
    }
}
