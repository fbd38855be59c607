using System.Globalization;
using System.Text;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Breaks text into lines that fit a width. Chinese (and Japanese, Korean, full-width forms) may
/// break between any two characters; Latin words, numbers and amounts ("1,785.00") break only at
/// spaces and after slashes, unless a single word is wider than the line, when it is cut by character. Closing
/// punctuation (，。）) never starts a line and opening punctuation (（《) never ends one, the basic
/// rule of Chinese typesetting (避头尾). Explicit line feeds start a new line.
/// </summary>
internal static class LineBreaker
{
    private const string Closing = "，。、；：？！）》」』”’〉】〕…—％·,.;:?!)]}%";
    private const string Opening = "（《「『“‘〈【〔([{";

    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, width, measure, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, double width, Func<string, double> measure, List<string> lines)
    {
        var line = new StringBuilder();
        foreach (var (piece, spaceBefore) in Pieces(paragraph))
        {
            var candidate = line.Length == 0 ? piece : line + (spaceBefore ? " " : "") + piece;
            if (measure(candidate) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (measure(piece) <= width)
            {
                line.Append(piece);
                continue;
            }

            // A word wider than the whole line: cut it by character, the only way it can be shown.
            foreach (var element in TextElements(piece))
            {
                if (line.Length > 0 && measure(line + element) > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(element);
            }
        }

        lines.Add(line.ToString());
    }

    /// <summary>The unbreakable pieces of a paragraph, each with whether a space stood before it.</summary>
    private static List<(string Text, bool SpaceBefore)> Pieces(string paragraph)
    {
        var pieces = new List<(string Text, bool SpaceBefore)>();
        var word = new StringBuilder();
        var space = false;
        var glueNext = false;

        void Add(string text)
        {
            var attach = pieces.Count > 0 && !space && (glueNext || IsClosing(text));
            if (attach)
            {
                pieces[^1] = (pieces[^1].Text + text, pieces[^1].SpaceBefore);
            }
            else
            {
                pieces.Add((text, space));
            }

            space = false;
            glueNext = IsOpening(text[^1..]);
        }

        void FlushWord()
        {
            if (word.Length > 0)
            {
                Add(word.ToString());
                word.Clear();
            }
        }

        foreach (var element in TextElements(paragraph))
        {
            if (string.IsNullOrWhiteSpace(element))
            {
                FlushWord();
                space = pieces.Count > 0;
                glueNext = false;
            }
            else if (BreaksAnywhere(element))
            {
                FlushWord();
                Add(element);
            }
            else
            {
                word.Append(element);

                // "late/early-leave/swap": a slash is a break opportunity, as in most typesetting.
                if (element == "/")
                {
                    FlushWord();
                }
            }
        }

        FlushWord();
        return pieces;
    }

    private static bool IsClosing(string text) => text.Length > 0 && Closing.Contains(text[0], StringComparison.Ordinal);

    private static bool IsOpening(string text) => text.Length > 0 && Opening.Contains(text[0], StringComparison.Ordinal);

    /// <summary>Scripts written without spaces between words, and the full-width punctuation that goes with them.</summary>
    private static bool BreaksAnywhere(string element)
    {
        var c = char.ConvertToUtf32(element, 0);
        return c is >= 0x2E80 and <= 0x9FFF // CJK radicals, punctuation, kana, CJK ideographs
            or >= 0xAC00 and <= 0xD7AF // Hangul
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF00 and <= 0xFFEF // full-width forms (，：（）)
            or >= 0x20000 and <= 0x3FFFF // CJK extensions
            || (c is >= 0x2010 and <= 0x2027 && Closing.Contains(element[0], StringComparison.Ordinal)) // “”…— used in Chinese text
            || (c is >= 0x2010 and <= 0x2027 && Opening.Contains(element[0], StringComparison.Ordinal));
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }
}
