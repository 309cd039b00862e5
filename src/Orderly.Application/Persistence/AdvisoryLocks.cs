using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// PostgreSQL's advisory locks Orderly takes, with their keys in one place so that no two uses share one. Each key is
/// a word in ASCII, so that it names itself in <c>pg_locks</c> (classid = the high 32 bits, objid = the low ones).
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held by the session that migrates ("0rder1y", <see cref="DatabaseSetup"/>, ADR 0018).</summary>
    public const long Migrations = 0x30_72_64_65_72_31_79;

    /// <summary>Shared by every first run of a write transaction, exclusive for a rerun ("ORDERLY", <see cref="RerunTurns"/>, ADR 0017).</summary>
    public const long Reruns = 0x4F52444552_4C59;

    /// <summary>Taken by a save that writes business events, held to commit ("EVENTS", <see cref="EventCommitOrder"/>, ADR 0015).</summary>
    public const long EventCommitOrder = 0x4556_454E5453;

    /// <summary>
    /// Takes <paramref name="key"/> for the rest of the caller's transaction, <paramref name="shared"/> or exclusively,
    /// waiting for it; PostgreSQL releases it at commit or rollback. On SQLite it sends nothing (writers take turns).
    /// </summary>
    public static async Task HoldToCommitAsync(OrderlyDbContext db, long key, bool shared, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        if (shared) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({key})", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}
