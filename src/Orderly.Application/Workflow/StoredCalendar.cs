using System.Text.Json;

namespace Orderly.Application.Workflow;

/// <summary>
/// A business calendar as stored (table <c>business_calendars</c>, migration 0018): its code, name, IANA time zone and
/// <see cref="Definition"/>, the JSON of a <see cref="CalendarDefinition"/>. <see cref="ToCalendar"/> makes the domain's
/// <see cref="Domain.Workflow.BusinessCalendar"/> of it; what is stored was checked by it when it was put.
/// </summary>
public sealed class StoredCalendar
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private StoredCalendar() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public string Definition { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    internal CalendarDefinition Parsed => JsonSerializer.Deserialize<CalendarDefinition>(Definition, Json)
        ?? throw new InvalidOperationException($"Business calendar {Code} has no definition.");

    internal Domain.Workflow.BusinessCalendar ToCalendar() => CalendarDefinitions.ToCalendar(Code, TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Parsed);

    internal static StoredCalendar Named(string code) => new() { Code = code };

    internal void Set(string name, string timeZone, CalendarDefinition definition, DateTimeOffset now, string actor) =>
        (Name, TimeZone, Definition, UpdatedAt, UpdatedBy) = (name, timeZone, JsonSerializer.Serialize(definition, Json), now, actor);
}

/// <summary>
/// The working time of a calendar: per weekday (<c>monday</c> … <c>sunday</c>) its intervals as <c>HH:mm-HH:mm</c>
/// (<c>["09:00-12:00", "13:00-18:00"]</c>; a weekday left out does not work), holidays (dates that do not work), and
/// extra working days (dates that work with Monday's hours although their weekday does not: 调休 make-up days).
/// </summary>
public sealed record CalendarDefinition(IReadOnlyDictionary<string, string[]> Hours, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> ExtraWorkingDays);
