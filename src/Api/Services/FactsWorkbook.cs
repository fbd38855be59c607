using System.Globalization;
using ClosedXML.Excel;
using Compensation.Api.Persistence.Entities;
using Compensation.Rules;
using Compensation.Rules.Facts.Loading;

namespace Compensation.Api.Services;

/// <summary>
/// The term's facts as one Excel workbook: the template the service hands out (a 说明 sheet, then one
/// sheet per kind of fact with Chinese headers that also carry the column's name, and two example
/// rows), and the reader that turns a filled workbook into rows for the loader. Each row names its
/// workbook, sheet, Excel row and column, so every problem points at a cell.
/// </summary>
public static class FactsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string GuideSheet = "说明";

    private enum Cell
    {
        Text,
        Date,
        Number,
    }

    private sealed record Column(string Name, string Label, double Width, Cell Kind = Cell.Text);

    /// <summary>One kind of fact as a sheet: its Chinese name, its columns (the kind's, in its order) and what it holds.</summary>
    private sealed record Sheet(FactKind Kind, string Name, string About, IReadOnlyList<Column> Columns);

    private static readonly IReadOnlyList<Sheet> Sheets =
    [
        new(FactKinds.Calendar, "校历调整", "与“周一至周五上课”不同的日子：holiday 放假，makeup 调休补课（as_weekday 填按星期几上课，1–5）",
            [new("date", "日期", 14, Cell.Date), new("kind", "类型", 12), new("as_weekday", "按星期几", 12, Cell.Number), new("note", "备注", 24)]),
        new(FactKinds.Enrolments, "报名学生", "参加课后服务的学生；weekdays 填参加的星期（如 12345、135）；start 空为学期开始，last_day 为退出前最后服务日",
            [new("student_id", "学生编号", 14), new("name", "姓名", 12), new("weekdays", "参加星期", 12), new("class", "班级", 14), new("start", "开始日期", 14, Cell.Date), new("last_day", "最后服务日", 14, Cell.Date)]),
        new(FactKinds.Attendance, "考勤", "缺勤（absent）和请假（leave）；出勤可不填，也可填 present",
            [new("student_id", "学生编号", 14), new("date", "日期", 14, Cell.Date), new("status", "状态", 12)]),
        new(FactKinds.Hardship, "困难减免", "经批准的困难家庭减免；category 按方案中的类别填写，waiver_percent 为减免比例 0–100",
            [new("approval_id", "批准编号", 14), new("student_id", "学生编号", 14), new("category", "类别", 14), new("waiver_percent", "减免比例%", 12, Cell.Number), new("approved_on", "批准日期", 14, Cell.Date), new("approved_by", "批准人", 12)]),
        new(FactKinds.Payments, "缴费", "家长缴费（学期费用或按月预缴），金额单位元",
            [new("payment_id", "缴费编号", 14), new("student_id", "学生编号", 14), new("date", "日期", 14, Cell.Date), new("amount", "金额(元)", 12, Cell.Number)]),
        new(FactKinds.Subsidies, "财政补助", "收到的财政补助，金额单位元",
            [new("subsidy_id", "补助编号", 14), new("date", "日期", 14, Cell.Date), new("amount", "金额(元)", 14, Cell.Number), new("source", "来源", 16)]),
        new(FactKinds.Staff, "教职工", "参与课后服务的教职工；校外人员 external 填 true，并填协议金额",
            [new("staff_id", "教职工编号", 14), new("name", "姓名", 12), new("role", "岗位", 12), new("employee_no", "工号", 12), new("external", "校外人员", 12), new("agreement_amount", "协议金额(元)", 14, Cell.Number)]),
        new(FactKinds.Lessons, "课时", "实际上的课，每节一行；minutes 为时长（分钟）",
            [new("lesson_id", "课时编号", 14), new("staff_id", "教职工编号", 14), new("date", "日期", 14, Cell.Date), new("minutes", "分钟", 10, Cell.Number), new("slot", "节次", 10), new("group", "班组", 14)]),
        new(FactKinds.Conduct, "考核事件", "no-show 缺课、late 迟到、early-leave 早退、swap 调课、handover 交接、complaint 投诉、perfunctory 敷衍、incident 事故；decided_percent 为决定的扣除比例",
            [new("event_id", "事件编号", 14), new("staff_id", "教职工编号", 14), new("date", "日期", 14, Cell.Date), new("kind", "类型", 14), new("decided_percent", "决定比例%", 12, Cell.Number), new("lesson_id", "课时编号", 14), new("note", "备注", 24)]),
        new(FactKinds.Duties, "值守", "guard 护导、duty-leader 值班领导、support 后勤、admin-duty 行政值班、break-supervision 课间看护（count 为次数）",
            [new("duty_id", "值守编号", 14), new("staff_id", "教职工编号", 14), new("date", "日期", 14, Cell.Date), new("duty", "类型", 18), new("count", "次数", 10, Cell.Number)]),
        new(FactKinds.Expenses, "支出", "consumables 耗材、venue 场地、utilities 水电、equipment 设备、training 培训、insurance 保险、other 其他",
            [new("expense_id", "支出编号", 14), new("date", "日期", 14, Cell.Date), new("category", "类别", 14), new("amount", "金额(元)", 12, Cell.Number), new("payee", "收款方", 16), new("note", "备注", 24)]),
        new(FactKinds.Awards, "奖励", "学期末从预留经费中发放的奖励",
            [new("award_id", "奖励编号", 14), new("staff_id", "教职工编号", 14), new("amount", "金额(元)", 12, Cell.Number), new("reason", "事由", 24)]),
    ];

    /// <summary>The header of a column as the template writes it: "学生编号 student_id".</summary>
    private static string Header(Column c) => c.Label + " " + c.Name;

    /// <summary>
    /// Two example rows per sheet, with dates inside the term. An import refuses a row that is still
    /// exactly an example, so a template filled below its examples cannot smuggle them in.
    /// </summary>
    private static IReadOnlyList<string?[]> Examples(FactKind kind, Term term)
    {
        var d0 = ServiceDay(term.Start, term.End, 0);
        var d1 = ServiceDay(term.Start, term.End, 1);
        var saturday = Enumerable.Range(0, 7).Select(term.Start.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var before = Iso(term.Start.AddDays(-7));
        return kind.CsvName switch
        {
            "calendar.csv" => [[d1, "holiday", null, "示例：放假"], [Iso(saturday), "makeup", "5", "示例：调休补课"]],
            "enrolments.csv" => [["S0001", "张小明", "12345", "三年级1班", null, null], ["S0002", "李小红", "135", "三年级2班", d1, null]],
            "attendance.csv" => [["S0001", d0, "absent"], ["S0001", d1, "leave"]],
            "hardship.csv" => [["H001", "S0002", "低保", "100", before, "王校长"], ["H002", "S0003", "建档立卡", "50", before, "王校长"]],
            "payments.csv" => [["P0001", "S0001", d0, "350"], ["P0002", "S0002", d0, "210.5"]],
            "subsidies.csv" => [["SUB001", d0, "50000", "区财政"], ["SUB002", d1, "12000", "市财政"]],
            "staff.csv" => [["T001", "王老师", "teacher", "E001", "false", null], ["X001", "赵教练", "coach", null, "true", "1200"]],
            "lessons.csv" => [["L00001", "T001", d0, "40", "1", "三年级1班"], ["L00002", "T001", d1, "40", "1", "三年级1班"]],
            "conduct.csv" => [["C001", "T001", d0, "late", null, "L00001", "示例：迟到5分钟"], ["C002", "T001", d1, "incident", "50", null, "示例：安全事故"]],
            "duties.csv" => [["D001", "T001", d0, "guard", "1"], ["D002", "T001", d1, "break-supervision", "2"]],
            "expenses.csv" => [["E001", d0, "consumables", "120.5", "文具店", "示例：美术材料"], ["E002", d1, "insurance", "3000", "保险公司", "示例：学生保险"]],
            "awards.csv" => [["A001", "T001", "200", "示例：优秀辅导"], ["A002", "X001", "100", "示例：全勤"]],
            _ => [],
        };
    }

    /// <summary>The n-th Monday–Friday of the term (or the start, for a term too short to have it).</summary>
    private static string ServiceDay(DateOnly start, DateOnly end, int n)
    {
        var days = Enumerable.Range(0, Math.Max(1, end.DayNumber - start.DayNumber + 1)).Select(start.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        return Iso(days.Count > n ? days[n] : start);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The template for a term: 说明 first, then one sheet per kind, headers frozen, example rows in grey.</summary>
    public static byte[] Template(Term term)
    {
        using var workbook = new XLWorkbook();
        WriteGuide(workbook.Worksheets.Add(GuideSheet), term);
        foreach (var sheet in Sheets)
        {
            var ws = workbook.Worksheets.Add(sheet.Name);
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var column = sheet.Columns[c];
                var header = ws.Cell(1, c + 1);
                header.SetValue(Header(column));
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xEC, 0xEF, 0xF3);
                ws.Column(c + 1).Width = column.Width + column.Name.Length;

                // Ids and codes stay text, so 0012 keeps its zeros; dates show as yyyy-mm-dd.
                ws.Range(2, c + 1, 5000, c + 1).Style.NumberFormat.Format = column.Kind switch
                {
                    Cell.Date => "yyyy-mm-dd",
                    Cell.Number => "General",
                    _ => "@",
                };
            }

            var r = 2;
            foreach (var example in Examples(sheet.Kind, term))
            {
                for (var c = 0; c < example.Length; c++)
                {
                    if (example[c] is { } value)
                    {
                        SetExample(ws.Cell(r, c + 1), sheet.Columns[c].Kind, value);
                    }
                }

                ws.Range(r, 1, r, sheet.Columns.Count).Style.Font.FontColor = XLColor.Gray;
                r++;
            }

            ws.SheetView.FreezeRows(1);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void SetExample(IXLCell cell, Cell kind, string value)
    {
        switch (kind)
        {
            case Cell.Date:
                cell.SetValue(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue));
                break;
            case Cell.Number:
                cell.SetValue(decimal.Parse(value, CultureInfo.InvariantCulture));
                break;
            default:
                cell.SetValue(value);
                break;
        }
    }

    private static void WriteGuide(IXLWorksheet ws, Term term)
    {
        var lines = new List<string>
        {
            $"课后服务事实数据导入模板　学校 {term.SchoolId}　学期 {term.TermId}（{Iso(term.Start)} 至 {Iso(term.End)}）",
            "",
            "填写方法",
            "1. 每个工作表是一类数据，第一行是表头（中文名和字段名），请勿修改表头；从第二行起每行一条。",
            "2. 灰色的两行是示例，导入前请删除或改写为本学期的真实数据；原样保留的示例行会被拒绝。",
            "3. 日期填写为日期（如 2025-03-03）；金额单位为元，最多两位小数；编号不能有空格，且在本表中不能重复。",
            "4. 导入时，工作簿中有的工作表会整体替换本学期该类数据（空表即清空该类数据）；删除的工作表对应的数据保持不变。",
            "5. 任何一行有问题，整个工作簿都不导入，并列出每个问题所在的工作表、行和列。",
            "6. 本表（说明）导入时不读取。",
            "",
            "各工作表",
        };
        lines.AddRange(Sheets.Select(s => $"{s.Name}（{s.Kind.JsonKey}）：{s.About}"));
        lines.Add("");
        lines.Add("各列的格式与检查见 docs/facts-format.md；与 CSV 文件的列名相同。");
        for (var i = 0; i < lines.Count; i++)
        {
            ws.Cell(i + 1, 1).SetValue(lines[i]);
        }

        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(3, 1).Style.Font.Bold = true;
        ws.Cell(11, 1).Style.Font.Bold = true;
        ws.Column(1).Width = 120;
    }

    /// <summary>The rows of the workbook's fact sheets, by kind; sheets absent from the workbook are absent here.</summary>
    public sealed record Contents(IReadOnlyDictionary<FactKind, IReadOnlyList<FactRow>> Rows, IReadOnlyDictionary<FactKind, string> Labels);

    /// <summary>
    /// Reads a filled workbook. Every problem of form (an unknown sheet or header, a missing required
    /// header, a cell that is an error value, a date with a time, an example row left in) is added to
    /// <paramref name="errors"/>; the rows' values are checked later, with the term's other facts.
    /// </summary>
    public static Contents Read(string fileName, byte[] bytes, Term term, List<InputError> errors)
    {
        var rows = new Dictionary<FactKind, IReadOnlyList<FactRow>>();
        var labels = new Dictionary<FactKind, string>();
        IReadOnlyList<XlsxCells.Sheet> sheets;
        try
        {
            sheets = XlsxCells.Read(bytes);
        }
        catch (XlsxCells.SheetException e)
        {
            errors.Add(new InputError(fileName + "/" + e.Sheet, e.Row, "", e.Message));
            return new Contents(rows, labels);
        }
        catch (InvalidDataException e)
        {
            errors.Add(new InputError(fileName, 0, "", "not an Excel workbook (.xlsx) that can be read: " + e.Message));
            return new Contents(rows, labels);
        }

        var expected = string.Join("、", Sheets.Select(s => s.Name));
        foreach (var ws in sheets)
        {
            var name = ws.Name.Trim();
            if (name == GuideSheet)
            {
                continue;
            }

            var file = fileName + "/" + ws.Name;
            var sheet = Sheets.FirstOrDefault(s => s.Name == name || s.Kind.JsonKey == name);
            if (sheet is null)
            {
                errors.Add(new InputError(file, 0, "", $"not a sheet of the facts template; expected {expected} (or {GuideSheet}, which is not read)"));
            }
            else if (rows.ContainsKey(sheet.Kind))
            {
                errors.Add(new InputError(file, 0, "", $"a second sheet of {sheet.Kind.JsonKey}"));
            }
            else
            {
                labels[sheet.Kind] = file;
                rows[sheet.Kind] = ReadSheet(file, ws, sheet, Examples(sheet.Kind, term), errors);
            }
        }

        return new Contents(rows, labels);
    }

    private static List<FactRow> ReadSheet(string file, XlsxCells.Sheet ws, Sheet sheet, IReadOnlyList<string?[]> examples, List<InputError> errors)
    {
        var result = new List<FactRow>();
        if (ws.Rows.Count == 0)
        {
            return result;
        }

        if (ws.Rows[0].Number != 1)
        {
            errors.Add(new InputError(file, 1, "", "the first row must be the header row; it is empty"));
            return result;
        }

        var columns = ReadHeader(file, ws.Rows[0], sheet, errors);
        if (columns is null)
        {
            return result;
        }

        var letters = columns.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        var missing = sheet.Kind.Required.Where(n => !columns.Values.Contains(n)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in missing)
        {
            var column = sheet.Columns.First(c => c.Name == name);
            errors.Add(new InputError(file, 1, Header(column), $"the required column '{Header(column)}' is missing from the header row"));
        }

        foreach (var row in ws.Rows.Skip(1))
        {
            var r = row.Number;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var reported = new HashSet<string>(missing, StringComparer.Ordinal);
            foreach (var cell in row.Cells)
            {
                if (!columns.TryGetValue(cell.Column, out var name))
                {
                    errors.Add(new InputError(file, r, ColumnLetter(cell.Column), "a value in a column without a header"));
                }
                else if (cell.Problem is not null)
                {
                    errors.Add(new InputError(file, r, Field(sheet, name, cell.Column), cell.Problem));
                    reported.Add(name);
                }
                else
                {
                    values[name] = cell.Text;
                }
            }

            if (examples.Any(e => IsExample(sheet, e, values)))
            {
                errors.Add(new InputError(file, r, "", "this is an example row of the template; delete it, or write the term's facts over it"));
                continue;
            }

            result.Add(new WorkbookRow(file, r, values, reported, column => Field(sheet, column, letters.GetValueOrDefault(column))));
        }

        return result;
    }

    /// <summary>Header cell → column name, by the header's Chinese label, its name, or both ("学生编号 student_id").</summary>
    private static Dictionary<int, string>? ReadHeader(string file, XlsxCells.Row header, Sheet sheet, List<InputError> errors)
    {
        var columns = new Dictionary<int, string>();
        var ok = true;
        foreach (var cell in header.Cells)
        {
            var text = string.Join(' ', cell.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var column = sheet.Columns.FirstOrDefault(k => text == Header(k) || text == k.Name || text == k.Label);
            if (column is null)
            {
                errors.Add(new InputError(file, 1, ColumnLetter(cell.Column), $"unknown column '{text}'; expected {string.Join(", ", sheet.Columns.Select(Header))}"));
                ok = false;
            }
            else if (columns.ContainsValue(column.Name))
            {
                errors.Add(new InputError(file, 1, ColumnLetter(cell.Column), $"a second '{Header(column)}' column"));
                ok = false;
            }
            else
            {
                columns[cell.Column] = column.Name;
            }
        }

        return ok ? columns : null;
    }

    private static bool IsExample(Sheet sheet, string?[] example, Dictionary<string, string> values)
    {
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            var value = values.GetValueOrDefault(sheet.Columns[i].Name);
            var expected = example[i];
            if (sheet.Columns[i].Kind == Cell.Number && value is not null && expected is not null
                && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
            {
                if (a != b)
                {
                    return false;
                }
            }
            else if (!string.Equals(value, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Field(Sheet sheet, string column, int letterNumber)
    {
        var label = sheet.Columns.FirstOrDefault(c => c.Name == column) is { } c ? Header(c) : column;
        return letterNumber > 0 ? $"{ColumnLetter(letterNumber)} ({label})" : label;
    }

    private static string ColumnLetter(int column) => XLHelper.GetColumnLetterFromNumber(column);

    /// <summary>A row of a fact sheet: its values as text, and where each column is.</summary>
    private sealed class WorkbookRow(string file, int line, Dictionary<string, string> values, HashSet<string> reported, Func<string, string> field) : FactRow
    {
        public override string File => file;

        public override int Line => line;

        public override string? Get(string column) => values.GetValueOrDefault(column);

        public override bool AlreadyReported(string column) => reported.Contains(column);

        public override InputError Error(string column, string message) => new(file, line, field(column), message);
    }
}
