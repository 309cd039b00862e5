using Orderly.Domain.Common;

namespace Orderly.Domain.Workflow;

/// <summary>
/// One working interval of a day, in local wall-clock time from midnight: <see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive, 0 ≤ start &lt; end ≤ 24 h (an end of 24:00 runs to the next midnight).
/// </summary>
public readonly record struct WorkingHours(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{(int)Start.TotalHours:00}:{Start.Minutes:00}-{(int)End.TotalHours:00}:{End.Minutes:00}";
}

/// <summary>
/// A business calendar (issue 11 item 4): the working hours per weekday, the holidays and the extra working days (调休
/// make-up days, which work with Monday's hours when their own weekday does not), in one time zone. SLA clocks count only
/// the working time of their step's calendar: 4 working hours from Friday 17:00 on the standard calendar end on Monday
/// 12:00. Instants in and out are UTC; days and hours are read in <see cref="Zone"/>, so a day on which daylight saving
/// starts or ends has the working time its wall clock shows (a 00:00–24:00 day lasts 23 or 25 hours). A working hour
/// that does not exist on the wall clock (in the spring gap) is skipped; one that exists twice (the autumn fold) counts
/// from its first occurrence.
/// Refusals, all <see cref="InvalidInput"/>: <c>calendar.invalid_hours</c> (an interval outside 00:00–24:00, empty or
/// overlapping another of its day), <c>calendar.no_working_time</c> (no weekday works), <c>calendar.invalid_duration</c>
/// (a negative duration, or more than <see cref="MaxDuration"/> of working time).
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The longest working time one question may span: 10,000 hours (more than four working years).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(10_000);

    /// <summary>The code of the calendar used when a department or SLA names none.</summary>
    public const string StandardCode = "standard";

    private const int MaxDaysScanned = 366 * 60;

    private readonly Dictionary<DayOfWeek, WorkingHours[]> _week;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkingDays;

    public BusinessCalendar(string code, TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingHours>> week,
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
    {
        Code = code;
        Zone = zone;
        var errors = new FieldErrors();
        _week = new();
        foreach (var (day, hours) in week)
        {
            var sorted = hours.OrderBy(h => h.Start).ToArray();
            for (var i = 0; i < sorted.Length; i++)
            {
                var h = sorted[i];
                if (h.Start < TimeSpan.Zero || h.End > TimeSpan.FromDays(1) || h.End <= h.Start)
                    errors.Add($"hours.{day.ToString().ToLowerInvariant()}", $"'{h}' is not an interval within 00:00-24:00 that ends after it starts.");
                else if (i > 0 && sorted[i - 1].End > h.Start)
                    errors.Add($"hours.{day.ToString().ToLowerInvariant()}", $"'{sorted[i - 1]}' and '{h}' overlap; give each working hour once.");
            }
            if (sorted.Length > 0) _week[day] = sorted;
        }
        errors.ThrowIfAny("calendar.invalid_hours", "The working hours were refused; see the errors per weekday.");
        if (_week.Count == 0)
            throw InvalidInput.ForField("hours", "calendar.no_working_time", "A business calendar needs working hours on at least one weekday.");
        _holidays = holidays.ToHashSet();
        _extraWorkingDays = extraWorkingDays.ToHashSet();
    }

    /// <summary>The standard calendar: Monday to Friday, 09:00–18:00 in <paramref name="zone"/>, no holidays.</summary>
    public static BusinessCalendar Standard(TimeZoneInfo zone)
    {
        WorkingHours[] nineToSix = [new(TimeSpan.FromHours(9), TimeSpan.FromHours(18))];
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>
        {
            [DayOfWeek.Monday] = nineToSix, [DayOfWeek.Tuesday] = nineToSix, [DayOfWeek.Wednesday] = nineToSix,
            [DayOfWeek.Thursday] = nineToSix, [DayOfWeek.Friday] = nineToSix,
        };
        return new BusinessCalendar(StandardCode, zone, week, [], []);
    }

    public string Code { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The working hours of <paramref name="date"/> (a local date): none on a holiday, Monday's on an extra working day whose weekday does not work.</summary>
    public IReadOnlyList<WorkingHours> HoursOn(DateOnly date)
    {
        if (_holidays.Contains(date)) return [];
        if (_week.TryGetValue(date.DayOfWeek, out var hours)) return hours;
        return _extraWorkingDays.Contains(date) && _week.TryGetValue(DayOfWeek.Monday, out var monday) ? monday : [];
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of working time has passed after <paramref name="start"/>: the end
    /// of a working interval when it runs out exactly there (Friday 17:00 + 1 h is Friday 18:00), <paramref name="start"/>
    /// itself for zero. Refused (<c>calendar.invalid_duration</c>) when negative or beyond <see cref="MaxDuration"/>.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > MaxDuration)
            throw InvalidInput.ForField("duration", "calendar.invalid_duration",
                $"A working time of {duration} cannot be counted; give 0 to {MaxDuration.TotalHours:0} hours.");
        var cursor = start.ToUniversalTime();
        if (duration == TimeSpan.Zero) return cursor;
        var remaining = duration;
        foreach (var (from, to) in IntervalsFrom(cursor))
        {
            if (to <= cursor) continue;
            var begin = from > cursor ? from : cursor;
            var available = to - begin;
            if (remaining <= available) return begin + remaining;
            remaining -= available;
            cursor = to;
        }
        throw InvalidInput.ForField("duration", "calendar.invalid_duration",
            $"The calendar {Code} has no working time for {duration} after {start:u} within {MaxDaysScanned / 366} years.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        var total = TimeSpan.Zero;
        if (to <= from) return total;
        foreach (var (begin, end) in IntervalsFrom(from))
        {
            if (begin >= to) break;
            var overlapFrom = begin > from ? begin : from;
            var overlapTo = end < to ? end : to;
            if (overlapTo > overlapFrom) total += overlapTo - overlapFrom;
        }
        return total;
    }

    /// <summary>Whether <paramref name="instant"/> lies in working time.</summary>
    public bool IsWorkingAt(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return DayIntervals(LocalDate(utc)).Any(i => i.From <= utc && utc < i.To);
    }

    /// <summary>The first working instant at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        foreach (var (from, to) in IntervalsFrom(utc))
            if (to > utc) return from > utc ? from : utc;
        throw InvalidInput.ForField("instant", "calendar.invalid_duration", $"The calendar {Code} has no working time after {instant:u}.");
    }

    private DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Zone).DateTime);

    /// <summary>The working intervals (UTC) of the local day holding <paramref name="utc"/> and every day after, in order, for at most <see cref="MaxDaysScanned"/> days.</summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> IntervalsFrom(DateTimeOffset utc)
    {
        var date = LocalDate(utc).AddDays(-1); // an instant in a fold may read as the previous day's last hour
        for (var i = 0; i < MaxDaysScanned; i++, date = date.AddDays(1))
            foreach (var interval in DayIntervals(date))
                yield return interval;
    }

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> DayIntervals(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        foreach (var hours in HoursOn(date))
        {
            var from = ToUtc(midnight + hours.Start);
            var to = ToUtc(midnight + hours.End);
            if (to > from) yield return (from, to);
        }
    }

    /// <summary>A wall-clock time as an instant: one in the spring gap moves to the gap's end, one in the autumn fold takes its first occurrence.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
