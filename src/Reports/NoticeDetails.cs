namespace Compensation.Reports;

/// <summary>
/// The dates of a public notice, decided by the school and passed in (never read from the clock,
/// so the same notice renders to the same bytes).
/// </summary>
/// <param name="Date">The date printed above the seal (落款日期).</param>
/// <param name="PeriodStart">The first day of the notice period (公示期).</param>
/// <param name="PeriodEnd">The last day of the notice period.</param>
public sealed record NoticeDetails(DateOnly Date, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    public int PeriodDays => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;

    internal void Validate()
    {
        if (PeriodEnd < PeriodStart)
        {
            throw new ArgumentException($"the notice period ends ({PeriodEnd:yyyy-MM-dd}) before it starts ({PeriodStart:yyyy-MM-dd})");
        }
    }
}
