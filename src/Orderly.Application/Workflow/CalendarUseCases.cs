using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>A business calendar as the API shows it.</summary>
public sealed record CalendarView(string Code, string Name, string TimeZone, IReadOnlyDictionary<string, string[]> Hours,
    IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> ExtraWorkingDays, DateTimeOffset? UpdatedAt, string UpdatedBy);

/// <summary>
/// Body of <c>PUT /api/workflow/calendars/{code}</c>: a name, the IANA time zone (<c>Asia/Shanghai</c>), the working hours
/// per weekday (<c>{"monday": ["09:00-12:00", "13:00-18:00"], …}</c>, a weekday left out does not work; <c>24:00</c> may
/// end a day), holidays and extra working days (dates, <c>2026-10-01</c>).
/// </summary>
public sealed record PutCalendarRequest(string? Name, string? TimeZone, Dictionary<string, string[]>? Hours, DateOnly[]? Holidays = null,
    DateOnly[]? ExtraWorkingDays = null);

/// <summary>
/// The business calendars (issue 11 item 4; <c>/api/workflow/calendars</c>): listed with the standard one (Monday to Friday
/// 09:00–18:00 in the business time zone) unless a stored calendar takes its code; put whole (a calendar is replaced, not
/// patched). Clocks that start afterwards count on the new definition. Refusals: 400 <c>calendar.invalid</c> (an unknown
/// time zone or weekday, an interval that does not read as <c>HH:mm-HH:mm</c>) and the domain's <c>calendar.*</c> codes
/// (overlaps, no working weekday at all).
/// </summary>
public sealed class CalendarUseCases(OrderlyDbContext db, BusinessClock clock)
{
    public const int MaxCodeLength = 40;

    public async Task<IReadOnlyList<CalendarView>> ListAsync(CancellationToken ct)
    {
        var stored = await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        var views = stored.Select(View).ToList();
        if (views.All(v => v.Code != WorkCalendars.Standard))
            views.Insert(0, new CalendarView(WorkCalendars.Standard, "Standard (Monday to Friday, 09:00–18:00)", clock.Zone.Id,
                CalendarDefinitions.StandardHours, [], [], null, ""));
        return views;
    }

    public Task<CalendarView> PutAsync(string code, PutCalendarRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        code = code.Trim();
        if (code.Length is 0 or > MaxCodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add("code", $"A calendar code is 1 to {MaxCodeLength} letters, digits, '-' or '_' (cn-mainland).");
        errors.RequireText("name", body.Name, 200);
        if (!BusinessClock.TryZoneNamed(body.TimeZone, out var zone, out _) || string.IsNullOrWhiteSpace(body.TimeZone))
            errors.Add("timeZone", $"'{body.TimeZone}' is not a time zone this machine knows; use an IANA name such as 'Asia/Shanghai'.");
        var definition = new CalendarDefinition(body.Hours ?? [], body.Holidays ?? [], body.ExtraWorkingDays ?? []);
        CalendarDefinitions.Check(definition, errors);
        errors.ThrowIfAny("calendar.invalid", "The business calendar was refused; see the errors per field.");
        CalendarDefinitions.ToCalendar(code, zone, definition); // the domain's own checks (overlaps, no working day)
        var row = await db.BusinessCalendars.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (row is null) db.BusinessCalendars.Add(row = StoredCalendar.Named(code));
        row.Set(body.Name!.Trim(), zone.Id, definition, clock.Now, actor);
        await db.SaveChangesAsync(ct);
        return View(row);
    }, ct);

    private static CalendarView View(StoredCalendar c)
    {
        var d = c.Parsed;
        return new CalendarView(c.Code, c.Name, c.TimeZone, d.Hours, d.Holidays, d.ExtraWorkingDays, c.UpdatedAt, c.UpdatedBy);
    }
}
