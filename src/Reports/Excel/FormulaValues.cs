using System.Globalization;
using System.Text.RegularExpressions;

namespace Compensation.Reports.Excel;

/// <summary>
/// The value of each formula of a sheet, stored beside it in the file. ClosedXML 0.95 writes a formula
/// without its cached value (&lt;c r="D4"&gt;&lt;f&gt;SUM(D2:D3)&lt;/f&gt;&lt;/c&gt;), and programs that do not
/// calculate (openpyxl, pandas, file previews) then show an empty total. Each formula is given the
/// settlement's figure when it is written, and <see cref="Fill"/> adds it as &lt;v&gt; to the sheet's part
/// when the package is rewritten (<see cref="WorkbookDeterminism"/>). A formula without a figure, or a figure
/// without its formula, is an error: no total of the workbook is left blank.
/// </summary>
internal sealed partial class FormulaValues(string sheet)
{
    private readonly Dictionary<string, decimal> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filled = new(StringComparer.Ordinal);

    public string Sheet { get; } = sheet;

    public int Count => _values.Count;

    public void Add(string address, decimal value)
    {
        if (!_values.TryAdd(address, value))
        {
            throw new InvalidOperationException($"sheet {Sheet}: cell {address} has two formulas");
        }
    }

    /// <summary>The part's text (or a piece of it that holds whole cells) with each formula's value after it.</summary>
    public string Fill(string xml)
    {
        var formulas = AnyFormula().Count(xml);
        var filled = 0;
        var result = FormulaCell().Replace(xml, cell =>
        {
            var address = cell.Groups["address"].Value;
            if (!_values.TryGetValue(address, out var value))
            {
                throw new InvalidOperationException($"sheet {Sheet}: the formula of cell {address} has no value to store");
            }

            if (cell.Groups["attributes"].Value.Contains(" t=", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sheet {Sheet}: the formula of cell {address} is not numeric");
            }

            _filled.Add(address);
            filled++;
            var p = cell.Groups["prefix"].Value;
            return $"{cell.Value[..^$"</{p}c>".Length]}<{p}v>{value.ToString(CultureInfo.InvariantCulture)}</{p}v></{p}c>";
        });

        if (filled != formulas)
        {
            throw new InvalidOperationException($"sheet {Sheet}: {formulas - filled} formula(s) not written as expected, without their values");
        }

        return result;
    }

    /// <summary>Fails unless every value found its formula.</summary>
    public void EnsureFilled()
    {
        var missing = _values.Keys.Where(a => !_filled.Contains(a)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"sheet {Sheet}: no formula found in cell(s) {string.Join(", ", missing)}");
        }
    }

    /// <summary>A cell that holds only a formula, as ClosedXML writes it: &lt;x:c r="D4" s="6"&gt;&lt;x:f&gt;SUM(D2:D3)&lt;/x:f&gt;&lt;/x:c&gt;.</summary>
    [GeneratedRegex(@"<(?<prefix>(?:[A-Za-z_][\w.-]*:)?)c r=""(?<address>[A-Z]+[0-9]+)""(?<attributes>[^>]*)><\k<prefix>f>[^<]*</\k<prefix>f></\k<prefix>c>", RegexOptions.CultureInvariant)]
    private static partial Regex FormulaCell();

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]", RegexOptions.CultureInvariant)]
    private static partial Regex AnyFormula();
}
