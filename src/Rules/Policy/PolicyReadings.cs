using System.Text;
using System.Text.Json;
using Compensation.Rules.Domain;
using Compensation.Rules.Policy.Loading;

namespace Compensation.Rules.Policy;

/// <summary>
/// How a plan is read where its policy file is silent: the value each key with a default takes when it is left out,
/// and whether the load checks that came with the plans' readings apply. The service stores them with every plan
/// version it keeps, so a later change of a default never changes what a stored plan means.
/// </summary>
/// <remarks>
/// <see cref="Current"/> is the reading of DOMAIN.md's Readings (以上 includes the number, the admin-duty 8% paid in
/// full, escalations never milder, …). <see cref="Earlier"/> is what the same keys meant before those readings were
/// stated: plan versions stored before then are read with it.
/// </remarks>
public sealed record PolicyReadings
{
    public static PolicyReadings Current { get; } = new();

    public static PolicyReadings Earlier { get; } = new()
    {
        AbsenceMinWeeks = null,
        AbsenceMinServiceDays = 6,
        SurplusSubsidyPart = SubsidyPart.RefundToFamilies,
        LessonHourMinutes = 60,
        ExternalLessons = ExternalLessons.AlsoLessonPay,
        PoolDeductsAwardReserve = true,
        AdminDutyRounding = AdminDutyRounding.WholeLessons,
        OutOfRange = DecidedOutOfRange.Clamp,
        EscalationMode = EscalationMode.Replace,
        RefusesAbsenceRefundWithPerLessonHourFees = false,
    };

    public Severity FeeCapSeverity { get; init; } = Severity.Warning;
    public bool SubsidyProRataJoin { get; init; }

    /// <summary>"连续一周以上": one week or more when neither min_weeks nor min_service_days is given ...</summary>
    public int? AbsenceMinWeeks { get; init; } = 1;

    /// <summary>... or, where set instead, that many consecutive service days.</summary>
    public int? AbsenceMinServiceDays { get; init; }

    public decimal AbsenceRefundPercent { get; init; } = 100m;
    public SurplusSplit SurplusSplit { get; init; } = SurplusSplit.ProRata;

    /// <summary>The subsidy part of a balance a plan refunds (mode: refund); a plan that keeps or carries its balance forward keeps it.</summary>
    public SubsidyPart SurplusSubsidyPart { get; init; } = SubsidyPart.Keep;

    public SurplusShare SurplusShare { get; init; } = SurplusShare.NetPayable;

    /// <summary>A 课时's minutes where the plan does not say; null: the plan must say wherever pay or a bound counts lesson-hours.</summary>
    public int? LessonHourMinutes { get; init; }

    public ExternalLessons ExternalLessons { get; init; } = ExternalLessons.AgreementOnly;
    public PoolFees PoolFees { get; init; } = PoolFees.Billed;
    public bool PoolDeductsAwardReserve { get; init; }
    public AdminDutyRounding AdminDutyRounding { get; init; } = AdminDutyRounding.Exact;
    public AdminDutyBase AdminDutyBase { get; init; } = AdminDutyBase.LessonPayAndBreaks;
    public AdminDutyPeriod AdminDutyPeriod { get; init; } = AdminDutyPeriod.Month;
    public DecidedOutOfRange OutOfRange { get; init; } = DecidedOutOfRange.Refuse;
    public EscalationMode EscalationMode { get; init; } = EscalationMode.GreaterOf;

    /// <summary>Per-lesson-hour fees charge only the days attended: an absence refund on top would credit them twice.</summary>
    public bool RefusesAbsenceRefundWithPerLessonHourFees { get; init; } = true;

    private const string RefusedCheck = "refused";
    private const string AllowedCheck = "allowed";

    /// <summary>The readings as a JSON object of the policy's dotted keys, in a fixed order, as the service stores them.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("fees.cap.severity", Spelling(PolicyKeys.CapSeverities, FeeCapSeverity));
            w.WriteBoolean("subsidy.pro_rata_join", SubsidyProRataJoin);
            WriteNumber(w, "refunds.absence.min_weeks", AbsenceMinWeeks);
            WriteNumber(w, "refunds.absence.min_service_days", AbsenceMinServiceDays);
            w.WriteNumber("refunds.absence.refund_percent", AbsenceRefundPercent);
            w.WriteString("refunds.absence.with_per_lesson_hour_fees", RefusesAbsenceRefundWithPerLessonHourFees ? RefusedCheck : AllowedCheck);
            w.WriteString("refunds.surplus.split", Spelling(PolicyKeys.SurplusSplits, SurplusSplit));
            w.WriteString("refunds.surplus.subsidy_part", Spelling(PolicyKeys.SubsidyParts, SurplusSubsidyPart));
            w.WriteString("refunds.surplus.share", Spelling(PolicyKeys.SurplusShares, SurplusShare));
            WriteNumber(w, "pay.lesson_hour_minutes", LessonHourMinutes);
            w.WriteString("pay.external_lessons", Spelling(PolicyKeys.ExternalLessonChoices, ExternalLessons));
            w.WriteString("pay.pool_fees", Spelling(PolicyKeys.PoolFeeChoices, PoolFees));
            w.WriteBoolean("pay.pool_deducts_award_reserve", PoolDeductsAwardReserve);
            w.WriteString("stipends.admin_duty_share.rounding", Spelling(PolicyKeys.AdminDutyRoundings, AdminDutyRounding));
            w.WriteString("stipends.admin_duty_share.base", Spelling(PolicyKeys.AdminDutyBases, AdminDutyBase));
            w.WriteString("stipends.admin_duty_share.period", Spelling(PolicyKeys.AdminDutyPeriods, AdminDutyPeriod));
            w.WriteString("deductions.out_of_range", Spelling(PolicyKeys.OutOfRange, OutOfRange));
            w.WriteString("deductions.rules[].escalation.mode", Spelling(PolicyKeys.EscalationModes, EscalationMode));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Readings stored by <see cref="ToJson"/>; every key must be there, and nothing else.</summary>
    public static PolicyReadings FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var keys = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var expected = JsonDocument.Parse(Current.ToJson()).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (!keys.SetEquals(expected))
        {
            throw new FormatException($"stored plan readings have keys [{string.Join(", ", keys.Order(StringComparer.Ordinal))}], expected [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]");
        }

        return new PolicyReadings
        {
            FeeCapSeverity = Choice(root, "fees.cap.severity", PolicyKeys.CapSeverities),
            SubsidyProRataJoin = root.GetProperty("subsidy.pro_rata_join").GetBoolean(),
            AbsenceMinWeeks = Number(root, "refunds.absence.min_weeks"),
            AbsenceMinServiceDays = Number(root, "refunds.absence.min_service_days"),
            AbsenceRefundPercent = root.GetProperty("refunds.absence.refund_percent").GetDecimal(),
            RefusesAbsenceRefundWithPerLessonHourFees = root.GetProperty("refunds.absence.with_per_lesson_hour_fees").GetString() switch
            {
                RefusedCheck => true,
                AllowedCheck => false,
                var other => throw new FormatException($"stored plan readings: refunds.absence.with_per_lesson_hour_fees is '{other}'"),
            },
            SurplusSplit = Choice(root, "refunds.surplus.split", PolicyKeys.SurplusSplits),
            SurplusSubsidyPart = Choice(root, "refunds.surplus.subsidy_part", PolicyKeys.SubsidyParts),
            SurplusShare = Choice(root, "refunds.surplus.share", PolicyKeys.SurplusShares),
            LessonHourMinutes = Number(root, "pay.lesson_hour_minutes"),
            ExternalLessons = Choice(root, "pay.external_lessons", PolicyKeys.ExternalLessonChoices),
            PoolFees = Choice(root, "pay.pool_fees", PolicyKeys.PoolFeeChoices),
            PoolDeductsAwardReserve = root.GetProperty("pay.pool_deducts_award_reserve").GetBoolean(),
            AdminDutyRounding = Choice(root, "stipends.admin_duty_share.rounding", PolicyKeys.AdminDutyRoundings),
            AdminDutyBase = Choice(root, "stipends.admin_duty_share.base", PolicyKeys.AdminDutyBases),
            AdminDutyPeriod = Choice(root, "stipends.admin_duty_share.period", PolicyKeys.AdminDutyPeriods),
            OutOfRange = Choice(root, "deductions.out_of_range", PolicyKeys.OutOfRange),
            EscalationMode = Choice(root, "deductions.rules[].escalation.mode", PolicyKeys.EscalationModes),
        };
    }

    private static void WriteNumber(Utf8JsonWriter w, string key, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static int? Number(JsonElement root, string key) =>
        root.GetProperty(key) is { ValueKind: JsonValueKind.Null } ? null : root.GetProperty(key).GetInt32();

    private static string Spelling<T>(IReadOnlyDictionary<string, T> spellings, T value) where T : struct, Enum =>
        spellings.First(s => EqualityComparer<T>.Default.Equals(s.Value, value)).Key;

    private static T Choice<T>(JsonElement root, string key, IReadOnlyDictionary<string, T> spellings) where T : struct, Enum =>
        spellings.TryGetValue(root.GetProperty(key).GetString() ?? "", out var value)
            ? value
            : throw new FormatException($"stored plan readings: {key} is '{root.GetProperty(key).GetString()}', expected one of {string.Join(", ", spellings.Keys)}");
}
