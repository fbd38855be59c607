using Compensation.Reports.Tests.Support;
using Compensation.Rules.Settlement;
using Compensation.Testing;

namespace Compensation.Reports.Tests;

/// <summary>
/// Each sample's outputs, byte for byte, against the committed record tests/baseline/samples/NAME.json: the
/// settlement JSON as `settle --out` writes it, and the files `documents SAMPLE --out DIR` writes (the notice dated
/// the term's last day and posted for a week, every staff and family statement, the workbook), by file name.
/// </summary>
public sealed class BaselineTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void EverySamplesOutputs_AreAsRecorded(string name)
    {
        var failure = Baseline.Check($"samples/{name}.json", Outputs(Samples.Get(name)));
        Assert.True(failure is null, failure);
    }

    [Fact]
    public void TheRecordedOutputs_AreTheSameOnASecondRender()
    {
        var s = Samples.Get(Samples.Yongqiao);
        Assert.Equal(Outputs(s), Outputs(s));
    }

    private static List<KeyValuePair<string, string>> Outputs(Sample s)
    {
        // The dates the documents command uses when it is given none (src/Api/Cli/DocumentsWriter.cs).
        var date = s.Settlement.TermEnd;
        var outputs = new List<KeyValuePair<string, string>>
        {
            new("settlement.json", Baseline.Sha256(SettlementJson.Serialize(s.Settlement))),
            new("notice.pdf", Baseline.Sha256(Render.Pdf.PublicNotice(s.Settlement, s.Policy, new NoticeDetails(date, date, date.AddDays(6))))),
        };
        outputs.AddRange(s.Settlement.Staff.Select(st => new KeyValuePair<string, string>(
            $"staff-{st.StaffId}.pdf", Baseline.Sha256(Render.Pdf.StaffStatement(s.Settlement, s.Policy, st.StaffId, s.Facts.Conduct)))));
        outputs.AddRange(s.Settlement.Families.Select(f => new KeyValuePair<string, string>(
            $"family-{f.StudentId}.pdf", Baseline.Sha256(Render.Pdf.FamilyStatement(s.Settlement, s.Policy, f.StudentId)))));
        outputs.Add(new("workbook.xlsx", Baseline.Sha256(AccountantWorkbook.Build(s.Settlement, s.Policy))));
        return outputs;
    }
}
