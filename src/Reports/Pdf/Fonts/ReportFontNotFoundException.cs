namespace Compensation.Reports;

/// <summary>The report font is not installed where it was looked for; the message says how to install it.</summary>
public sealed class ReportFontNotFoundException : Exception
{
    public ReportFontNotFoundException(string family, IReadOnlyList<string> files, IReadOnlyList<string> searched)
        : base(Describe(family, files, searched))
    {
        Family = family;
        Searched = searched;
    }

    public string Family { get; }

    public IReadOnlyList<string> Searched { get; }

    private static string Describe(string family, IReadOnlyList<string> files, IReadOnlyList<string> searched) =>
        $"The PDF reports need the font {family} (霞鹜文楷: {string.Join(", ", files)}), which was not found in "
        + (searched.Count == 0 ? "any font folder" : string.Join(", ", searched))
        + $". Install it with `apt-get install fonts-lxgw-wenkai` (Debian/Ubuntu), or set {ReportFontResolver.EnvironmentVariable} "
        + "to the folder that holds the .ttf files. / 未找到 PDF 报表所需字体 霞鹜文楷：请执行 apt-get install fonts-lxgw-wenkai，"
        + $"或将环境变量 {ReportFontResolver.EnvironmentVariable} 设为字体文件所在目录。";
}
