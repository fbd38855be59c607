using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Compensation.Api.Features.Pages;

/// <summary>
/// The committee pages' HTML: one layout (viewport meta, inline CSS, no script, nothing fetched from
/// elsewhere) and the helpers every page writes with. Every piece of text goes through
/// <see cref="Encode"/>; Chinese stays readable in the source (all Unicode ranges are allowed, the
/// HTML-special characters are still escaped).
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan BeijingTime = TimeSpan.FromHours(8);

    /// <summary>Text or an attribute value, HTML-encoded.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A path segment, escaped for a URL (and then safe in an attribute).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>"1,785.00", "-232.50", never "-0.00": as the public notice writes amounts.</summary>
    public static string Amount(decimal yuan) => yuan == 0m ? "0.00" : yuan.ToString("#,##0.00", Invariant);

    public static string Count(int n) => n.ToString(Invariant);

    /// <summary>"2025年3月17日".</summary>
    public static string Date(DateOnly d) => string.Create(Invariant, $"{d.Year}年{d.Month}月{d.Day}日");

    /// <summary>"2025-04-14 09:30" in Beijing time (UTC+8, no daylight saving).</summary>
    public static string Time(DateTimeOffset t) => t.ToOffset(BeijingTime).ToString("yyyy-MM-dd HH:mm", Invariant);

    /// <summary>A Chinese heading or label with its short English subtitle below it.</summary>
    public static string Bilingual(string zh, string en) => $"{Encode(zh)}<span class=\"en\">{Encode(en)}</span>";

    /// <summary>A Chinese label with its English in small print after it (a table row's label: one line where it fits).</summary>
    public static string Label(string zh, string en) => $"{Encode(zh)} <span class=\"en-inline\">{Encode(en)}</span>";

    /// <summary>Text that must not break inside (a date, a clause number).</summary>
    public static string NoWrap(string text) => $"<span class=\"nowrap\">{Encode(text)}</span>";

    /// <summary>The whole document: the layout around a page's main content.</summary>
    public static string Document(string titleZh, string titleEn, string? school, string main, bool signedIn)
    {
        var title = school is null ? $"{titleZh} · {titleEn}" : $"{titleZh} · {school}";
        var sb = new StringBuilder(8192);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"robots\" content=\"noindex\">\n");
        sb.Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header class=\"top\"><div class=\"wrap\">");
        if (school is not null)
        {
            sb.Append("<p class=\"school\">").Append(Encode(school)).Append("</p>");
        }

        sb.Append("<h1>").Append(Bilingual(titleZh, titleEn)).Append("</h1></div></header>\n");
        sb.Append("<main class=\"wrap\">\n").Append(main).Append("</main>\n");
        sb.Append("<footer class=\"wrap\"><p>家委会公示页面只显示合计和人数，不含学生、教职工的姓名、编号和困难类别。");
        sb.Append("<span class=\"en\">Totals and counts only: no name, id or hardship status of a student or staff member.</span></p>");
        if (signedIn)
        {
            sb.Append("<form method=\"post\" action=\"/published/sign-out\" class=\"signout\"><button type=\"submit\" class=\"quiet\">退出 <span class=\"en-inline\">Sign out</span></button></form>");
        }

        sb.Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A card with a numbered Chinese heading and its English subtitle.</summary>
    public static string Section(string headingZh, string headingEn, string content, string? id = null)
    {
        var idAttribute = id is null ? "" : $" id=\"{Encode(id)}\"";
        return $"<section{idAttribute}>\n<h2>{Bilingual(headingZh, headingEn)}</h2>\n{content}</section>\n";
    }

    public static string Paragraph(string zh, string? en = null, string cssClass = "") =>
        $"<p{(cssClass.Length == 0 ? "" : $" class=\"{cssClass}\"")}>{Encode(zh)}{(en is null ? "" : $"<span class=\"en\">{Encode(en)}</span>")}</p>\n";

    /// <summary>A message box: an error (role="alert") or a note.</summary>
    public static string Message(string zh, string en, bool error) =>
        $"<p class=\"{(error ? "error" : "note")}\"{(error ? " role=\"alert\"" : "")}>{Encode(zh)}<span class=\"en\">{Encode(en)}</span></p>\n";

    /// <summary>
    /// Phone first: one column up to 42rem, cards, tables of a label and right-aligned amounts that
    /// fit 320 px (labels wrap, amounts never), the chart scales with its card.
    /// </summary>
    private const string Css = """
        :root{--ink:#1f2328;--muted:#5b6470;--line:#d9dee4;--band:#8c1c13;--card:#fff;--bg:#f4f5f7;--link:#0b5cad;--bar:#2f6f9f;--neg:#c2410c}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","LXGW WenKai",system-ui,sans-serif;overflow-wrap:anywhere}
        .wrap{max-width:42rem;margin:0 auto;padding-left:12px;padding-right:12px}
        header.top{background:var(--band);color:#fff;padding:14px 0 12px}
        header.top .school{margin:0 0 2px;font-size:.95rem;opacity:.92}
        h1{margin:0;font-size:1.3rem;line-height:1.35}
        h1 .en{color:#f3d9d6}
        h2{margin:0 0 8px;font-size:1.08rem;line-height:1.35}
        .en{display:block;font-size:.78rem;font-weight:normal;color:var(--muted);line-height:1.35}
        .en-inline{display:inline-block;font-size:.78rem;color:var(--muted)}
        .nowrap{white-space:nowrap}
        main{padding-top:12px;padding-bottom:4px}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px;margin:0 0 12px}
        p{margin:0 0 8px}
        a{color:var(--link)}
        dl.meta{font-size:.9rem;margin:0 0 12px}
        dl.meta dd{color:var(--ink)}
        table{width:100%;border-collapse:collapse;font-size:.95rem}
        th,td{padding:7px 4px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{font-size:.8rem;color:var(--muted);font-weight:normal}
        td .en-inline{font-size:.74rem;line-height:1.3}
        .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;padding-left:10px}
        tr.total td{font-weight:600;border-top:2px solid var(--ink);border-bottom:none}
        tr.sub td,tr.zero td{color:var(--muted)}
        .negative{color:var(--neg)}
        dl.facts{display:grid;grid-template-columns:minmax(5.5em,auto) 1fr;gap:6px 12px;margin:0}
        dl.facts dt{color:var(--muted);font-size:.9rem}
        dl.facts dd{margin:0}
        .tiles{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;margin:0 0 12px}
        .tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 10px}
        .tile .label{font-size:.85rem;color:var(--muted);line-height:1.3}
        .tile .value{font-size:1.2rem;font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
        .tile .unit{font-size:.8rem;font-weight:normal;color:var(--muted);margin-left:2px}
        .chart{margin:10px 0 0}
        .chart svg{display:block;width:100%;height:auto;max-width:36rem}
        .small{font-size:.85rem;color:var(--muted)}
        ul.terms{list-style:none;margin:0;padding:0}
        ul.terms li{border-bottom:1px solid var(--line)}
        ul.terms li:last-child{border-bottom:none}
        ul.terms a{display:block;padding:10px 2px;text-decoration:none}
        ul.terms .title{font-weight:600}
        ul.terms .detail{display:block;font-size:.85rem;color:var(--muted)}
        nav.crumbs{margin:0 0 10px;font-size:.9rem}
        .button,button{display:inline-block;font:inherit;font-size:1rem;padding:10px 18px;border-radius:8px;border:1px solid var(--band);background:var(--band);color:#fff;text-decoration:none;cursor:pointer}
        button.quiet{background:transparent;color:var(--ink);border-color:var(--line);padding:6px 12px;font-size:.9rem}
        a.button{color:#fff}
        .button .en-inline,button .en-inline{color:inherit;opacity:.8}
        button.quiet .en-inline{color:var(--muted);opacity:1}
        label{display:block;font-weight:600;margin:0 0 6px}
        input[type=password]{display:block;width:100%;font:inherit;font-size:1rem;padding:10px;border:1px solid #9aa4ae;border-radius:8px;margin:0 0 12px}
        .error{background:#fdecea;border:1px solid #f1b5ae;color:#8c1c13;padding:8px 10px;border-radius:8px}
        .error .en{color:#8c1c13}
        .note{background:#eef4fb;border:1px solid #c6d9ee;padding:8px 10px;border-radius:8px}
        footer{padding-top:4px;padding-bottom:24px;font-size:.85rem;color:var(--muted)}
        footer .signout{margin-top:8px}
        """;
}
