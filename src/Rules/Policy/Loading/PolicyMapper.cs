using Compensation.Rules.Facts.Input;
using Compensation.Rules.Facts.Loading;
using YamlDotNet.RepresentationModel;

namespace Compensation.Rules.Policy.Loading;

/// <summary>
/// Maps the YAML tree of a policy onto <see cref="SchoolPolicy"/> by hand, section by section, so
/// each problem can be reported with its line and dotted field and none stops the others.
/// Parameters a mode does not use are accepted and ignored (a plan may keep both rates on file);
/// parameters a mode needs are required.
/// </summary>
internal sealed partial class PolicyMapper(YamlValues values, PolicyReadings readings)
{
    public SchoolPolicy? Map(YamlNode root)
    {
        if (values.Section(root, "", PolicyKeys.Root) is not { } doc)
        {
            return null;
        }

        var school = doc.Text("school", required: true);
        var plan = doc.Text("plan", required: true);
        var fees = Fees(doc.Section("fees", PolicyKeys.Fees));
        var policy = new SchoolPolicy
        {
            School = school ?? "",
            Plan = plan ?? "",
            Source = doc.Text("source") ?? "",
            Fees = fees,
            Subsidy = Subsidy(doc.Section("subsidy", PolicyKeys.Subsidy)),
            Refunds = Refunds(doc.Section("refunds", PolicyKeys.Refunds), fees.Mode),
            Waivers = Waivers(doc.Section("waivers", PolicyKeys.Waivers)),
            Pay = Pay(doc.Section("pay", PolicyKeys.Pay)),
            Stipends = Stipends(doc.Section("stipends", PolicyKeys.Stipends)),
            Deductions = Deductions(doc.Section("deductions", PolicyKeys.Deductions)),
            Awards = Awards(doc.Section("awards", PolicyKeys.Awards)),
            Publication = Publication(doc.Section("publication", PolicyKeys.Publication)),
        };
        return values.Errors.Count == 0 ? policy : null;
    }

    private FeePolicy Fees(YamlSection? s)
    {
        if (s is null)
        {
            return new FeePolicy();
        }

        var mode = s.Choice("mode", PolicyKeys.FeeModes, required: true);
        var termFee = s.Amount("term_fee");
        var rate = s.Amount("rate_per_lesson_hour");
        var hours = s.Number("lesson_hours_per_day");
        if (mode == FeeMode.FlatTerm)
        {
            RequirePositive(s, "term_fee", termFee, "mode is flat-term");
        }
        else if (mode == FeeMode.PerLessonHour)
        {
            Require(s, "rate_per_lesson_hour", "mode is per-lesson-hour");
            RequirePositive(s, "lesson_hours_per_day", hours, "mode is per-lesson-hour");
        }

        return new FeePolicy
        {
            Mode = mode ?? FeeMode.Free,
            TermFee = termFee ?? 0m,
            RatePerLessonHour = rate ?? 0m,
            LessonHoursPerDay = hours ?? 0m,
            ProRataByDaysPerWeek = s.Boolean("pro_rata_days_per_week") ?? true,
            ProRataJoin = s.Boolean("pro_rata_join") ?? true,
            Cap = Cap(s.Section("cap", PolicyKeys.FeeCap)),
            Clause = s.Clause(),
        };
    }

    private FeeCap? Cap(YamlSection? s) => s is null ? null : new FeeCap
    {
        PerTerm = s.Amount("per_term"),
        PerLessonHour = s.Amount("per_lesson_hour"),
        Clamp = s.Boolean("clamp") ?? false,
        Severity = s.Choice("severity", PolicyKeys.CapSeverities) ?? readings.FeeCapSeverity,
        Clause = s.Clause(),
    };

    private SubsidyPolicy Subsidy(YamlSection? s)
    {
        if (s is null)
        {
            return new SubsidyPolicy();
        }

        var mode = s.Choice("mode", PolicyKeys.SubsidyModes, required: true);
        var perStudent = s.Amount("per_student");
        if (mode == SubsidyMode.PerStudent)
        {
            Require(s, "per_student", "mode is per-student");
        }

        return new SubsidyPolicy
        {
            Mode = mode ?? SubsidyMode.None,
            PerStudent = perStudent ?? 0m,
            ProRataJoin = s.Boolean("pro_rata_join") ?? readings.SubsidyProRataJoin,
            Clause = s.Clause(),
        };
    }

    private RefundPolicy Refunds(YamlSection? s, FeeMode feeMode)
    {
        if (s is null)
        {
            return new RefundPolicy();
        }

        var withdrawal = s.Section("withdrawal", PolicyKeys.Withdrawal);
        var absence = Absence(s.Section("absence", PolicyKeys.Absence));

        // A per-lesson-hour fee charges only the days attended (002 §7 七2 按实结算): refunding absent days as well would credit them twice.
        if (absence is not null && feeMode == FeeMode.PerLessonHour && readings.RefusesAbsenceRefundWithPerLessonHourFees)
        {
            s.Error("absence", "cannot be used with fees.mode: per-lesson-hour, which already charges only the days attended (absent days would be credited twice); remove refunds.absence or change fees.mode");
        }

        return new RefundPolicy
        {
            Absence = absence,
            Withdrawal = withdrawal is null ? null : new WithdrawalRefundPolicy { Clause = withdrawal.Clause() },
            Surplus = Surplus(s.Section("surplus", PolicyKeys.Surplus)),
        };
    }

    private SurplusPolicy Surplus(YamlSection? s)
    {
        if (s is null)
        {
            return new SurplusPolicy();
        }

        var defaults = new SurplusPolicy();
        var mode = s.Choice("mode", PolicyKeys.SurplusModes, required: true) ?? defaults.Mode;
        var subsidyPart = s.Choice("subsidy_part", PolicyKeys.SubsidyParts)
            ?? (mode == SurplusMode.Refund || readings.SurplusSubsidyPart != SubsidyPart.RefundToFamilies ? readings.SurplusSubsidyPart : SubsidyPart.Keep);
        if (subsidyPart == SubsidyPart.RefundToFamilies && mode != SurplusMode.Refund)
        {
            s.Error("subsidy_part", "refund-to-families needs mode: refund");
        }

        return new SurplusPolicy
        {
            Mode = mode,
            Split = s.Choice("split", PolicyKeys.SurplusSplits) ?? readings.SurplusSplit,
            SubsidyPart = subsidyPart,
            Share = s.Choice("share", PolicyKeys.SurplusShares) ?? readings.SurplusShare,
            Clause = s.Clause(),
        };
    }

    private AbsenceRefundPolicy? Absence(YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        var defaults = new AbsenceRefundPolicy();
        var weeks = s.Integer("min_weeks", 1);
        var days = s.Integer("min_service_days", 1);

        // The plan's "连续一周以上" is one threshold: stated in weeks or in service days, never both.
        if (s.Has("min_weeks") && s.Has("min_service_days"))
        {
            s.Error("min_service_days", $"{s.Path("min_weeks")} and {s.Path("min_service_days")} are both given; state the threshold one way only");
        }

        var percent = s.Percent("refund_percent");
        if (percent == 0m)
        {
            s.Error("refund_percent", "must be more than 0: a refund of 0% is no refund (remove refunds.absence instead)");
        }

        // Neither given: the readings' threshold (one week; service days for plans stored before that reading).
        var silent = weeks is null && days is null && !s.Has("min_weeks") && !s.Has("min_service_days");
        return new AbsenceRefundPolicy
        {
            MinWeeks = weeks ?? (silent ? readings.AbsenceMinWeeks : null) ?? defaults.MinWeeks,
            MinServiceDays = days ?? (silent ? readings.AbsenceMinServiceDays : null),
            RefundPercent = percent ?? readings.AbsenceRefundPercent,
            Statuses = DistinctChoices(s, "statuses", PolicyKeys.AbsenceStatuses, nonEmpty: true) ?? defaults.Statuses,
            Clause = s.Clause(),
        };
    }

    private WaiverPolicy Waivers(YamlSection? s)
    {
        if (s is null)
        {
            return new WaiverPolicy();
        }

        var categories = new Dictionary<string, WaiverCategory>(StringComparer.Ordinal);
        foreach (var (code, keyNode, value, field) in s.Entries("categories") ?? [])
        {
            var codeOk = values.Id(keyNode, field) is not null;
            if (values.Section(value, field, PolicyKeys.WaiverCategory) is { } c)
            {
                var name = c.Text("name", required: true);
                var max = c.Percent("max_percent", required: true);
                if (codeOk && name is not null && max is { } m)
                {
                    categories[code] = new WaiverCategory(name, m);
                }
            }
        }

        return new WaiverPolicy { Categories = categories, Clause = s.Clause() };
    }

    private PayPolicy Pay(YamlSection? s)
    {
        if (s is null)
        {
            return new PayPolicy { LessonHourMinutes = readings.LessonHourMinutes, ExternalLessons = readings.ExternalLessons, PoolFees = readings.PoolFees, PoolDeductsAwardReserve = readings.PoolDeductsAwardReserve };
        }

        var mode = s.Choice("mode", PolicyKeys.PayModes, required: true);
        var rate = s.Amount("rate");
        if (mode == PayMode.PerLesson)
        {
            Require(s, "rate", "mode is per-lesson");
        }
        else if (mode == PayMode.PerLessonHour)
        {
            Require(s, "rate", "mode is per-lesson-hour");
        }

        var floor = Bound(s.Section("floor", PolicyKeys.RateBound));
        var ceiling = Bound(s.Section("ceiling", PolicyKeys.RateBound));
        if (floor is not null && ceiling is not null && floor.Unit == ceiling.Unit && ceiling.Amount < floor.Amount)
        {
            s.Error("ceiling", $"the ceiling {ceiling.Amount} is below the floor {floor.Amount}");
        }

        // A 课时 is not an hour unless the plan says so: its length is required wherever pay or a bound counts lesson-hours.
        var lessonHourMinutes = s.Has("lesson_hour_minutes") ? s.Integer("lesson_hour_minutes", 1) : readings.LessonHourMinutes;
        if (lessonHourMinutes is null && !s.Has("lesson_hour_minutes"))
        {
            if (mode == PayMode.PerLessonHour)
            {
                Require(s, "lesson_hour_minutes", "mode is per-lesson-hour");
            }
            else if (floor?.Unit == RateUnit.LessonHour || ceiling?.Unit == RateUnit.LessonHour)
            {
                Require(s, "lesson_hour_minutes", $"{(floor?.Unit == RateUnit.LessonHour ? "floor" : "ceiling")}.unit is lesson-hour");
            }
        }

        var defaults = new PayPolicy();
        return new PayPolicy
        {
            Mode = mode ?? defaults.Mode,
            Rate = rate ?? 0m,
            LessonHourMinutes = lessonHourMinutes,
            ExternalLessons = s.Choice("external_lessons", PolicyKeys.ExternalLessonChoices) ?? readings.ExternalLessons,
            PoolIncludesSubsidies = s.Boolean("pool_includes_subsidies") ?? false,
            PoolFees = s.Choice("pool_fees", PolicyKeys.PoolFeeChoices) ?? readings.PoolFees,
            PoolDeductsExpenses = DistinctChoices(s, "pool_deducts_expenses", Expense.Categories, nonEmpty: false) ?? defaults.PoolDeductsExpenses,
            PoolDeductsAwardReserve = s.Boolean("pool_deducts_award_reserve") ?? readings.PoolDeductsAwardReserve,
            Floor = floor,
            Ceiling = ceiling,
            Clause = s.Clause(),
        };
    }

    private static RateBound? Bound(YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        var amount = s.Amount("amount", required: true);
        var unit = s.Choice("unit", PolicyKeys.RateUnits);
        var clamp = s.Boolean("clamp");
        return amount is { } a ? new RateBound { Amount = a, Unit = unit ?? RateUnit.Lesson, Clamp = clamp ?? false, Clause = s.Clause() } : null;
    }

    private StipendPolicy Stipends(YamlSection? s)
    {
        if (s is null)
        {
            return new StipendPolicy();
        }

        var perDay = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (duty, keyNode, value, field) in s.Entries("per_day") ?? [])
        {
            var amount = values.Amount(value, field);
            if (!PolicyKeys.PerDayDuties.Contains(duty, StringComparer.Ordinal))
            {
                values.Error(keyNode, field, $"unknown duty '{duty}'; expected one of {string.Join(", ", PolicyKeys.PerDayDuties)} (break-supervision is paid per_break)");
            }
            else if (amount is { } a)
            {
                perDay[duty] = a;
            }
        }

        return new StipendPolicy
        {
            PerDay = perDay,
            PerBreak = s.Amount("per_break"),
            AdminDutyShare = AdminDutyShare(s.Section("admin_duty_share", PolicyKeys.AdminDutyShare)),
            Clause = s.Clause(),
        };
    }

    private AdminDutyShare? AdminDutyShare(YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        var percent = s.Percent("percent", required: true);
        var lessonValue = s.Amount("lesson_value", required: true);

        // The share is converted to whole lessons by dividing by the lesson value.
        if (lessonValue == 0m)
        {
            s.Error("lesson_value", "must be more than 0: the share is divided by it");
        }

        return new AdminDutyShare
        {
            Percent = percent ?? 0m,
            LessonValue = lessonValue ?? 0m,
            Rounding = s.Choice("rounding", PolicyKeys.AdminDutyRoundings) ?? readings.AdminDutyRounding,
            Base = s.Choice("base", PolicyKeys.AdminDutyBases) ?? readings.AdminDutyBase,
            Period = s.Choice("period", PolicyKeys.AdminDutyPeriods) ?? readings.AdminDutyPeriod,
            Clause = s.Clause(),
        };
    }

    private static AwardPolicy Awards(YamlSection? s) =>
        s is null ? new AwardPolicy() : new AwardPolicy { Reserve = s.Amount("reserve"), Clause = s.Clause() };

    private static PublicationPolicy Publication(YamlSection? s) =>
        s is null ? new PublicationPolicy() : new PublicationPolicy { LegalBasis = s.Text("legal_basis") ?? "", ComplaintPhone = s.Text("complaint_phone") ?? "", Clause = s.Clause() };

    /// <summary>A list of distinct values from a fixed set; null when absent or when any item is wrong (reported).</summary>
    private List<string>? DistinctChoices(YamlSection s, string key, IReadOnlyList<string> allowed, bool nonEmpty, bool required = false)
    {
        var items = s.Items(key, required);
        if (items is null)
        {
            return null;
        }

        if (nonEmpty && items.Count == 0)
        {
            s.Error(key, $"expected at least one of {string.Join(", ", allowed)}");
            return null;
        }

        var result = new List<string>();
        var ok = true;
        foreach (var (node, field) in items)
        {
            var text = values.Text(node, field);
            var problem = text is null ? null : TextValues.Choice(text, allowed) ?? (result.Contains(text, StringComparer.Ordinal) ? $"'{text}' is listed twice" : null);
            if (text is not null && problem is null)
            {
                result.Add(text);
                continue;
            }

            if (problem is not null)
            {
                values.Error(node, field, problem);
            }

            ok = false;
        }

        return ok ? result : null;
    }

    private static void Require(YamlSection s, string key, string condition)
    {
        if (!s.Has(key))
        {
            s.Missing(key, $"required when {condition}");
        }
    }

    private static void RequirePositive(YamlSection s, string key, decimal? value, string condition)
    {
        if (!s.Has(key))
        {
            s.Missing(key, $"required when {condition}");
        }
        else if (value == 0m)
        {
            s.Error(key, $"must be more than 0 when {condition}");
        }
    }
}
