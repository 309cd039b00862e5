using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Events;

/// <summary>One event as a consumer reads it; <see cref="Payload"/> is the JSON object written with it.</summary>
public sealed record EventView(long Id, string Type, string AggregateType, Guid AggregateId, int? AggregateVersion, DateTimeOffset OccurredAt,
    string Actor, JsonElement Payload);

/// <summary>
/// A page of the stream: events after the cursor in commit order. <see cref="NextCursor"/> is the id of the page's last
/// event (the cursor sent, when the page is empty): send it back as <c>?after=</c> to read on.
/// </summary>
public sealed record EventPage(IReadOnlyList<EventView> Events, string NextCursor, bool HasMore);

/// <summary>The business event stream for consumers that poll (<c>GET /api/events</c>, ADR 0015).</summary>
public sealed class EventStream(OrderlyDbContext db)
{
    public const string CursorInvalid = "event.cursor_invalid";
    public const string QueryInvalid = "event.query_invalid";
    public const int DefaultLimit = 100;

    /// <summary>
    /// The events after <paramref name="after"/> (an event id, digits only; absent = from the start), at most
    /// <paramref name="limit"/> (1 to <see cref="Paging.MaxPageSize"/>, default 100), oldest first. Read from the
    /// primary key, so a page costs its own rows whatever the stream's length. A cursor that is not an id, or an id past
    /// the newest event, is a 400
    /// <c>event.cursor_invalid</c>, a limit out of range a 400 <c>event.query_invalid</c>.
    /// </summary>
    public async Task<EventPage> ReadAsync(string? after, int? limit, CancellationToken ct)
    {
        var cursorErrors = new FieldErrors();
        var from = Paging.IdCursor(after, "after", cursorErrors,
            "'after' is the nextCursor of an earlier page (an event id, digits only). Leave it out to read from the first event.") ?? 0;
        cursorErrors.ThrowIfAny(CursorInvalid, "The cursor is not one the event stream issued.");
        var errors = new FieldErrors();
        var take = Paging.Limit(limit, DefaultLimit, Paging.MaxPageSize, errors, "events");
        errors.ThrowIfAny(QueryInvalid, "The event stream cannot be read with these parameters.");
        var rows = await db.BusinessEvents.AsNoTracking().Where(e => e.Id > from).OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        // An id past the newest event was never issued (a cursor kept across a reset database): reading on would
        // silently skip the events still to come up to it.
        if (rows.Count == 0 && from > 0 && from > (await db.BusinessEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0))
            throw InvalidInput.ForField("after", CursorInvalid,
                $"Cursor {from} is past the newest event: the stream never issued it (was the database replaced?). Read from the start, without 'after'.");
        var page = rows.Take(take).Select(View).ToList();
        var next = page.Count == 0 ? from : page[^1].Id;
        return new EventPage(page, next.ToString(CultureInfo.InvariantCulture), rows.Count > take);
    }

    internal static EventView View(BusinessEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new EventView(e.Id, e.Type, e.AggregateType, e.AggregateId, e.AggregateVersion, e.OccurredAt, e.Actor, payload.RootElement.Clone());
    }
}
