namespace Compensation.Api.Features.Pages.SignIn;

/// <summary>The sign-in page and its form.</summary>
internal static class SignInPage
{
    public static string Render(string? next, string? message, bool signedIn)
    {
        var intro = Html.Paragraph(
            "请输入学校发给家委会的查询密钥，查看本校已定稿的课后服务经费收支公示。",
            "Enter the key the school gave the parents' committee to see its published accounts.");
        return Html.Document("家委会公示查询", "Parents' committee: published accounts", null,
            Html.Section("登录", "Sign in", intro + (message ?? "") + Form(next, "进入", "Sign in", inSection: true)), signedIn);
    }

    public static string Form(string? next, string buttonZh, string buttonEn, bool inSection = false)
    {
        var hidden = next is { Length: > 0 } ? $"<input type=\"hidden\" name=\"next\" value=\"{Html.Encode(next)}\">\n" : "";
        var form = "<form method=\"post\" action=\"/published\">\n"
            + "<label for=\"key\">查询密钥<span class=\"en\">Committee key</span></label>\n"
            + "<input id=\"key\" name=\"key\" type=\"password\" required autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">\n"
            + hidden
            + $"<button type=\"submit\" id=\"sign-in\">{Html.Encode(buttonZh)} <span class=\"en-inline\">{Html.Encode(buttonEn)}</span></button>\n</form>\n";
        return inSection ? form : Html.Section(buttonZh, buttonEn, form);
    }
}
