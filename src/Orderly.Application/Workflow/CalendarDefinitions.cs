using System.Globalization;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// Reads a <see cref="CalendarDefinition"/> (weekday names <c>monday</c> … <c>sunday</c>, intervals <c>HH:mm-HH:mm</c>,
/// <c>24:00</c> allowed as an end) into the domain's <see cref="BusinessCalendar"/>. <see cref="Check"/> names every field
/// that does not read; the calendar's own constructor then refuses overlaps and a week without working time.
/// </summary>
public static class CalendarDefinitions
{
    /// <summary>At most this many holidays or extra working days per calendar (a century of public holidays).</summary>
    public const int MaxDates = 3_000;

    private static readonly Dictionary<string, DayOfWeek> Weekdays =
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Monday to Friday, 09:00–18:00: the hours of <see cref="BusinessCalendar.Standard"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> StandardHours { get; } =
        new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.ToDictionary(d => d, _ => new[] { "09:00-18:00" });

    public static void Check(CalendarDefinition definition, FieldErrors errors)
    {
        foreach (var (day, intervals) in definition.Hours)
        {
            if (!Weekdays.ContainsKey(day))
                errors.Add($"hours.{day}", $"'{day}' is not a weekday; use monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
            foreach (var text in intervals ?? [])
                if (!TryParse(text, out _))
                    errors.Add($"hours.{day}", $"'{text}' does not read as HH:mm-HH:mm (09:00-12:00; 24:00 may end a day).");
        }
        if (definition.Holidays.Count > MaxDates) errors.Add("holidays", $"At most {MaxDates} holidays per calendar.");
        if (definition.ExtraWorkingDays.Count > MaxDates) errors.Add("extraWorkingDays", $"At most {MaxDates} extra working days per calendar.");
    }

    /// <summary>The calendar of a checked definition (see <see cref="Check"/>); the domain refuses overlaps and an empty week.</summary>
    public static BusinessCalendar ToCalendar(string code, TimeZoneInfo zone, CalendarDefinition definition)
    {
        var week = definition.Hours.ToDictionary(
            e => Weekdays[e.Key],
            e => (IReadOnlyList<WorkingHours>)(e.Value ?? []).Select(t => TryParse(t, out var h) ? h : throw new InvalidOperationException($"Unchecked interval '{t}'.")).ToArray());
        return new BusinessCalendar(code, zone, week, definition.Holidays, definition.ExtraWorkingDays);
    }

    private static bool TryParse(string? text, out WorkingHours hours)
    {
        hours = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var from, var to] || !TryTime(from, out var start) || !TryTime(to, out var end)) return false;
        hours = new WorkingHours(start, end);
        return true;
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00") { time = TimeSpan.FromDays(1); return true; }
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return false;
        time = t.ToTimeSpan();
        return true;
    }
}
