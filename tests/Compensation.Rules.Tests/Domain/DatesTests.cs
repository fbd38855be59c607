using System.Globalization;
using Compensation.Rules.Domain;

namespace Compensation.Rules.Tests.Domain;

public class DatesTests
{
    [Fact]
    public void Iso_WritesWhatTheInvariantFormatWrites()
    {
        DateOnly[] edges = [DateOnly.MinValue, DateOnly.MaxValue, new(9, 9, 9), new(999, 12, 31), new(1000, 1, 1), new(2024, 2, 29), new(2025, 10, 1)];
        var days = edges.Concat(Enumerable.Range(0, 3000).Select(i => new DateOnly(2023, 1, 1).AddDays(i)));
        foreach (var d in days)
        {
            Assert.Equal(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Dates.Iso(d));
        }
    }
}
