using System.Buffers;
using System.Text;

namespace Compensation.Rules.Facts.Loading;

/// <summary>One CSV record: its cells and the physical line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, bool Broken);

/// <summary>A malformed piece of CSV: the physical line and the 0-based index of the cell it is in.</summary>
internal sealed record CsvSyntaxError(int Line, int CellIndex, string Message);

/// <summary>
/// Splits RFC 4180 text into records. Line ends may be CRLF, LF or a lone CR; quoted cells may
/// hold commas, doubled quotes and line breaks. Lines that are entirely empty are skipped (they
/// are not records) but still counted, so every record keeps the physical line it starts on.
/// Malformed quoting is reported and the record marked broken instead of guessed at.
/// </summary>
internal static class CsvRecords
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");

    public static List<CsvRecord> Split(string text, List<CsvSyntaxError> errors)
    {
        var records = new List<CsvRecord>();
        var scanner = new Scanner(text, errors);
        while (!scanner.AtEnd)
        {
            var record = scanner.ReadRecord();
            if (record is not null)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private sealed class Scanner(string text, List<CsvSyntaxError> errors)
    {
        private readonly StringBuilder _quoted = new();

        // Reused for every record; each record keeps an exact-size copy.
        private readonly List<string> _cells = [];
        private int _pos;
        private int _line = 1;

        public bool AtEnd => _pos >= text.Length;

        /// <summary>Reads one record and the line end after it; null for an empty line.</summary>
        public CsvRecord? ReadRecord()
        {
            var startLine = _line;
            var cells = _cells;
            cells.Clear();
            var broken = false;
            var anyQuoted = false;
            while (true)
            {
                var quoted = _pos < text.Length && text[_pos] == '"';
                anyQuoted |= quoted;
                var ok = quoted ? ReadQuoted(cells) : ReadUnquoted(cells);
                broken |= !ok;
                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                SkipLineEnd();
                break;
            }

            var empty = cells.Count == 1 && cells[0].Length == 0 && !anyQuoted;
            return empty ? null : new CsvRecord(startLine, cells.ToArray(), broken);
        }

        private bool ReadUnquoted(List<string> cells)
        {
            var start = _pos;
            var rest = text.AsSpan(_pos);
            var stop = rest.IndexOfAny(UnquotedStops);
            _pos = stop < 0 ? text.Length : _pos + stop;
            if (_pos < text.Length && text[_pos] == '"')
            {
                errors.Add(new CsvSyntaxError(_line, cells.Count, "a quote inside an unquoted cell; quote the whole cell and double the quote (\"\")"));
                SkipToCellEnd();
                cells.Add(text[start.._pos]);
                return false;
            }

            cells.Add(text[start.._pos]);
            return true;
        }

        private bool ReadQuoted(List<string> cells)
        {
            var openedOn = _line;
            _quoted.Clear();
            _pos++;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '"')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '"')
                    {
                        _quoted.Append('"');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    cells.Add(_quoted.ToString());
                    return AfterClosingQuote(cells.Count - 1);
                }

                CountLineBreak(c);
                _quoted.Append(c);
                _pos++;
            }

            errors.Add(new CsvSyntaxError(openedOn, cells.Count, "a quoted cell is never closed"));
            cells.Add(_quoted.ToString());
            return false;
        }

        private bool AfterClosingQuote(int cellIndex)
        {
            if (_pos >= text.Length || text[_pos] is ',' or '\r' or '\n')
            {
                return true;
            }

            errors.Add(new CsvSyntaxError(_line, cellIndex, "text after the closing quote of a quoted cell"));
            SkipToCellEnd();
            return false;
        }

        /// <summary>Inside quotes a CRLF is one line break, as is a lone LF or CR.</summary>
        private void CountLineBreak(char c)
        {
            if (c == '\n' || (c == '\r' && (_pos + 1 >= text.Length || text[_pos + 1] != '\n')))
            {
                _line++;
            }
        }

        private void SkipToCellEnd()
        {
            while (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
            {
                _pos++;
            }
        }

        private void SkipLineEnd()
        {
            if (_pos >= text.Length)
            {
                return;
            }

            if (text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n')
            {
                _pos++;
            }

            _pos++;
            _line++;
        }
    }
}
