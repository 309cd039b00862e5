namespace Orderly.Application.Common;

/// <summary>
/// The one place that turns the clock's instant into a business date: in the business time zone
/// (<c>Orderly:BusinessTimeZone</c>, an IANA name such as <c>Asia/Tokyo</c>; default the machine's local zone), never in
/// UTC. Every date a person sees or a rule compares — "today" for the requested-date check, promise dates, invoice and
/// due dates, payment dates, purchase-order lateness, the year of document numbers, the order list's day filters — comes
/// from here. Instants (<see cref="Now"/>, <c>receivedAt</c>, history) stay in UTC.
/// </summary>
public sealed class BusinessClock(TimeProvider clock, TimeZoneInfo zone)
{
    public const string Setting = "Orderly:BusinessTimeZone";

    /// <summary>The business time zone.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>The current instant (UTC), from the injected <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today's date in the business time zone.</summary>
    public DateOnly Today => DateOf(Now);

    /// <summary>The business date on which <paramref name="instant"/> falls.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary><paramref name="instant"/> as the business time zone's wall clock shows it (for messages).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The first instant (UTC) of <paramref name="date"/> in the business time zone.</summary>
    public DateTime StartOfUtc(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that skips midnight (a daylight-saving jump at 00:00) starts the day at the first minute that exists.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(1);
        // Clamped, so the first and last days of the calendar (0001-01-01 in Tokyo) give the calendar's edge, not an error.
        var utcTicks = Math.Clamp(midnight.Ticks - zone.GetUtcOffset(midnight).Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(utcTicks, DateTimeKind.Utc);
    }

    /// <summary>
    /// The zone named by <paramref name="name"/> (IANA, e.g. <c>Asia/Shanghai</c>), or the machine's local zone when none
    /// is set. An unknown name stops the start with a message naming the setting: dates in the wrong zone would be wrong
    /// silently.
    /// </summary>
    public static TimeZoneInfo ZoneNamed(string? name) =>
        TryZoneNamed(name, out var zone, out var problem) ? zone : throw new InvalidOperationException(problem);

    /// <summary>The zone named by <paramref name="name"/>, or the sentence that says why there is none (for the start to print).</summary>
    public static bool TryZoneNamed(string? name, out TimeZoneInfo zone, out string problem)
    {
        (zone, problem) = (TimeZoneInfo.Local, "");
        if (string.IsNullOrWhiteSpace(name)) return true;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name.Trim(), out var found))
        {
            zone = found;
            return true;
        }
        problem = $"{Setting} is '{name}', which is not a time zone this machine knows. Use an IANA name such as 'Asia/Shanghai', " +
                  "'Europe/Berlin' or 'UTC', or leave it out to use the machine's local zone.";
        return false;
    }
}
