using System.Text;

namespace Compensation.Api.Cli;

/// <summary>A plain-text table that lines up Chinese (two columns wide) and Latin text; numbers right-aligned.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter w)
    {
        var all = _rows.Prepend(headers).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(c => all.Max(r => Width(c < r.Length ? r[c] : ""))).ToArray();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            var sb = new StringBuilder();
            for (var c = 0; c < headers.Length; c++)
            {
                var cell = c < row.Length ? row[c] : "";
                var pad = new string(' ', widths[c] - Width(cell));
                var numeric = index > 0 && IsNumber(cell);
                sb.Append(numeric ? pad + cell : cell + pad);
                if (c < headers.Length - 1)
                {
                    sb.Append("  ");
                }
            }

            w.WriteLine(sb.ToString().TrimEnd());
            if (index == 0)
            {
                w.WriteLine(string.Join("  ", widths.Select(x => new string('-', x))));
            }
        }
    }

    private static bool IsNumber(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiDigit(c) || c is '.' or '-') && char.IsAsciiDigit(s[^1]);

    private static int Width(string s) => s.Sum(ch => ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFF60) || (ch >= 0xFFE0 && ch <= 0xFFE6)) ? 2 : 1);
}
