// The README's walk-through ("A term from start to published accounts"), written against the client NSwag generates
// from the service's OpenAPI document; compiled and run by OpenApiToolTests. Each step checks what the README says it
// gives, so a contract that a generated client cannot use fails here.
#nullable disable
namespace Compensation.Generated;

using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

public static class WalkThrough
{
    private static readonly string[] FactFiles = ["calendar", "enrolments", "attendance", "hardship", "payments", "staff", "lessons", "conduct", "duties", "expenses"];

    private static string _step = "";

    public static async Task<string> RunAsync(string baseUrl, string adminKey, string sample)
    {
        try
        {
            return await StepsAsync(baseUrl, adminKey, sample);
        }
        catch (ApiException<Problem> e)
        {
            throw new InvalidOperationException($"walk-through, {_step}: {e.StatusCode} {e.Result.Code}: {e.Result.Title}; " +
                string.Join("; ", e.Result.Errors.Select(x => $"{x.File}:{x.Line}: {x.Field}: {x.Message}")), e);
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException($"walk-through, {_step}: {e.StatusCode} {e.Message} {e.Response}", e);
        }
    }

    private static async Task<string> StepsAsync(string baseUrl, string adminKey, string sample)
    {
        var log = new StringBuilder();
        using var adminHttp = Http(baseUrl, adminKey);
        var admin = new CompensationClient(adminHttp);

        _step = "CreateSchool";
        var school = await admin.CreateSchoolAsync(new CreateSchoolRequest { Id = "yq1", Name = "埇桥区示例小学" });
        Check(school.Id == "yq1", "createSchool answers the school");
        _step = "GetSchool";
        Check((await admin.GetSchoolAsync("yq1")).Name == "埇桥区示例小学", "getSchool reads it back");
        _step = "CreateKey";
        var key = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "会计", Role = "accountant", SchoolId = "yq1" });
        log.AppendLine("key for " + key.Role);

        using var accountantHttp = Http(baseUrl, key.Key);
        var accountant = new CompensationClient(accountantHttp);
        _step = "CreateTerm";
        await accountant.CreateTermAsync("yq1", new CreateTermRequest { SchoolId = "yq1", TermId = "2025-spring", Start = new DateTimeOffset(2025, 3, 17, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2025, 4, 11, 0, 0, 0, TimeSpan.Zero) });
        _step = "GetTerm";
        var term = await accountant.GetTermAsync("yq1", "2025-spring");
        Check(term.Start.Date == new DateTime(2025, 3, 17) && term.End.Date == new DateTime(2025, 4, 11), "the term keeps its first and last day");

        _step = "UploadPlan";
        var plan = await accountant.UploadPlanAsync("yq1", null, File.ReadAllText(Path.Combine(sample, "policy.yaml")));
        log.AppendLine("plan version " + plan.Version);

        FileParameter Part(string name) =>
            FactFiles.Contains(name) ? new FileParameter(new MemoryStream(File.ReadAllBytes(Path.Combine(sample, "facts", name + ".csv"))), name + ".csv", "text/csv") : null;
        _step = "ImportFacts";
        var import = await accountant.ImportFactsAsync("yq1", "2025-spring", "import-1",
            Part("calendar"), Part("enrolments"), Part("attendance"), Part("hardship"), Part("payments"), Part("subsidies"),
            Part("staff"), Part("lessons"), Part("conduct"), Part("duties"), Part("expenses"), Part("awards"));
        Check(!import.Repeated && import.Files.Count >= FactFiles.Length, $"the import saved the {FactFiles.Length} files");

        _step = "CorrectFacts";
        var correction = await accountant.CorrectFactsAsync("yq1", "2025-spring", null, null, new Body { Reason = "考核小组复议", Remove = new Remove { Conduct = ["C04"] } });
        Check(correction.Kind == "correction", "the correction is recorded as one");

        _step = "PreviewSettlement";
        var preview = await accountant.PreviewSettlementAsync("yq1", "2025-spring", null);
        Check(preview.Families.Count > 0, "the preview settles the families");
        _step = "DraftSettlement";
        var draft = await accountant.DraftSettlementAsync("yq1", "2025-spring", null);
        Check(draft.Status == "draft", "a draft");
        _step = "FinaliseSettlement";
        var final = await accountant.FinaliseSettlementAsync("yq1", "2025-spring", draft.RunId, null);
        log.AppendLine($"finalised: version {final.Run.FinalVersion}");

        // Families with refunds: their refund kinds are strings the client reads as its enum.
        _step = "ListSettlementFamilies";
        var families = await accountant.ListSettlementFamiliesAsync("yq1", "2025-spring", draft.RunId);
        Check(families.SelectMany(f => f.Refunds).Any(r => r.Kind == RefundKind.Absence), "an absence refund is read");
        _step = "GetSettlement";
        var saved = await accountant.GetSettlementAsync("yq1", "2025-spring", draft.RunId);
        Check(saved.Families.Count == families.Count, "the saved settlement has the same families");
        _step = "ListSettlementFindings";
        var findings = await accountant.ListSettlementFindingsAsync("yq1", "2025-spring", draft.RunId);
        log.AppendLine($"findings: {findings.Count}");
        var line = families.SelectMany(f => f.Refunds).First(r => r.Kind == RefundKind.Absence).FactId;
        _step = "ExplainLine";
        var tree = await accountant.ExplainLineAsync("yq1", "2025-spring", draft.RunId, line, 3);
        Check(tree.Sources.Count > 0, "the explanation reaches its sources");

        _step = "ListSettlementStaff";
        var staff = await accountant.ListSettlementStaffAsync("yq1", "2025-spring", draft.RunId);
        var student = families.First().StudentId;
        await Pdf(accountant.GetSettlementNoticeAsync("yq1", "2025-spring", draft.RunId), "the notice");
        await Pdf(accountant.GetStaffStatementAsync("yq1", "2025-spring", draft.RunId, staff.First().StaffId), "a staff statement");
        await Pdf(accountant.GetFamilyStatementAsync("yq1", "2025-spring", draft.RunId, student), "a family statement");
        await Pdf(accountant.GetPublishedNoticeAsync("yq1", "2025-spring"), "the published notice");
        await Workbook(accountant.GetSettlementWorkbookAsync("yq1", "2025-spring", draft.RunId), "the accountant's workbook");
        await Workbook(accountant.GetFactsTemplateAsync("yq1", "2025-spring"), "the facts template");

        _step = "GetPublishedAccounts";
        var accounts = await accountant.GetPublishedAccountsAsync("yq1", "2025-spring");
        Check(accounts.FinalVersion == 1, "the published accounts are of final version 1");
        _step = "GetPayFeed";
        var pay = await admin.GetPayFeedAsync("yq1", "2025-spring", "2025-03", null, null, null, null);
        Check(pay.Total > 0 && pay.Lines.All(l => l.Month == "2025-03"), "the pay feed has March's lines");
        log.AppendLine($"pay lines: {pay.Total}");
        return log.ToString();
    }

    private static HttpClient Http(string baseUrl, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    private static async Task Pdf(Task<FileResponse> download, string what)
    {
        _step = what;
        using var file = await download;
        var head = await Head(file, 5);
        Check(head == "%PDF-" && file.Headers["Content-Type"].Single() == "application/pdf", what + " is a PDF");
    }

    private static async Task Workbook(Task<FileResponse> download, string what)
    {
        _step = what;
        using var file = await download;
        Check(await Head(file, 2) == "PK", what + " is an xlsx (zip) file");
    }

    private static async Task<string> Head(FileResponse file, int length)
    {
        var buffer = new byte[length];
        await file.Stream.ReadExactlyAsync(buffer);
        return Encoding.ASCII.GetString(buffer);
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("walk-through: expected " + what);
        }
    }
}
