using Compensation.Reports.Tests.Support;

namespace Compensation.Reports.Tests;

public sealed class FontTests : IDisposable
{
    private readonly string empty = Directory.CreateTempSubdirectory("compensation-fonts-").FullName;

    public void Dispose() => Directory.Delete(empty, recursive: true);

    [Fact]
    public void AnEmptyFontFolder_FailsWithTheFontsNameAndHowToInstallIt()
    {
        var error = Assert.Throws<ReportFontNotFoundException>(() => new ReportFontResolver(empty));
        Assert.Contains("LXGW WenKai", error.Message);
        Assert.Contains("LXGWWenKai-Regular.ttf", error.Message);
        Assert.Contains("apt-get install fonts-lxgw-wenkai", error.Message);
        Assert.Contains("COMPENSATION_FONT_DIR", error.Message);
        Assert.Contains(empty, error.Message);
        Assert.Equal([empty], error.Searched);
    }

    [Fact]
    public void TheRenderer_FailsTheSameWay_BeforeTouchingPdfSharp()
    {
        Assert.Throws<ReportFontNotFoundException>(() => new PdfReports(new ReportFontResolver(empty)));
    }

    [Fact]
    public void AFolderWithTheFonts_IsSearchedWithItsSubfolders()
    {
        var installed = new ReportFontResolver();
        var parent = Path.GetDirectoryName(Path.GetDirectoryName(installed.RegularPath))!;
        var found = new ReportFontResolver(parent);
        Assert.Equal(installed.RegularPath, found.RegularPath);
        Assert.Equal(installed.BoldPath, found.BoldPath);
        Assert.NotNull(found.GetFont(found.ResolveTypeface("LXGW WenKai", isBold: true, isItalic: false)!.FaceName));
    }

    [Fact]
    public void ResolvingTheSameFilesTwice_IsAllowed_ButOtherFilesAreRefused()
    {
        _ = Render.Pdf;
        var installed = new ReportFontResolver();
        _ = new PdfReports(new ReportFontResolver(Path.GetDirectoryName(installed.RegularPath)));

        var copy = Directory.CreateTempSubdirectory("compensation-fonts-copy-").FullName;
        try
        {
            File.Copy(installed.RegularPath, Path.Combine(copy, "LXGWWenKai-Regular.ttf"));
            File.Copy(installed.BoldPath, Path.Combine(copy, "LXGWWenKai-Bold.ttf"));
            var error = Assert.Throws<InvalidOperationException>(() => new PdfReports(new ReportFontResolver(copy)));
            Assert.Contains("already uses the report fonts", error.Message);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

/// <summary>Changes an environment variable of the whole process, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class FontEnvironmentTests
{
    [Fact]
    public void TheEnvironmentVariable_NamesTheOnlyFolderSearched()
    {
        var empty = Directory.CreateTempSubdirectory("compensation-fonts-env-").FullName;
        var before = Environment.GetEnvironmentVariable(ReportFontResolver.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ReportFontResolver.EnvironmentVariable, empty);
            var error = Assert.Throws<ReportFontNotFoundException>(() => new ReportFontResolver());
            Assert.Equal([empty], error.Searched);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ReportFontResolver.EnvironmentVariable, before);
            Directory.Delete(empty, recursive: true);
        }
    }
}
