using Compensation.Rules.Policy;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Rules.Tests.Loading;

public class PolicyLoaderTests
{
    /// <summary>The example of docs/policy-format.md, verbatim.</summary>
    private const string DocExample = """
        school: 埇桥区示例小学            # required
        plan: 课后服务实施方案1          # required
        source: seed 002 §1              # where the plan text is

        fees:
          mode: flat-term                # flat-term | per-lesson-hour | free
          term_fee: 350                  # flat-term: fee for 5 days a week
          rate_per_lesson_hour: 3        # per-lesson-hour: yuan per lesson-hour attended
          lesson_hours_per_day: 3        # per-lesson-hour: midday care counts 3 lesson-hours
          pro_rata_days_per_week: true   # fewer than 5 days a week: fee × days ÷ 5 (default true)
          pro_rata_join: true            # joining late: fee × days from joining ÷ term days (default true)
          clause: "002 §1 一(一)"
          cap:                           # optional
            per_term: 350                # for 5 days a week; pro rata for fewer days
            per_lesson_hour: 3           # per-lesson-hour plans: highest allowed rate
            clamp: false                 # true: charge at most the cap; false: only report a finding
            severity: warning            # warning | error: the finding for a charge above the cap (default warning)
            clause: "002 §1 一(一)"

        subsidy:
          mode: none                     # none | per-student | lump-sum | fund
          per_student: 100               # per-student: yuan per student per term, taken off the fee first
          pro_rata_join: false           # per-student: joining late gets per_student × days from joining ÷ term days (default false)
          clause: "002 §7 七1"

        refunds:
          absence:                       # optional: 连续一周以上 (以上 includes the week itself)
            min_weeks: 1                 # or min_service_days: N, never both (default min_weeks: 1)
            refund_percent: 100          # share of the daily rate refunded per day of the spell (default 100)
            statuses: [absent, leave]
            clause: "002 §1 一(一)"
          withdrawal:                    # optional: withdrawal settled by days actually served
            clause: "001 篇四"
          surplus:
            mode: keep                   # keep | refund | carry-forward: what happens to the fee part
            split: pro-rata              # pro-rata | subsidy-first: the fee part and the subsidy part of the balance
            subsidy_part: keep           # keep | return-to-funder | refund-to-families (mode refund only)
            share: net-payable           # net-payable | per-student | days-served: how families share a refund
            clause: "001 篇四"

        waivers:
          clause: "001 篇四"
          categories:                    # code: {name, max_percent}
            dibao: { name: 低保, max_percent: 100 }
            jiandang: { name: 建档立卡, max_percent: 100 }

        pay:
          mode: pool                     # per-lesson | per-lesson-hour | pool
          rate: 20                       # per-lesson / per-lesson-hour
          lesson_hour_minutes: 60        # per-lesson-hour: minutes that make one lesson-hour
          pool_includes_subsidies: false # pool: subsidies count in the fee total
          pool_deducts_expenses: [consumables, venue]
          floor:   { amount: 60, unit: lesson-hour, clamp: false, clause: "004 §11" }
          ceiling: { amount: 60, unit: lesson, clamp: false, clause: "002 §1 二(一)" }
          clause: "002 §1 二(三)2"

        stipends:
          per_day: { guard: 30, duty-leader: 0, support: 0, admin-duty: 0 }
          per_break: 10                  # break-supervision, per break
          admin_duty_share: { percent: 8, lesson_value: 7, clause: "001 篇三 (一)2(2)" }
          clause: "002 §1 二(三)1"

        deductions:
          base: lesson-pay               # lesson-pay | lesson-pay-and-stipends
          rules:
            - id: no-show
              kinds: [no-show]
              each: lesson               # lesson | day | percent | decided | none
              clause: "002 §1 二(四)2"
            - id: lateness
              kinds: [late, early-leave, swap]
              each: day
              escalation: { at: 3, percent: 50, mode: replace }   # replace | add
              clause: "002 §1 二(四)3"
            - id: handover
              kinds: [handover]
              each: percent
              percent: 10
              escalation: { at: 3, percent: 50, mode: replace }
            - id: perfunctory
              kinds: [perfunctory, complaint]
              each: decided
              range: [10, 100]
            - id: incident
              kinds: [incident]
              each: decided
              range: [50, 100]
              scope: month               # month | term

        awards:
          reserve: 500
          clause: "002 §1 二(四)7"

        publication:
          legal_basis: 《埇桥区全面推进中小学课后服务工作实施方案》
          complaint_phone: "0557-0000000"
        """;

    private static IReadOnlyList<InputError> Errors(string yaml) =>
        Assert.Throws<InputException>(() => PolicyLoader.LoadText(yaml, "p.yaml")).Errors;

    [Fact]
    public void DocExample_MapsToTheExpectedRecords()
    {
        var p = PolicyLoader.LoadText(DocExample, "policy.yaml");

        Assert.Equal(("埇桥区示例小学", "课后服务实施方案1", "seed 002 §1"), (p.School, p.Plan, p.Source));

        Assert.Equal(FeeMode.FlatTerm, p.Fees.Mode);
        Assert.Equal((350m, 3m, 3m, true, true, "002 §1 一(一)"), (p.Fees.TermFee, p.Fees.RatePerLessonHour, p.Fees.LessonHoursPerDay, p.Fees.ProRataByDaysPerWeek, p.Fees.ProRataJoin, p.Fees.Clause));
        Assert.Equal(new FeeCap { PerTerm = 350m, PerLessonHour = 3m, Clamp = false, Severity = Compensation.Rules.Domain.Severity.Warning, Clause = "002 §1 一(一)" }, p.Fees.Cap);

        Assert.Equal(new SubsidyPolicy { Mode = SubsidyMode.None, PerStudent = 100m, Clause = "002 §7 七1" }, p.Subsidy);

        Assert.NotNull(p.Refunds.Absence);
        Assert.Equal((1, (int?)null, 100m), (p.Refunds.Absence.MinWeeks, p.Refunds.Absence.MinServiceDays, p.Refunds.Absence.RefundPercent));
        Assert.Equal(["absent", "leave"], p.Refunds.Absence.Statuses);
        Assert.Equal("002 §1 一(一)", p.Refunds.Absence.Clause);
        Assert.Equal(new WithdrawalRefundPolicy { Clause = "001 篇四" }, p.Refunds.Withdrawal);
        Assert.Equal(new SurplusPolicy { Mode = SurplusMode.Keep, Split = SurplusSplit.ProRata, SubsidyPart = SubsidyPart.Keep, Share = SurplusShare.NetPayable, Clause = "001 篇四" }, p.Refunds.Surplus);

        Assert.Equal("001 篇四", p.Waivers.Clause);
        Assert.Equal(new WaiverCategory("低保", 100m), p.Waivers.Categories["dibao"]);
        Assert.Equal(new WaiverCategory("建档立卡", 100m), p.Waivers.Categories["jiandang"]);
        Assert.Equal(2, p.Waivers.Categories.Count);

        Assert.Equal((PayMode.Pool, 20m, 60, false, "002 §1 二(三)2"), (p.Pay.Mode, p.Pay.Rate, p.Pay.LessonHourMinutes, p.Pay.PoolIncludesSubsidies, p.Pay.Clause));
        Assert.Equal(["consumables", "venue"], p.Pay.PoolDeductsExpenses);
        Assert.Equal(new RateBound { Amount = 60m, Unit = RateUnit.LessonHour, Clamp = false, Clause = "004 §11" }, p.Pay.Floor);
        Assert.Equal(new RateBound { Amount = 60m, Unit = RateUnit.Lesson, Clamp = false, Clause = "002 §1 二(一)" }, p.Pay.Ceiling);

        Assert.Equal(new Dictionary<string, decimal> { ["guard"] = 30m, ["duty-leader"] = 0m, ["support"] = 0m, ["admin-duty"] = 0m }, p.Stipends.PerDay);
        Assert.Equal(10m, p.Stipends.PerBreak);
        Assert.Equal(new AdminDutyShare { Percent = 8m, LessonValue = 7m, Clause = "001 篇三 (一)2(2)" }, p.Stipends.AdminDutyShare);
        Assert.Equal("002 §1 二(三)1", p.Stipends.Clause);

        Assert.Equal(DeductionBase.LessonPay, p.Deductions.Base);
        var rules = p.Deductions.Rules;
        Assert.Equal(["no-show", "lateness", "handover", "perfunctory", "incident"], rules.Select(r => r.Id));
        Assert.Equal(["late", "early-leave", "swap"], rules[1].Kinds);
        Assert.Equal(
            [DeductionEach.Lesson, DeductionEach.Day, DeductionEach.Percent, DeductionEach.Decided, DeductionEach.Decided],
            rules.Select(r => r.Each));
        Assert.Equal("002 §1 二(四)2", rules[0].Clause);
        Assert.Null(rules[0].Escalation);
        Assert.Equal(new Escalation(3, 50m, EscalationMode.Replace), rules[1].Escalation);
        Assert.Equal((10m, new Escalation(3, 50m, EscalationMode.Replace)), (rules[2].Percent, rules[2].Escalation));
        Assert.Equal((10m, 100m), rules[3].Range);
        Assert.Equal((50m, 100m), rules[4].Range);
        Assert.Equal(DeductionScope.Month, rules[4].Scope);
        Assert.Equal("", rules[4].Clause);

        Assert.Equal(new AwardPolicy { Reserve = 500m, Clause = "002 §1 二(四)7" }, p.Awards);
        Assert.Equal(new PublicationPolicy { LegalBasis = "《埇桥区全面推进中小学课后服务工作实施方案》", ComplaintPhone = "0557-0000000" }, p.Publication);
    }

    [Fact]
    public void JsonForm_LoadsTheSamePolicy()
    {
        const string json = """
            {
              "school": "S", "plan": "P",
              "fees": { "mode": "per-lesson-hour", "rate_per_lesson_hour": 3, "lesson_hours_per_day": 3, "cap": { "per_lesson_hour": 3 } },
              "deductions": { "rules": [ { "id": "late", "kinds": ["late"], "each": "percent", "percent": 5 } ] }
            }
            """;
        using var folder = new TempFolder();
        var p = PolicyLoader.LoadFile(folder.Write("policy.json", json));
        Assert.Equal((FeeMode.PerLessonHour, 3m, 3m, 3m), (p.Fees.Mode, p.Fees.RatePerLessonHour, p.Fees.LessonHoursPerDay, p.Fees.Cap!.PerLessonHour!.Value));
        Assert.Equal(5m, Assert.Single(p.Deductions.Rules).Percent);
    }

    [Fact]
    public void MinimalPolicy_TakesTheDefaults()
    {
        var p = PolicyLoader.LoadText("school: S\nplan: P\n", "p.yaml");
        Assert.Equal(new FeePolicy().Mode, p.Fees.Mode);
        Assert.Null(p.Refunds.Absence);
        Assert.Null(p.Refunds.Withdrawal);
        Assert.Empty(p.Deductions.Rules);
    }

    [Fact]
    public void UnknownKey_NamesTheLineFieldAndAllowedKeys()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\nfees:\n  mode: free\n  cap:\n    per_trem: 350\n"));
        Assert.Equal(new InputError("p.yaml", 6, "fees.cap.per_trem", "unknown key 'per_trem'; expected one of per_term, per_lesson_hour, clamp, severity, clause"), error);
    }

    [Fact]
    public void WrongType_NamesTheLineAndField()
    {
        var errors = Errors("school: S\nplan: P\nfees:\n  mode: flat-term\n  term_fee: 350\n  cap:\n    per_term: abc\n    clamp: maybe\n");
        Assert.Equal(
            [
                new InputError("p.yaml", 7, "fees.cap.per_term", "expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got 'abc'"),
                new InputError("p.yaml", 8, "fees.cap.clamp", "expected true or false, got 'maybe'"),
            ],
            errors);
    }

    [Fact]
    public void QuotedNumber_IsText_AndSoTheWrongType()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\nfees: { mode: flat-term, term_fee: \"350\" }\n"));
        Assert.Equal(new InputError("p.yaml", 3, "fees.term_fee", "expected an amount of yuan with at most two decimals (e.g. 350 or 12.5), got the quoted text '350'"), error);
    }

    [Fact]
    public void MappingWhereAValueBelongs_IsTheWrongType()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\nawards:\n  reserve:\n    amount: 5\n"));
        Assert.Equal(("p.yaml", 5, "awards.reserve"), (error.File, error.Line, error.Field));
        Assert.EndsWith("got a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangePercent_InAListItem()
    {
        const string yaml = "school: S\nplan: P\ndeductions:\n  rules:\n    - id: a\n      kinds: [late]\n      each: percent\n      percent: 150\n";
        Assert.Equal(new InputError("p.yaml", 8, "deductions.rules[0].percent", "expected a percentage from 0 to 100, got '150'"), Assert.Single(Errors(yaml)));
    }

    [Fact]
    public void MissingRequiredKeys_AreReportedOnTheSectionLine()
    {
        var errors = Errors("source: x\nfees:\n  term_fee: 350\n");
        Assert.Equal(
            [
                new InputError("p.yaml", 1, "school", "required"),
                new InputError("p.yaml", 1, "plan", "required"),
                new InputError("p.yaml", 3, "fees.mode", "required"),
            ],
            errors);
    }

    [Theory]
    [InlineData("fees: { mode: flat-term }", 3, "fees.term_fee", "required when mode is flat-term")]
    [InlineData("fees: { mode: flat-term, term_fee: 0 }", 3, "fees.term_fee", "must be more than 0 when mode is flat-term")]
    [InlineData("fees: { mode: per-lesson-hour, lesson_hours_per_day: 3 }", 3, "fees.rate_per_lesson_hour", "required when mode is per-lesson-hour")]
    [InlineData("fees: { mode: per-lesson-hour, rate_per_lesson_hour: 3 }", 3, "fees.lesson_hours_per_day", "required when mode is per-lesson-hour")]
    [InlineData("fees: { mode: monthly }", 3, "fees.mode", "expected one of flat-term, per-lesson-hour, free, got 'monthly'")]
    [InlineData("subsidy: { mode: per-student }", 3, "subsidy.per_student", "required when mode is per-student")]
    [InlineData("pay: { mode: per-lesson }", 3, "pay.rate", "required when mode is per-lesson")]
    [InlineData("pay: { mode: pool, pool_deducts_expenses: [venue, food] }", 3, "pay.pool_deducts_expenses[1]", "expected one of consumables, venue, utilities, equipment, training, insurance, other, got 'food'")]
    [InlineData("pay: { mode: pool, floor: { amount: 60 }, ceiling: { amount: 50 } }", 3, "pay.ceiling", "the ceiling 50 is below the floor 60")]
    [InlineData("stipends: { per_day: { guard: -1 } }", 3, "stipends.per_day.guard", "expected an amount of yuan that is not negative, got '-1'")]
    [InlineData("stipends: { per_day: { break-supervision: 10 } }", 3, "stipends.per_day.break-supervision", "unknown duty 'break-supervision'; expected one of guard, duty-leader, support, admin-duty (break-supervision is paid per_break)")]
    [InlineData("stipends: { admin_duty_share: { percent: 8, lesson_value: 0 } }", 3, "stipends.admin_duty_share.lesson_value", "must be more than 0: the share is divided by it")]
    [InlineData("waivers: { categories: { dibao: { name: 低保, max_percent: 120 } } }", 3, "waivers.categories.dibao.max_percent", "expected a percentage from 0 to 100, got '120'")]
    [InlineData("waivers: { categories: { dibao: { max_percent: 100 } } }", 3, "waivers.categories.dibao.name", "required")]
    [InlineData("refunds: { absence: { statuses: [] } }", 3, "refunds.absence.statuses", "expected at least one of absent, leave")]
    [InlineData("refunds: { absence: { min_service_days: 0 } }", 3, "refunds.absence.min_service_days", "expected a whole number of at least 1, got '0'")]
    [InlineData("refunds: { surplus: { mode: donate } }", 3, "refunds.surplus.mode", "expected one of keep, refund, carry-forward, got 'donate'")]
    [InlineData("refunds: { absence: { min_weeks: 1, min_service_days: 6 } }", 3, "refunds.absence.min_service_days", "refunds.absence.min_weeks and refunds.absence.min_service_days are both given; state the threshold one way only")]
    [InlineData("refunds: { absence: { min_weeks: 0 } }", 3, "refunds.absence.min_weeks", "expected a whole number of at least 1, got '0'")]
    [InlineData("refunds: { absence: { refund_percent: 0 } }", 3, "refunds.absence.refund_percent", "must be more than 0: a refund of 0% is no refund (remove refunds.absence instead)")]
    [InlineData("refunds: { absence: { refund_percent: 120 } }", 3, "refunds.absence.refund_percent", "expected a percentage from 0 to 100, got '120'")]
    [InlineData("fees: { mode: per-lesson-hour, rate_per_lesson_hour: 3, lesson_hours_per_day: 3 }\nrefunds: { absence: { min_weeks: 1 } }", 4, "refunds.absence", "cannot be used with fees.mode: per-lesson-hour, which already charges only the days attended (absent days would be credited twice); remove refunds.absence or change fees.mode")]
    [InlineData("refunds: { surplus: { mode: refund, split: halves } }", 3, "refunds.surplus.split", "expected one of pro-rata, subsidy-first, got 'halves'")]
    [InlineData("refunds: { surplus: { mode: keep, subsidy_part: refund-to-families } }", 3, "refunds.surplus.subsidy_part", "refund-to-families needs mode: refund")]
    [InlineData("refunds: { surplus: { mode: refund, share: by-age } }", 3, "refunds.surplus.share", "expected one of net-payable, per-student, days-served, got 'by-age'")]
    [InlineData("fees: { mode: free, cap: { per_term: 350, severity: fatal } }", 3, "fees.cap.severity", "expected one of warning, error, got 'fatal'")]
    [InlineData("deductions: { rules: [ { kinds: [late], each: day } ] }", 3, "deductions.rules[0].id", "required")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [], each: day } ] }", 3, "deductions.rules[0].kinds", "expected at least one of no-show, late, early-leave, swap, handover, complaint, perfunctory, incident")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [sleeping], each: day } ] }", 3, "deductions.rules[0].kinds[0]", "expected one of no-show, late, early-leave, swap, handover, complaint, perfunctory, incident, got 'sleeping'")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: percent } ] }", 3, "deductions.rules[0].percent", "required when each is percent")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: decided } ] }", 3, "deductions.rules[0].range", "required when each is decided: [min, max] percent the review group may decide")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: decided, range: [60, 50] } ] }", 3, "deductions.rules[0].range", "the minimum 60 is above the maximum 50")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: decided, range: [10, 101] } ] }", 3, "deductions.rules[0].range[1]", "expected a percentage from 0 to 100, got '101'")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: decided, range: [10] } ] }", 3, "deductions.rules[0].range", "expected [min, max], two percentages, got 1 values")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: day, escalation: { at: 0, percent: 50 } } ] }", 3, "deductions.rules[0].escalation.at", "expected a whole number of at least 1, got '0'")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: day, escalation: { at: 3, percent: 50, mode: double } } ] }", 3, "deductions.rules[0].escalation.mode", "expected one of replace, add, got 'double'")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: day }, { id: a, kinds: [swap], each: day } ] }", 3, "deductions.rules[1].id", "duplicate rule id 'a' (also deductions.rules[0])")]
    [InlineData("deductions: { rules: [ { id: a, kinds: [late], each: day }, { id: b, kinds: [swap, late], each: day } ] }", 3, "deductions.rules[1].kinds[1]", "conduct kind 'late' is already deducted by rule 'a'")]
    [InlineData("deductions: { base: salary }", 3, "deductions.base", "expected one of lesson-pay, lesson-pay-and-stipends, got 'salary'")]
    public void SectionRules_AreChecked(string section, int line, string field, string message) =>
        Assert.Equal(new InputError("p.yaml", line, field, message), Assert.Single(Errors("school: S\nplan: P\n" + section + "\n")));

    [Fact]
    public void ManyProblems_AreAllReported()
    {
        const string yaml = """
            school: S
            plan: P
            fees:
              mode: flat-term
              term_fee: 12.345
            pay:
              mode: per-lesson
              rate: 20
              colour: red
            deductions:
              rules:
                - id: a
                  kinds: [late]
                  each: percent
                  percent: 101
            """;
        Assert.Equal(
            [("fees.term_fee", 5), ("pay.colour", 9), ("deductions.rules[0].percent", 15)],
            Errors(yaml).Select(e => (e.Field, e.Line)));
    }

    [Fact]
    public void YamlSyntaxError_IsOneErrorWithTheParsersLine()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\npay:\n  pool_deducts_expenses: [venue, consumables\n  rate: 20\n"));
        Assert.Equal("p.yaml", error.File);
        Assert.InRange(error.Line, 4, 6);
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxError_BadIndentation_NamesItsLine()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\n  source: x\n"));
        Assert.Equal(("p.yaml", 3, ""), (error.File, error.Line, error.Field));
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_IsASyntaxErrorOnItsLine()
    {
        var error = Assert.Single(Errors("school: S\nplan: P\nschool: T\n"));
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void EmptyText_IsAnError()
    {
        var error = Assert.Single(Errors(""));
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void MissingFile_IsAnInputError()
    {
        var path = Path.Combine(Path.GetTempPath(), "compensation-tests-" + Guid.NewGuid().ToString("N") + ".yaml");
        Assert.Single(Assert.Throws<InputException>(() => PolicyLoader.LoadFile(path)).Errors);
    }

    [Fact]
    public void AWholeFileThatIsNoMap_IsNamedShortly_NotRepeated()
    {
        var text = string.Concat(Enumerable.Repeat("这不是方案 ", 2000));

        var e = Assert.Throws<InputException>(() => PolicyLoader.LoadText(text, "bad.yaml"));

        var message = Assert.Single(e.Errors).Message;
        Assert.Contains($"({text.TrimEnd().Length} characters)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 400, message);
    }

    [Fact]
    public void AbsenceWithNeitherThreshold_IsOneWeek_AndMinServiceDaysKeepsTheFormerReading()
    {
        var neither = PolicyLoader.LoadText("school: S\nplan: P\nrefunds: { absence: { statuses: [absent] } }\n", "p.yaml").Refunds.Absence!;
        Assert.Equal((1, (int?)null, 100m), (neither.MinWeeks, neither.MinServiceDays, neither.RefundPercent));

        var days = PolicyLoader.LoadText("school: S\nplan: P\nrefunds: { absence: { min_service_days: 6, refund_percent: 50 } }\n", "p.yaml").Refunds.Absence!;
        Assert.Equal((6, 50m), (days.MinServiceDays, days.RefundPercent));
    }

    [Fact]
    public void SurplusCapAndSubsidyOptions_AreRead()
    {
        const string yaml = """
            school: S
            plan: P
            fees: { mode: flat-term, term_fee: 600, cap: { per_term: 350, severity: error } }
            subsidy: { mode: per-student, per_student: 100, pro_rata_join: true }
            refunds: { surplus: { mode: refund, split: subsidy-first, subsidy_part: return-to-funder, share: days-served } }
            """;
        var p = PolicyLoader.LoadText(yaml, "p.yaml");
        Assert.Equal(Compensation.Rules.Domain.Severity.Error, p.Fees.Cap!.Severity);
        Assert.True(p.Subsidy.ProRataJoin);
        Assert.Equal((SurplusMode.Refund, SurplusSplit.SubsidyFirst, SubsidyPart.ReturnToFunder, SurplusShare.DaysServed),
            (p.Refunds.Surplus.Mode, p.Refunds.Surplus.Split, p.Refunds.Surplus.SubsidyPart, p.Refunds.Surplus.Share));
    }
}
