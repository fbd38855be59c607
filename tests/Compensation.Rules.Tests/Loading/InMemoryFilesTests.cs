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
