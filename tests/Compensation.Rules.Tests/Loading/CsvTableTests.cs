using Compensation.Rules.Facts.Loading;

namespace Compensation.Rules.Tests.Loading;

public class CsvTableTests
{
    private static readonly string[] Required = ["id", "name"];
    private static readonly string[] Optional = ["note"];

    private static (CsvTable Table, List<InputError> Errors) Parse(string text)
    {
        var errors = new List<InputError>();
        var table = CsvTable.Parse(text, "t.csv", Required, Optional, errors);
        return (table, errors);
    }

    [Fact]
    public void RowsAreReachedByHeaderName_InAnyColumnOrder()
    {
        var (table, errors) = Parse("name,note,id\nAnn,hi,1\nBo,,2\n");
        Assert.Empty(errors);
        Assert.Equal(["name", "note", "id"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("1", table.Rows[0]["id"]);
        Assert.Equal("Ann", table.Rows[0]["name"]);
        Assert.Equal("", table.Rows[1]["note"]);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void AbsentOptionalColumn_ReadsAsNull()
    {
        var (table, errors) = Parse("id,name\n1,Ann\n");
        Assert.Empty(errors);
        Assert.Null(table.Rows[0]["note"]);
    }

    [Fact]
    public void UndeclaredColumn_IsAProgrammingError()
    {
        var (table, _) = Parse("id,name\n1,Ann\n");
        Assert.Throws<ArgumentException>(() => table.Rows[0]["nme"]);
    }

    [Fact]
    public void Bom_IsIgnored()
    {
        using var folder = new TempFolder();
        var path = folder.Write("t.csv", "id,name\n1,Ann\n", bom: true);
        Assert.Equal((byte)0xEF, File.ReadAllBytes(path)[0]);
        var errors = new List<InputError>();
        var table = CsvTable.Read(path, "t.csv", Required, Optional, errors);
        Assert.Empty(errors);
        Assert.Equal(["id", "name"], table.Columns);
        Assert.Equal("1", table.Rows[0]["id"]);
    }

    [Fact]
    public void NotUtf8_IsOneErrorOnItsLine()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "t.csv");
        // "王" in GBK is 0xCD 0xF5, which is not valid UTF-8.
        File.WriteAllBytes(path, [.. "id,name\n1,"u8, 0xCD, 0xF5, (byte)'\n']);
        var errors = new List<InputError>();
        CsvTable.Read(path, "t.csv", Required, Optional, errors);
        var error = Assert.Single(errors);
        Assert.Equal(("t.csv", 2), (error.File, error.Line));
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedCells_HoldCommasQuotesAndLineBreaks()
    {
        var (table, errors) = Parse("id,name,note\r\n1,\"Li, Hua\",\"said \"\"hi\"\"\r\nthen left\"\r\n2,Bo,x\r\n");
        Assert.Empty(errors);
        Assert.Equal("Li, Hua", table.Rows[0]["name"]);
        Assert.Equal("said \"hi\"\r\nthen left", table.Rows[0]["note"]);
        // The row after a two-line cell is numbered by the line it starts on.
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void LfCrlfAndTrailingEmptyLines()
    {
        var (table, errors) = Parse("id,name\n1,Ann\r\n2,Bo\n\n\r\n");
        Assert.Empty(errors);
        Assert.Equal(["1", "2"], table.Rows.Select(r => r["id"]));
    }

    [Fact]
    public void NoTrailingNewline_LastRowIsRead()
    {
        var (table, errors) = Parse("id,name\n1,Ann");
        Assert.Empty(errors);
        Assert.Equal("Ann", Assert.Single(table.Rows)["name"]);
    }

    [Fact]
    public void UnknownColumn_NamesItAndTheExpectedOnes()
    {
        var (_, errors) = Parse("id,name,nmae\n1,Ann,x\n");
        var error = Assert.Single(errors);
        Assert.Equal(new InputError("t.csv", 1, "nmae", "unknown column 'nmae'; expected one of id, name, note"), error);
    }

    [Fact]
    public void MissingAndDuplicateColumns()
    {
        var (table, errors) = Parse("id,id\n1,2\n");
        Assert.Equal(
            [new InputError("t.csv", 1, "id", "duplicate column 'id'"), new InputError("t.csv", 1, "name", "missing required column 'name'")],
            errors);
        Assert.True(table.IsMissingRequired("name"));
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        var (_, errors) = Parse("");
        Assert.Equal(1, Assert.Single(errors).Line);
    }

    [Fact]
    public void WrongCellCount_IsReportedAndTheRowLeftOut()
    {
        var (table, errors) = Parse("id,name\n1,Ann,extra\n2,Bo\n");
        Assert.Equal(new InputError("t.csv", 2, "", "the row has 3 cells but the header has 2"), Assert.Single(errors));
        Assert.Equal("2", Assert.Single(table.Rows)["id"]);
    }

    [Fact]
    public void MalformedQuoting_IsReportedWithLineAndColumn()
    {
        var (table, errors) = Parse("id,name\n1,An\"n\n2,\"Bo\"x\n3,\"never closed\n");
        Assert.Equal(
            [(2, "name"), (3, "name"), (4, "name")],
            errors.Select(e => (e.Line, e.Field)));
        Assert.Empty(table.Rows);
    }
}
