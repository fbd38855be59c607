using System.Text;
using Compensation.Rules.Facts.Loading;

namespace Compensation.Rules.Tests.Loading;

public class InMemoryFilesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void FilesHeldInMemory_LoadTheSameFactsAsTheFolder()
    {
        var folder = Path.Combine(Root, "rules-samples", "p4-001-flat-600", "facts");
        var files = Directory.GetFiles(folder, "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var fromFolder = FactsLoader.LoadFolder(folder);
        var fromMemory = FactsLoader.LoadFiles(files);
        Assert.Equal(fromFolder.All().Select(f => f.Id), fromMemory.All().Select(f => f.Id));
        Assert.Equal(fromFolder.Enrolments, fromMemory.Enrolments, (a, b) => a.StudentId == b.StudentId && a.Name == b.Name && a.LastDay == b.LastDay);
    }

    [Fact]
    public void RowsWrittenBackAsCsv_ReadAsTheSameText_QuotesCommasAndLineBreaksIncluded()
    {
        // The sample's conduct.csv has a note with a comma and a line break in it.
        var files = SampleFacts.Csv().ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value));
        var errors = new List<InputError>();
        var source = FactsLoader.ReadFiles(files, errors);
        Assert.Empty(errors);

        foreach (var kind in FactKinds.Lists)
        {
            var written = FactsCsv.Write(kind, source.RowsOf(kind));
            var again = FactsLoader.ReadFiles(new Dictionary<string, byte[]>(files) { [kind.CsvName] = written }, errors).RowsOf(kind);
            Assert.Empty(errors);
            Assert.Equal(
                source.RowsOf(kind).Select(r => string.Join("|", kind.Columns.Select(c => r.Get(c) ?? "∅"))),
                again.Select(r => string.Join("|", kind.Columns.Select(c => r.Get(c) ?? "∅"))));
        }

        Assert.Equal("did not come,\nno notice", FactsLoader.ReadFiles(files, errors).RowsOf(FactKinds.Conduct)[0].Get("note"));
    }

    [Fact]
    public void AJsonBatch_HasNoTerm_AndNamesItsPaths()
    {
        var errors = new List<InputError>();
        var batch = FactsLoader.ReadJsonBatch("b.json", Encoding.UTF8.GetBytes("{\n \"term\": {},\n \"lessons\": [{\"lesson_id\": \"L9\", \"minutes\": 40}]\n}"), errors);

        var error = Assert.Single(errors);
        Assert.Equal(("b.json", 2, "$.term"), (error.File, error.Line, error.Field));
        var row = Assert.Single(batch!.RowsOf(FactKinds.Lessons));
        Assert.Equal(("L9", "40", 3), (row.Get("lesson_id"), row.Get("minutes"), row.Line));
        Assert.Equal("L9", FactKinds.Lessons.KeyOf(row));
    }

    /// <summary>Clients generated from the OpenAPI document send a list or part they leave out as null.</summary>
    [Fact]
    public void ANullListOrPart_OfABatchOrCorrection_IsOneLeftOut()
    {
        var errors = new List<InputError>();
        var batch = FactsLoader.ReadJsonBatch("b.json", Encoding.UTF8.GetBytes("{\"attendance\": null, \"lessons\": [{\"lesson_id\": \"L9\", \"staff_id\": \"T1\", \"date\": \"2025-03-17\", \"minutes\": 40}]}"), errors);
        Assert.Empty(errors);
        Assert.False(batch!.Lists.ContainsKey(FactKinds.Attendance));
        Assert.Single(batch.RowsOf(FactKinds.Lessons));

        var correction = FactCorrections.Read("c.json", Encoding.UTF8.GetBytes("{\"reason\": \"复议\", \"replace\": null, \"remove\": {\"lessons\": null, \"conduct\": [\"C04\"]}}"), errors);
        Assert.Empty(errors);
        Assert.Empty(correction!.Replace!.Lists);
        var removed = Assert.Single(correction.Remove);
        Assert.Equal((FactKinds.Conduct, "C04"), (removed.Key, Assert.Single(removed.Value).Id));

        var noRemovals = FactCorrections.Read("c.json", Encoding.UTF8.GetBytes("{\"reason\": \"复议\", \"remove\": null}"), errors);
        Assert.Empty(errors);
        Assert.Empty(noRemovals!.Remove);
    }

    [Fact]
    public void AMisspeltFileName_IsAnError_NotIgnored()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["term.csv"] = Encoding.UTF8.GetBytes("term_id,school,start,end\nT,S,2025-03-03,2025-03-28\n"),
            ["lesson.csv"] = Encoding.UTF8.GetBytes("lesson_id,staff_id,date,minutes\n"),
        };
        var ex = Assert.Throws<InputException>(() => FactsLoader.LoadFiles(files));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("lesson.csv", 0), (error.File, error.Line));
        Assert.StartsWith("not a facts file", error.Message);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
