using Compensation.Api.Features;
using Compensation.Api.Features.Audit.List;
using Compensation.Api.Features.Facts.Import;
using Compensation.Api.Features.Facts.Imports;
using Compensation.Api.Features.Keys.Create;
using Compensation.Api.Features.Pay.Feed;
using Compensation.Api.Features.Plans.Upload;
using Compensation.Api.Features.Published.Accounts;
using Compensation.Api.Features.Results.Explain;
using Compensation.Api.Features.Schools.Create;
using Compensation.Api.Features.Settlements;
using Compensation.Api.Features.Settlements.WhatIf;
using Compensation.Api.Features.Terms.Calendar;
using Compensation.Api.Features.Terms.Create;
using Compensation.Api.Services;
using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Hosting;

/// <summary>
/// Examples for the OpenAPI document: a value of every type the API answers in JSON (a list answers one of its
/// items), the bodies of error responses whose code is fixed, and the request bodies the endpoints do not give in
/// their summaries. The figures are the 埇桥 sample's (rules-samples/yongqiao-002-s1, worked by hand in its
/// README.md): the school as "yongqiao-1", its term as "2025-spring".
/// </summary>
public static class OpenApiExamples
{
    private const string School = "yongqiao-1";
    private const string SchoolName = "埇桥区示例小学";
    private const string Term = "2025-spring";
    private const string PlanName = "课后服务实施方案1（收费管理·分配办法·绩效考核）";
    private const string Accountant = "会计 张";
    private const string RequestId = "0HNQG3H6VQFN7:00000001";
    private const string PolicySha = "ffcd04cbc9d0b72294ee5218ab1e2cbbd5fb10de00ada1ed4006fe273a8ef3db";
    private const string InputSha = "5805e1b16b99e39bde42790bff07ccb2232c34c951907b6a168b842940128a82";
    private const string OutputSha = "995545237af487a22aec606077658308870c8a53ca3cbedba86b95eaadb74fa9";
    private static readonly DateOnly TermStart = new(2025, 3, 17);
    private static readonly DateOnly TermEnd = new(2025, 4, 11);
    private static readonly DateTimeOffset Imported = new(2025, 4, 11, 16, 20, 5, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Settled = new(2025, 4, 14, 9, 30, 12, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Finalised = new(2025, 4, 14, 10, 2, 47, TimeSpan.FromHours(8));

    /// <summary>A policy file (docs/policy-format.md) that the plan upload takes as it is.</summary>
    private const string Policy = """
        school: 埇桥区示例小学
        plan: 课后服务实施方案1（收费管理·分配办法·绩效考核）
        fees:
          mode: flat-term
          term_fee: 350
          clause: "002 §1 一(一)"
        subsidy:
          mode: none
        refunds:
          surplus:
            mode: keep
            clause: "002 §1 一(三)"
        pay:
          mode: per-lesson
          rate: 25
          clause: "002 §1 二(三)2"

        """;

    private static readonly Dictionary<Type, object> Requests = new()
    {
        [typeof(UploadPlanRequest)] = Policy,
    };

    private static readonly Dictionary<Type, object> Responses = CreateResponses();

    /// <summary>The example body of a request DTO that its endpoint does not give, or null.</summary>
    public static object? Request(Type requestType) => Requests.GetValueOrDefault(requestType);

    /// <summary>An example of a response type, or of a list of it (one item), or null.</summary>
    public static object? Response(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (Responses.TryGetValue(type, out var example))
        {
            return example;
        }

        var item = type.IsGenericType && type.GetGenericArguments() is [var argument] && typeof(IEnumerable<>).MakeGenericType(argument).IsAssignableFrom(type) ? argument : null;
        return item is not null && Responses.TryGetValue(item, out var one) ? new[] { one } : null;
    }

    /// <summary>The body of an error response whose code is fixed by its status, or null.</summary>
    public static Problem? Problem(int status) => status switch
    {
        400 => Of(400, "bad-input", "the input has problems; nothing was changed", [new ProblemItem("lessons.csv", 3, "minutes", "expected a whole number from 1 to 600, got 'forty'")]),
        401 => Of(401, "no-key", "this route needs an API key in the X-Api-Key header"),
        403 => Of(403, "forbidden-role", "a key of the role committee may not use this route"),
        404 => Of(404, "not-found", $"term 2025-autumn of school {School} was not found"),
        413 => Of(413, ErrorResponses.UploadTooLarge, "the request body of 80000000 bytes is larger than the limit of 67108864 bytes; nothing was read or changed"),
        503 => Of(503, Features.Documents.DocumentEndpoint<Features.Documents.RunDocumentRequest>.FontMissing, new Reports.ReportFontNotFoundException(Reports.ReportFontResolver.FamilyName, ["LXGWWenKai-Regular.ttf", "LXGWWenKai-Bold.ttf"], ["/usr/share/fonts"]).Message),
        415 => Of(415, "unsupported-media-type", "the route does not take a body of type 'text/csv'; see its request body in the OpenAPI document"),
        _ => null,
    };

    private static Problem Of(int status, string code, string title, IReadOnlyList<ProblemItem>? errors = null) =>
        new("https://compensation.invalid/errors/" + code, title, status, code, RequestId, errors ?? []);

    private static Money Yuan(decimal amount) => Money.Of(amount);

    private static Dictionary<Type, object> CreateResponses()
    {
        var run = new RunResponse(2, "final", 2, 1, InputSha, OutputSha, Settled, Accountant, Finalised, 1);
        var lateness = new DeductionLine("lateness", "escalation", 50m, Yuan(150.00m), ["conduct:C01", "conduct:C02", "conduct:C03"], "002 §1 二(四)3",
            new Bilingual(
                "2025年3月迟到、早退、私自调课 共 3 次（达到 3 次），扣当月课时费 300.00 × 50% = 150.00（不低于逐次扣除合计 75.00，代替逐次扣除）",
                "3 × late/early-leave/swap in 2025-03 (≥ 3): the month's lesson pay 300.00 × 50% = 150.00 (not less than the per-event sum 75.00; instead of it)"),
            "deductions.review/lateness:T01|2025-03:escalation");
        var family = new FamilyLine
        {
            StudentId = "S06",
            Name = "冯六",
            ClassName = "四(1)班",
            DaysPerWeek = 5,
            ServiceDays = 20,
            DaysAttended = 14,
            Charged = Yuan(350.00m),
            CapReduction = Yuan(0.00m),
            Subsidy = Yuan(0.00m),
            Waived = Yuan(0.00m),
            Payable = Yuan(350.00m),
            Refunds = [new RefundLine(RefundKind.Absence, Yuan(105.00m), 6, new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 8), "refunds.absence:S06:2025-03-31")],
            Refunded = Yuan(105.00m),
            Net = Yuan(245.00m),
            Paid = Yuan(350.00m),
            Balance = Yuan(-105.00m),
            Months = [],
            HardshipCategory = null,
            FactIds = ["fees.cap:S06", "waivers.hardship:S06", "fees.family-account:S06", "refunds.absence:S06:2025-03-31"],
        };
        var staff = new StaffLine
        {
            StaffId = "T01",
            Name = "王老师",
            EmployeeNo = "E001",
            Role = "teacher",
            External = false,
            Months =
            [
                new StaffMonth
                {
                    Month = Month.Parse("2025-03"), Lessons = 12, LessonUnits = 12m, LessonPay = Yuan(300.00m), Stipends = [], StipendTotal = Yuan(0.00m),
                    DeductionBase = Yuan(300.00m), Deductions = [lateness], DeductionTotal = Yuan(150.00m), Gross = Yuan(300.00m), Net = Yuan(150.00m),
                },
                new StaffMonth
                {
                    Month = Month.Parse("2025-04"), Lessons = 8, LessonUnits = 8m, LessonPay = Yuan(200.00m), Stipends = [], StipendTotal = Yuan(0.00m),
                    DeductionBase = Yuan(200.00m), Deductions = [], DeductionTotal = Yuan(0.00m), Gross = Yuan(200.00m), Net = Yuan(200.00m),
                },
            ],
            TermDeductions = [],
            Lessons = 20,
            LessonUnits = 20m,
            LessonPay = Yuan(500.00m),
            Stipends = Yuan(0.00m),
            ExternalPay = Yuan(0.00m),
            Awards = Yuan(0.00m),
            Gross = Yuan(500.00m),
            Deductions = Yuan(150.00m),
            Net = Yuan(350.00m),
            FactIds = ["pay.staff-account:T01"],
        };
        LedgerLine Line(string category, string zh, string en, decimal amount) => new(category, new Bilingual(zh, en), Yuan(amount), "ledger.fund:" + category);
        var ledger = new Ledger
        {
            Income = [Line("fees", "课后服务费", "Service fees", 1785.00m), Line("subsidies", "财政补贴", "Fiscal subsidies", 0.00m)],
            Refunds = [Line("absence", "缺勤退费", "Absence refunds", 105.00m), Line("withdrawal", "退出退费", "Withdrawal refunds", 0.00m)],
            Expenditure =
            [
                Line("lesson-pay", "课时费", "Lesson pay", 1000.00m), Line("stipends", "管理服务补助", "Duty stipends", 600.00m),
                Line("deductions", "考核扣除", "Review deductions", -232.50m), Line("consumables", "消耗品购置", "Consumables", 50.00m),
                Line("venue", "场地维护", "Venue upkeep", 30.00m),
            ],
            TotalIncome = Yuan(1785.00m),
            TotalRefunds = Yuan(105.00m),
            TotalExpenditure = Yuan(1447.50m),
            BalanceBeforeSurplus = Yuan(232.50m),
            SurplusRefunded = Yuan(0.00m),
            CarriedForward = Yuan(0.00m),
            Balance = Yuan(232.50m),
            CashReceived = Yuan(1785.00m),
        };
        var account = new ExplanationEntry("fees.family-account:S06", "fees.family-account", new Bilingual("家庭收费结算", "Family account"), "002 §7 七2: 每学期末按实结算，多还少补",
            new Bilingual("应缴 350.00 − 退费 105.00 = 245.00；已缴 350.00", "payable 350.00 − refunds 105.00 = 245.00; paid 350.00"),
            ["waivers.hardship:S06", "refunds.absence:S06:2025-03-31", "payment:P06"]);
        var refund = new ExplanationEntry("refunds.absence:S06:2025-03-31", "refunds.absence", new Bilingual("缺勤退费", "Absence refund"), "002 §1 一(一)",
            new Bilingual("应缴 350.00 × 缺席 6 日 / 服务 20 日 = 105.00", "payable 350.00 × 6 days missed / 20 service days = 105.00"),
            ["refunds.absence-spell:S06:2025-03-31", "waivers.hardship:S06", "fees.schedule:S06"]);
        var settlement = new SettlementResult
        {
            School = SchoolName,
            Plan = PlanName,
            TermId = Term,
            TermStart = TermStart,
            TermEnd = TermEnd,
            ServiceDays = 20,
            Families = [family],
            Staff = [staff],
            Ledger = ledger,
            Findings = [],
            Explanations = new Dictionary<string, ExplanationEntry> { [account.Id] = account, [refund.Id] = refund },
        };
        AccountLine Account(LedgerLine l) => new(l.Category, l.Name.Zh, l.Name.En, l.Amount.Yuan);

        return new Dictionary<Type, object>
        {
            [typeof(SchoolResponse)] = new SchoolResponse(School, SchoolName),
            [typeof(CreateKeyResponse)] = new CreateKeyResponse(2, Accountant, "accountant", School, "cmp_3f9c2a7d41e85b06c1d9e2f47a3b8c05d6e1f2a3b4c5d6e7"),
            [typeof(Features.Keys.Get.KeyResponse)] = new Features.Keys.Get.KeyResponse(2, Accountant, "accountant", School, Imported.AddDays(-30)),
            [typeof(TermResponse)] = new TermResponse(School, Term, TermStart, TermEnd),
            [typeof(CalendarResponse)] = new CalendarResponse(School, Term, TermStart, TermEnd, 20,
                [new ServiceDay(new DateOnly(2025, 3, 17), 1, 1), new ServiceDay(new DateOnly(2025, 3, 28), 5, 5), new ServiceDay(new DateOnly(2025, 3, 29), 6, 5)],
                [new CalendarDay(new DateOnly(2025, 4, 4), null, "清明节 / Qingming festival")],
                [new CalendarDay(new DateOnly(2025, 3, 29), 5, "调休上课，执行周五课表 / make-up day, Friday timetable")]),
            [typeof(PlanResponse)] = new PlanResponse(School, 1, "policy.yaml", PolicySha, new DateTimeOffset(2025, 3, 14, 15, 42, 9, TimeSpan.FromHours(8)), Accountant, PlanName),
            [typeof(ImportResponse)] = new ImportResponse(1, "csv", false, Imported, Accountant,
                [new ImportedFile("lessons.csv", 40, "fa1f40271455aa942ff8aaec5bb7ff02e375682d68c13b0b4a879f7c654d2923"), new ImportedFile("staff.csv", 6, "41074bfcbdab821525b5eabd170e3274472336279643384776ae8f899ebb856f")], []),
            [typeof(IReadOnlyList<ImportListItem>)] = new[]
            {
                new ImportListItem(1, "csv", Imported, Accountant,
                    "attendance.csv (10 rows), calendar.csv (2 rows), conduct.csv (7 rows), duties.csv (32 rows), enrolments.csv (7 rows), expenses.csv (2 rows), hardship.csv (2 rows), lessons.csv (40 rows), payments.csv (6 rows), staff.csv (6 rows)",
                    "import-1", null, null, []),
                new ImportListItem(2, "correction", Imported.AddDays(2), Accountant, "conduct: 1 removed → conduct.csv (6 rows)", null, "correction.json", "考核小组复议：C04 有请假条",
                [
                    new FactCorrectionEntry("conduct", "C04", "removed",
                        new Dictionary<string, string?> { ["event_id"] = "C04", ["staff_id"] = "T02", ["date"] = "2025-03-26", ["kind"] = "no-show", ["decided_percent"] = null, ["lesson_id"] = "L0326-2", ["note"] = "无故空堂一节" },
                        null),
                ]),
            },
            [typeof(RunResponse)] = run,
            [typeof(FinaliseResponse)] = new FinaliseResponse(run, [], [new SettlementService.Difference("T02", Yuan(250.00m), Yuan(275.00m), Yuan(25.00m))]),
            [typeof(ReproduceResponse)] = new ReproduceResponse(2, OutputSha, OutputSha, true),
            [typeof(WhatIfResponse)] = new WhatIfResponse(1, "plan version 2",
                [new Change("S01", Yuan(350.00m), Yuan(300.00m), Yuan(-50.00m)), new Change("S04", Yuan(0.00m), Yuan(300.00m), Yuan(300.00m))],
                [new Change("T01", Yuan(350.00m), Yuan(500.00m), Yuan(150.00m))],
                [new Change("balance", Yuan(232.50m), Yuan(900.00m), Yuan(667.50m)), new Change("income:fees", Yuan(1785.00m), Yuan(1980.00m), Yuan(195.00m))]),
            [typeof(SettlementResult)] = settlement,
            [typeof(FamilyLine)] = family,
            [typeof(StaffLine)] = staff,
            [typeof(Ledger)] = ledger,
            [typeof(Finding)] = new Finding("pay-above-ceiling", Severity.Warning, "pay",
                new Bilingual("课时费 25 元高于上限 20 元", "pay of 25 yuan per lesson is above the ceiling of 20"), "pay.ceiling", "002 §1 二(一)", ["pay.pool:pool"]),
            [typeof(ExplanationNode)] = new ExplanationNode(account.Id, account.RuleId, account.RuleTitle, account.Clause, account.Sentence, 3,
            [
                new ExplanationNode(refund.Id, refund.RuleId, refund.RuleTitle, refund.Clause, refund.Sentence, 3, []),
                new ExplanationNode("payment:P06", null, null, null, null, 0, []),
            ]),
            [typeof(PayFeedResponse)] = new PayFeedResponse(1, 100, 12,
            [
                new PayFeedLine(School, Term, "T01", "E001", "王老师", "2025-03", Yuan(300.00m), Yuan(0.00m), Yuan(150.00m), Yuan(150.00m),
                    [new PayFeedDeduction(lateness.RuleId, lateness.Kind, lateness.Percent, lateness.Amount, lateness.Clause, lateness.Reason.Zh, lateness.Reason.En, lateness.EventIds)],
                    Finalised, 1),
                new PayFeedLine(School, Term, "G01", "E101", "刘师傅", "2025-03", Yuan(360.00m), Yuan(360.00m), Yuan(0.00m), Yuan(360.00m), [], Finalised, 1),
            ]),
            [typeof(AccountsResponse)] = new AccountsResponse(SchoolName, Term, TermStart, TermEnd, 1, Finalised, 7, 2, 6, 40, 25.00m,
                [.. ledger.Income.Select(Account)], [.. ledger.Refunds.Select(Account)], [.. ledger.Expenditure.Select(Account)],
                1785.00m, 105.00m, 1447.50m, 0.00m, 0.00m, 232.50m),
            [typeof(AuditLine)] = new AuditLine(41, Finalised, Accountant, "settlements.finalise", $"/api/schools/{School}/terms/{Term}/settlements/2/finalise", "ok 200", RequestId),
        };
    }
}
