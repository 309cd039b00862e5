using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// The business calendars a unit of work counts on, each read once: the stored ones (<c>business_calendars</c>) by code,
/// and <see cref="Standard"/> — Monday to Friday 09:00–18:00 in the business time zone (<c>Orderly:BusinessTimeZone</c>),
/// no holidays — unless a stored calendar takes that code. Which calendar a step counts on: its SLA definition's, else
/// its department's, else the standard one.
/// </summary>
internal sealed class WorkCalendars(OrderlyDbContext db, TimeZoneInfo zone)
{
    public const string Standard = BusinessCalendar.StandardCode;

    private readonly Dictionary<string, BusinessCalendar> _read = new(StringComparer.Ordinal);
    private Dictionary<string, Department>? _departments;

    public async Task<BusinessCalendar> OfAsync(string code, CancellationToken ct)
    {
        if (_read.TryGetValue(code, out var known)) return known;
        var stored = await db.BusinessCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        var calendar = stored?.ToCalendar() ?? BusinessCalendar.Standard(zone);
        _read[code] = calendar;
        return calendar;
    }

    /// <summary>The departments' settings (at most one row per role), read once.</summary>
    public async Task<IReadOnlyDictionary<string, Department>> DepartmentsAsync(CancellationToken ct) =>
        _departments ??= await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, StringComparer.Ordinal, ct);

    /// <summary>The code of the calendar a step of <paramref name="department"/> counts on under <paramref name="definition"/>.</summary>
    public async Task<string> CodeForAsync(string department, SlaDefinition? definition, CancellationToken ct) =>
        definition?.CalendarCode ?? (await DepartmentsAsync(ct)).GetValueOrDefault(department)?.CalendarCode ?? Standard;
}
