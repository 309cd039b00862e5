using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Audit;

/// <summary>One audit line as an administrator reads it (<c>GET /api/audit</c>).</summary>
public sealed record AuditView(long Id, DateTimeOffset OccurredAt, string Kind, string Subject, string Detail, string Address);

/// <summary>
/// A page of the audit log, newest first. <see cref="NextCursor"/> is the id of the page's last (oldest) line, to send
/// back as <c>?before=</c>; null when nothing older is left.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditView> Entries, string? NextCursor);

/// <summary>
/// The security audit log (issue 10 item 6): sign-ins, their failures and lockouts, permission refusals, tokens and
/// users. <see cref="RecordAsync"/> appends in the caller's transaction when there is one, else in a short one of its
/// own; the endpoints record after their use case has committed, so a line follows the change it reports (a crash
/// between the two can lose the line, never invent one). The log is never updated or deleted through the API.
/// </summary>
public sealed class AuditLog(OrderlyDbContext db, TimeProvider clock)
{
    public const string QueryInvalid = "audit.query_invalid";
    public const int DefaultLimit = 50;

    /// <summary>Appends one line; <paramref name="kind"/> must be one of <see cref="AuditKinds"/> (a programming error otherwise).</summary>
    public async Task RecordAsync(string kind, string subject, string detail, string? address, CancellationToken ct)
    {
        if (!AuditKinds.All.Contains(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an audit kind (AuditKinds).");
        await db.InTransactionAsync(async () =>
        {
            db.AuditLog.Add(AuditEntry.Of(kind, subject, detail, address, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// The lines before <paramref name="before"/> (an id from <see cref="AuditPage.NextCursor"/>; absent = the newest), of
    /// one <paramref name="kind"/> when given, at most <paramref name="limit"/> (1 to 200, default 50), newest first; a
    /// page reads its own rows from the key (or the kind's index) whatever the log's length. A cursor that is not an id, an
    /// unknown kind or a limit out of range is a 400 <c>audit.query_invalid</c> naming the parameter.
    /// </summary>
    public async Task<AuditPage> ReadAsync(string? before, string? kind, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var from = Paging.IdCursor(before, "before", errors,
            "'before' is the nextCursor of an earlier page (an id, digits only). Leave it out to read from the newest line.");
        if (kind is not null && !AuditKinds.All.Contains(kind))
            errors.Add("kind", $"'{kind}' is not an audit kind; use one of {string.Join(", ", AuditKinds.All)}.");
        var take = Paging.Limit(limit, DefaultLimit, Paging.MaxPageSize, errors, "lines");
        errors.ThrowIfAny(QueryInvalid, "The audit log cannot be read with these parameters.");

        var lines = db.AuditLog.AsNoTracking();
        if (from is { } id) lines = lines.Where(e => e.Id < id);
        if (kind is not null) lines = lines.Where(e => e.Kind == kind);
        var rows = await lines.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).Select(e => new AuditView(e.Id, e.OccurredAt, e.Kind, e.Subject, e.Detail, e.Address)).ToList();
        return new AuditPage(page, rows.Count > take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
