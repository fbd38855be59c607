using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Compensation.Browser.Tests;

/// <summary>
/// A member of the parents' committee on a phone: signs in with the committee key, opens the demo
/// term's page and reads the figures. They are checked against the saved final settlement (read
/// with the admin key) and against the hand-worked figures of rules-samples/yongqiao-002-s1/README.md;
/// no student or staff name or id and no hardship category may be anywhere in the page. The
/// screenshot goes to the test output, and to docs/images/committee-page.png only when
/// COMPENSATION_UPDATE_DOCS=1 (so a test run never changes the working tree).
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class CommitteePageTests(ServiceProcess service, ITestOutputHelper output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact(Timeout = 180_000)]
    public async Task ACommitteeMember_SignsInOnAPhone_AndSeesTheTermsFigures_WithoutANameIdOrHardshipCategory()
    {
        var key = await service.CreateKeyAsync("committee", service.SchoolId);
        var settlement = await SettlementAsync();
        var termUrl = new Uri(service.BaseUrl, $"published/schools/{service.SchoolId}/terms/{service.TermId}");

        // Run the browser off the test's thread so that the test's timeout bounds it too.
        await Task.Run(() =>
        {
            using var browser = new PhoneBrowser();
            var driver = browser.Driver;

            // Without a key the term page sends the browser to the sign-in form, and back after it.
            driver.Navigate().GoToUrl(termUrl);
            browser.Until(d => d.FindElement(By.Id("key")), "the sign-in form");
            Assert.StartsWith(new Uri(service.BaseUrl, "published?next=").ToString(), driver.Url, StringComparison.Ordinal);
            Assert.Equal(PhoneBrowser.Width, browser.Script<long>("return window.innerWidth;"));

            // A wrong key: the form again, with the error.
            driver.FindElement(By.Id("key")).SendKeys("cmp_not_a_key");
            driver.FindElement(By.Id("sign-in")).Click();
            var error = browser.Until(d => d.FindElement(By.CssSelector("[role=alert]")), "the error of a wrong key");
            Assert.Contains("密钥无效", error.Text, StringComparison.Ordinal);
            SaveInOutput("sign-in.png", browser.Driver.GetScreenshot().AsByteArray);

            driver.FindElement(By.Id("key")).SendKeys(key);
            driver.FindElement(By.Id("sign-in")).Click();
            browser.Until(d => d.FindElements(By.CssSelector("[data-figure=balance]")).Count == 1, "the term page");
            Assert.Equal(termUrl.ToString(), driver.Url);

            // The figures, from the final settlement as the API gives it to the admin.
            var figures = driver.FindElements(By.CssSelector("[data-figure]")).ToDictionary(e => e.GetAttribute("data-figure")!, e => e.Text.Trim());
            output.WriteLine(string.Join("\n", figures.Select(f => $"{f.Key} = {f.Value}")));
            var ledger = settlement.GetProperty("ledger");
            var families = settlement.GetProperty("families").EnumerateArray().ToList();
            var staff = settlement.GetProperty("staff").EnumerateArray().ToList();
            var lessons = staff.Sum(s => s.GetProperty("lessons").GetInt32());
            var lessonPay = staff.Sum(s => s.GetProperty("lessonPay").GetDecimal());
            Assert.Equal(Amount(Line(ledger, "income", "fees")), figures["income.fees"]);
            Assert.Equal(Amount(ledger.GetProperty("totalIncome").GetDecimal()), figures["total-income"]);
            Assert.Equal(Amount(ledger.GetProperty("totalRefunds").GetDecimal()), figures["total-refunds"]);
            Assert.Equal(Amount(Line(ledger, "refunds", "absence")), figures["refunds.absence"]);
            Assert.Equal(Amount(ledger.GetProperty("totalExpenditure").GetDecimal()), figures["total-expenditure"]);
            Assert.Equal(Amount(Line(ledger, "expenditure", "deductions")), figures["expenditure.deductions"]);
            Assert.Equal(Amount(ledger.GetProperty("balance").GetDecimal()), figures["balance"]);
            Assert.Equal(Amount(lessonPay), figures["lesson-pay"]);
            Assert.Equal(Count(lessons), figures["lessons"]);
            Assert.Equal(Amount(decimal.Round(lessonPay / lessons, 2, MidpointRounding.AwayFromZero)), figures["per-lesson"]);
            Assert.Equal(Count(families.Count), figures["students"]);
            Assert.Equal(Count(families.Count(f => f.GetProperty("waived").GetDecimal() > 0m)), figures["waivers"]);
            foreach (var section in new[] { "income", "refunds", "expenditure" })
            {
                foreach (var line in ledger.GetProperty(section).EnumerateArray())
                {
                    Assert.Equal(Amount(line.GetProperty("amount").GetDecimal()), figures[$"{section}.{line.GetProperty("category").GetString()}"]);
                }
            }

            // … and as worked out by hand in rules-samples/yongqiao-002-s1/README.md.
            Assert.Equal("1,785.00", figures["income.fees"]);       // 350 + 350 + 210 + 0 + 175 + 350 + 350
            Assert.Equal("105.00", figures["total-refunds"]);       // S06: 350 × 6/20
            Assert.Equal("1,447.50", figures["total-expenditure"]); // 1000 + 600 − 232.50 + 50 + 30
            Assert.Equal("-232.50", figures["expenditure.deductions"]);
            Assert.Equal("232.50", figures["balance"]);             // 1785 − 105 − 1447.50
            Assert.Equal("25.00", figures["per-lesson"]);           // 1000 ÷ 40 lessons
            Assert.Equal(("7", "2"), (figures["students"], figures["waivers"]));

            // The chart: one bar per category that is not zero; the deductions' bar lies left of the zero line.
            var bars = driver.FindElements(By.CssSelector("#spending-chart svg g[data-category]"));
            Assert.Equal(ledger.GetProperty("expenditure").EnumerateArray().Count(l => l.GetProperty("amount").GetDecimal() != 0m), bars.Count);
            var zeroX = browser.Script<double>("return document.querySelector('#spending-chart svg line').getBoundingClientRect().left;");
            var deductionBar = browser.Script<Dictionary<string, object>>(
                "const r = document.querySelector('#spending-chart g[data-category=deductions] rect').getBoundingClientRect(); return { left: r.left, right: r.right };");
            Assert.True(Convert.ToDouble(deductionBar["right"], Invariant) <= zeroX + 1 && Convert.ToDouble(deductionBar["left"], Invariant) < zeroX - 5, "the negative bar extends to the left of the zero line");

            // The notice PDF is linked, not embedded.
            var notice = driver.FindElement(By.Id("notice-pdf")).GetAttribute("href");
            Assert.Equal(new Uri(service.BaseUrl, $"api/published/schools/{service.SchoolId}/terms/{service.TermId}/notice.pdf").ToString(), notice);

            // Nothing private: no name, id, class, employee number or hardship category, neither in the text nor in the HTML.
            var text = driver.FindElement(By.TagName("body")).Text;
            var html = driver.PageSource;
            foreach (var word in PrivateWords(settlement))
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"the page text shows '{word}'");
                Assert.False(html.Contains(word, StringComparison.Ordinal), $"the page's HTML holds '{word}'");
            }

            // Made for the phone: nothing wider than the screen, every table inside its card.
            Assert.True(browser.Script<long>("return document.documentElement.scrollWidth;") <= PhoneBrowser.Width, "the page scrolls sideways");
            var overflowing = browser.Script<long>(
                "return [...document.querySelectorAll('table, svg, dl, .tiles')].filter(e => e.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 0.5).length;");
            Assert.Equal(0L, overflowing);

            var png = browser.FullPageScreenshot();
            Assert.True(png.Length > 10_000 && png[..4].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "a PNG screenshot");
            SaveInOutput("committee-page.png", png);
            if (Environment.GetEnvironmentVariable("COMPENSATION_UPDATE_DOCS") == "1")
            {
                File.WriteAllBytes(Path.Combine(ServiceProcess.Root, "docs", "images", "committee-page.png"), png);
            }

            // Back to the school's list of published terms, which links the term.
            driver.FindElement(By.CssSelector("nav.crumbs a")).Click();
            var term = browser.Until(d => d.FindElement(By.CssSelector($"a[data-term='{service.TermId}']")), "the school's published terms");
            Assert.EndsWith($"/published/schools/{service.SchoolId}", driver.Url, StringComparison.Ordinal);
            Assert.Contains(service.TermId, term.Text, StringComparison.Ordinal);
            SaveInOutput("school.png", browser.Driver.GetScreenshot().AsByteArray);
        });
    }

    /// <summary>A screenshot in the test output (bin/…/screenshots).</summary>
    private void SaveInOutput(string name, byte[] png)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, png);
        output.WriteLine($"screenshot: {path} ({png.Length} bytes)");
    }

    /// <summary>The demo term's final settlement, byte for byte as saved, read with the admin key.</summary>
    private async Task<JsonElement> SettlementAsync()
    {
        using var admin = service.Client(ServiceProcess.AdminKey);
        return await admin.GetFromJsonAsync<JsonElement>($"api/schools/{service.SchoolId}/terms/{service.TermId}/settlements/{service.RunId}");
    }

    /// <summary>Every name, id, class and employee number of the term's students and staff, and the hardship categories (ids and names) of the sample's plan.</summary>
    private static IEnumerable<string> PrivateWords(JsonElement settlement)
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "dibao", "kunnan", "低保", "家庭经济困难" };
        foreach (var family in settlement.GetProperty("families").EnumerateArray())
        {
            foreach (var field in new[] { "studentId", "name", "className", "hardshipCategory" })
            {
                if (family.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } word)
                {
                    words.Add(word);
                }
            }
        }

        foreach (var member in settlement.GetProperty("staff").EnumerateArray())
        {
            foreach (var field in new[] { "staffId", "name", "employeeNo" })
            {
                if (member.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } word)
                {
                    words.Add(word);
                }
            }
        }

        Assert.Contains("陈一", words);
        Assert.Contains("S01", words);
        return words;
    }

    private static decimal Line(JsonElement ledger, string section, string category) =>
        ledger.GetProperty(section).EnumerateArray().Single(l => l.GetProperty("category").GetString() == category).GetProperty("amount").GetDecimal();

    private static string Amount(decimal yuan) => yuan == 0m ? "0.00" : yuan.ToString("#,##0.00", Invariant);

    private static string Count(int n) => n.ToString(Invariant);
}
