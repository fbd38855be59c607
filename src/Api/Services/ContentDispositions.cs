using System.Text;

namespace Compensation.Api.Services;

/// <summary>
/// The Content-Disposition of a downloaded file: "inline" for the PDFs (so the committee's link opens in a
/// phone's browser), "attachment" for the workbooks, each with the name twice (RFC 6266, 4.3): filename, in
/// ASCII for old clients, and filename*=UTF-8''…, the whole name percent-encoded (RFC 8187), which
/// clients that read it prefer. A name may hold any id of the school's, Chinese included; a header
/// value itself must stay ASCII.
/// </summary>
public static class ContentDispositions
{
    public static string Inline(string fileName) => Header("inline", fileName);

    public static string Attachment(string fileName) => Header("attachment", fileName);

    private static string Header(string kind, string fileName) => $"{kind}; filename=\"{Ascii(fileName)}\"; filename*=UTF-8''{Encoded(fileName)}";

    /// <summary>The name with every character outside printable ASCII, and " and \, as "_".</summary>
    private static string Ascii(string name) =>
        string.Create(name.Length, name, (span, n) =>
        {
            for (var i = 0; i < n.Length; i++)
            {
                span[i] = n[i] is >= ' ' and <= '~' and not ('"' or '\\') ? n[i] : '_';
            }
        });

    /// <summary>RFC 8187 value-chars: attr-char as it is, every other byte of the UTF-8 as %XX.</summary>
    private static string Encoded(string name)
    {
        var text = new StringBuilder(name.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
