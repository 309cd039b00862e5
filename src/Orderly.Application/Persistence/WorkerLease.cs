using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;

namespace Orderly.Application.Persistence;

/// <summary>
/// A lease on one background job in <c>worker_leases</c> (ADR 0018): at most one server instance holds a lease at a time,
/// and only the holder runs the job. Taking and renewing are the same single statement, an upsert that writes only when
/// the lease is free, already this instance's, or expired, so two instances racing for it cannot both win (the primary
/// key decides). Times come from <see cref="TimeProvider"/>; the instances' clocks are assumed to agree to well within a
/// lease. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public sealed class WorkerLease(OrderlyDbContext db, TimeProvider clock, InstanceId me)
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="duration"/> from now, or renews it when this instance
    /// holds it already; returns whether this instance holds it now. False: another instance holds it and it has not
    /// expired. Database errors are thrown (the caller counts the lease as not renewed).
    /// </summary>
    public async Task<bool> TakeOrRenewAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        // One statement, committed by itself: not a use case, so it takes no turn in the WriteGate (on SQLite it waits in
        // the busy timeout behind a writer instead). 1 row: taken or renewed; 0 rows: another instance's.
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO worker_leases (name, holder, expires_at, acquired_at) VALUES ({name}, {me.Value}, {expires}, {now})
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at,
                acquired_at = CASE WHEN worker_leases.holder = excluded.holder THEN worker_leases.acquired_at ELSE excluded.acquired_at END
            WHERE worker_leases.holder = excluded.holder OR worker_leases.expires_at < excluded.acquired_at
            """, ct);
        return written == 1;
    }

    /// <summary>Gives the lease up if this instance holds it (a graceful stop), so another instance takes it at its next try instead of after expiry.</summary>
    public Task<int> ReleaseAsync(string name, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM worker_leases WHERE name = {name} AND holder = {me.Value}", ct);
}
