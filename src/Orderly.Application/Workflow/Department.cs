namespace Orderly.Application.Workflow;

/// <summary>
/// A department's workflow settings (table <c>departments</c>, migration 0018): its lead (who hears of a breach first,
/// issue 11 item 4) and the business calendar its clocks count on. A department without a row has no lead (breaches then
/// go to order administration) and counts on <see cref="WorkCalendars.Standard"/>. Keyed by the role name (<c>warehouse</c>).
/// </summary>
public sealed class Department
{
    private Department() { }

    public string Name { get; private set; } = "";
    public Guid? LeadId { get; private set; }
    public string? CalendarCode { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    internal static Department Named(string name) => new() { Name = name };

    internal void Set(Guid? lead, string? calendarCode, DateTimeOffset now, string actor) =>
        (LeadId, CalendarCode, UpdatedAt, UpdatedBy) = (lead, string.IsNullOrWhiteSpace(calendarCode) ? null : calendarCode.Trim(), now, actor);
}
