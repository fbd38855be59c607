using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compensation.Api.Persistence;

/// <summary>Stores an instant as UTC ticks (a long), which both SQLite and PostgreSQL compare and sort in the database.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
