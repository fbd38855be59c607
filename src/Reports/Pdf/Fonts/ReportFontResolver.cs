using Compensation.Reports.Pdf;
using PdfSharp.Fonts;

namespace Compensation.Reports;

/// <summary>
/// Gives PDFsharp the one typeface the reports use, LXGW WenKai (霞鹜文楷): a TrueType font with
/// both CJK and Latin glyphs, so Chinese, digits and English all come from the same font and
/// extract as text. The files are found when the resolver is built, so a missing font fails at
/// once with <see cref="ReportFontNotFoundException"/> instead of deep inside a rendering.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    /// <summary>The family name the documents ask for.</summary>
    public const string FamilyName = "LXGW WenKai";

    /// <summary>A folder holding the .ttf files; when set, only this folder is searched.</summary>
    public const string EnvironmentVariable = "COMPENSATION_FONT_DIR";

    internal const string RegularFile = "LXGWWenKai-Regular.ttf";
    internal const string BoldFile = "LXGWWenKai-Bold.ttf";

    private const string RegularFace = "LXGWWenKai-Regular";
    private const string BoldFace = "LXGWWenKai-Bold";

    private readonly Lazy<byte[]> regular;
    private readonly Lazy<byte[]> bold;

    /// <param name="fontDirectory">
    /// The folder with LXGWWenKai-Regular.ttf and LXGWWenKai-Bold.ttf (searched with its subfolders).
    /// Null: the folder named by COMPENSATION_FONT_DIR, or else the usual font folders of the system.
    /// </param>
    public ReportFontResolver(string? fontDirectory = null)
    {
        var configured = string.IsNullOrWhiteSpace(fontDirectory) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : fontDirectory;

        // A folder someone named is the only place looked at: silently using another copy would hide the mistake.
        IReadOnlyList<string> folders = string.IsNullOrWhiteSpace(configured) ? FontFolders.SystemFolders() : [configured];
        var regularPath = FontFolders.Find(folders, RegularFile);
        var boldPath = FontFolders.Find(folders, BoldFile);
        if (regularPath is null || boldPath is null)
        {
            throw new ReportFontNotFoundException(FamilyName, [RegularFile, BoldFile], folders);
        }

        RegularPath = regularPath;
        BoldPath = boldPath;
        regular = new Lazy<byte[]>(() => File.ReadAllBytes(RegularPath));
        bold = new Lazy<byte[]>(() => File.ReadAllBytes(BoldPath));
    }

    public string RegularPath { get; }

    public string BoldPath { get; }

    /// <summary>Every family resolves to WenKai: the reports use no other, and a fallback font could lack the CJK glyphs.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => regular.Value,
        BoldFace => bold.Value,
        _ => null,
    };

    internal bool UsesSameFilesAs(ReportFontResolver other) =>
        string.Equals(RegularPath, other.RegularPath, StringComparison.Ordinal) && string.Equals(BoldPath, other.BoldPath, StringComparison.Ordinal);
}
