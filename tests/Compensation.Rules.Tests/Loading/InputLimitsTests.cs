using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Rules.Tests.Loading;

/// <summary>
/// Input that would break the service later is refused where it enters, naming its file, row and field or its
/// policy key: nesting deeper than the YAML reader can recurse, amounts and counts past their documented maximum,
/// control characters in ids and text, and more problems than an answer can usefully list.
/// </summary>
public class InputLimitsTests
{
    private static IReadOnlyList<InputError> PolicyErrors(string yaml) =>
        Assert.Throws<InputException>(() => PolicyLoader.LoadText(yaml, "p.yaml")).Errors;

    private static IReadOnlyList<InputError> CsvErrors(string file, string content)
    {
        var files = SampleFacts.Csv();
        files[file] = content;
        using var folder = new TempFolder();
        folder.WriteAll(files);
        return Assert.Throws<InputException>(() => FactsLoader.LoadFolder(folder.Path)).Errors;
    }

    [Fact]
    public void NestingOf35000Levels_IsOneErrorOnItsLine_NotAStackOverflow()
    {
        var yaml = "school: S\nplan: P\nx: " + new string('[', 35_000) + new string(']', 35_000) + "\n";
        var error = Assert.Single(PolicyErrors(yaml));
        Assert.Equal(("p.yaml", 3), (error.File, error.Line));
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingOf35000Levels_InJsonForm_IsRefusedToo()
    {
        var json = "{\"school\": \"S\", \"plan\": \"P\",\n\"x\": " + new string('[', 35_000) + new string(']', 35_000) + "}";
        var error = Assert.Single(PolicyErrors(json));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void NestingOf64Levels_IsNotRefusedForItsDepth()
    {
        // The root mapping is level 1, so x's 63 brackets make 64 levels: only the unknown key x is wrong.
        var error = Assert.Single(PolicyErrors("school: S\nplan: P\nx: " + new string('[', 63) + new string(']', 63) + "\n"));
        Assert.Equal("x", error.Field);
    }

    [Fact]
    public void WhatIfParameters_OnADeeplyNestedPlan_AreABadInputError()
    {
        var plan = "school: S\nplan: P\nx: " + new string('[', 35_000) + new string(']', 35_000) + "\n";
        var error = Assert.Single(Assert.Throws<InputException>(() => PolicyParameters.Apply(plan, new Dictionary<string, object?> { ["fees.term_fee"] = 300m })).Errors);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("fees: { mode: flat-term, term_fee: 10000000000000000000000000 }", "fees.term_fee", "expected an amount of at most 100,000,000 yuan, got '10000000000000000000000000'")]
    [InlineData("fees: { mode: flat-term, term_fee: 100000000.01 }", "fees.term_fee", "expected an amount of at most 100,000,000 yuan, got '100000000.01'")]
    [InlineData("refunds: { absence: { min_service_days: 1000001 } }", "refunds.absence.min_service_days", "expected a whole number of at most 1,000,000, got '1000001'")]
    [InlineData("refunds: { absence: { min_service_days: 99999999999 } }", "refunds.absence.min_service_days", "expected a whole number of at most 1,000,000, got '99999999999'")]
    public void PolicyNumbersPastTheirMaximum_NameTheKey(string section, string field, string message)
    {
        var error = Assert.Single(PolicyErrors("school: S\nplan: P\n" + section + "\n"));
        Assert.Equal(("p.yaml", 3, field, message), (error.File, error.Line, error.Field, error.Message));
    }

    [Fact]
    public void AnAmountOfExactlyTheMaximum_IsAccepted()
    {
        var policy = PolicyLoader.LoadText("school: S\nplan: P\nfees: { mode: flat-term, term_fee: 100000000 }\n", "p.yaml");
        Assert.Equal(100_000_000m, policy.Fees.TermFee);
    }

    [Fact]
    public void WhatIfParameterOf1e25_IsRefusedNamingItsKey()
    {
        // 1e25 as a JSON number reaches PolicyParameters as the decimal 10^25.
        var text = PolicyParameters.Apply("school: S\nplan: P\nfees:\n  mode: flat-term\n  term_fee: 350\n", new Dictionary<string, object?> { ["fees.term_fee"] = 1e25m });
        var error = Assert.Single(PolicyErrors(text));
        Assert.Equal("fees.term_fee", error.Field);
        Assert.StartsWith("expected an amount of at most 100,000,000 yuan", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("79000000000000000000000000000")]
    [InlineData("100000000000000000")]
    [InlineData("100000000.01")]
    public void PaymentsPastTheMaximum_NameFileRowAndField(string amount)
    {
        var error = Assert.Single(CsvErrors("payments.csv", $"payment_id,student_id,date,amount\nP1,S1,2025-03-03,350\nP2,S2,2025-03-04,{amount}\n"));
        Assert.Equal(("payments.csv", 3, "amount"), (error.File, error.Line, error.Field));
        Assert.StartsWith("expected an amount of at most 100,000,000 yuan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADutyCountPastTheMaximum_NamesItsBound()
    {
        var error = Assert.Single(CsvErrors("duties.csv", "duty_id,staff_id,date,duty,count\nD1,T1,2025-03-05,guard,1000001\n"));
        Assert.Equal(("duties.csv", 2, "count", "expected a whole number of at most 1,000,000, got '1000001'"), (error.File, error.Line, error.Field, error.Message));
    }

    [Theory]
    [InlineData("S1\u001b", "student_id", "expected an id without control characters, got U+001B at character 3")]
    [InlineData("S\u00001", "student_id", "expected an id without control characters, got U+0000 at character 2")]
    [InlineData("S1\u0085", "student_id", "expected an id without control characters, got U+0085 at character 3")]
    public void ControlCharactersInAnId_AreRefused(string id, string field, string message)
    {
        var errors = CsvErrors("enrolments.csv", $"student_id,name,class,weekdays,start,last_day\nS2,王小明,3班,135,,\n{id},李华,1班,12345,,\n");
        var error = errors.First(e => e.File == "enrolments.csv");
        Assert.Equal((3, field, message), (error.Line, error.Field, error.Message));
    }

    [Theory]
    [InlineData("李\u0000华", "expected text without control characters, got U+0000 at character 2")]
    [InlineData("\u001b[31m李华", "expected text without control characters, got U+001B at character 1")]
    [InlineData("李华\u007f", "expected text without control characters, got U+007F at character 3")]
    public void ControlCharactersInAName_AreRefused(string name, string message)
    {
        var error = Assert.Single(CsvErrors("enrolments.csv", $"student_id,name,class,weekdays,start,last_day\nS2,王小明,3班,135,,\nS1,\"{name}\",1班,12345,,\n"));
        Assert.Equal(("enrolments.csv", 3, "name", message), (error.File, error.Line, error.Field, error.Message));
    }

    [Fact]
    public void TabsAndLineBreaksInAName_AreText()
    {
        var files = SampleFacts.Csv();
        files["enrolments.csv"] = "student_id,name,class,weekdays,start,last_day\nS2,王小明,3班,135,,\nS1,\"李\t华\r\n(二)\",1班,12345,,\n";
        using var folder = new TempFolder();
        folder.WriteAll(files);
        Assert.Equal("李\t华\r\n(二)", FactsLoader.LoadFolder(folder.Path).Enrolments.Single(e => e.StudentId == "S1").Name);
    }

    [Fact]
    public void ControlCharactersInThePlan_AreRefusedNamingTheKey()
    {
        var error = Assert.Single(PolicyErrors("school: \"示例\\e小学\"\nplan: P\n"));
        Assert.Equal(("p.yaml", 1, "school", "expected text without control characters, got U+001B at character 3"), (error.File, error.Line, error.Field, error.Message));
    }

    [Fact]
    public void AFileOfBadRows_ReportsAtMostTheLimit_AndSaysItStopped()
    {
        // 5,000 rows with an unknown status each: one problem a row, far past the 1,000 reported.
        var rows = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"S1,2025-03-10,gone{i}\n"));
        var errors = CsvErrors("attendance.csv", "student_id,date,status\n" + rows);
        Assert.Equal(InputLimits.MaxErrors + 1, errors.Count);
        var stopped = Assert.Single(errors, e => e.File != "attendance.csv");
        Assert.Equal("reading stopped after the first 1,000 problems; there may be more", stopped.Message);
    }
}
