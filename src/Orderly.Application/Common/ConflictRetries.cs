using System.Diagnostics.Metrics;

namespace Orderly.Application.Common;

/// <summary>
/// How a unit of work that lost a race with another server instance is run again (ADR 0017). On PostgreSQL every write
/// transaction is SERIALIZABLE: when two instances change the same rows (a hot SKU's stock, a number counter, the orders
/// per status) the database refuses one of them with a serialization failure (SQLSTATE 40001) or a deadlock (40P01),
/// and <see cref="Transactions"/> rolls it back and runs it again from the start, at most <see cref="MaxRetries"/> times
/// (<c>Orderly:ConflictRetries</c>, default 5, 0 to 20), after a random pause (full jitter) that doubles each time from
/// 10 ms up to 320 ms. After the last one the caller gets <see cref="DatabaseConflict"/> (HTTP 503
/// <c>database.conflict</c>, <c>Retry-After: 1</c>). SQLite has one writer at a time, so it never refuses this way.
/// </summary>
/// <remarks>
/// Counter <c>orderly.database.conflicts</c> (Meter "Orderly", Prometheus <c>orderly_database_conflicts_total</c>) with
/// attribute <c>outcome</c>: <c>retried</c> for each run again, <c>gave_up</c> for each <see cref="DatabaseConflict"/>.
/// One per service provider.
/// </remarks>
public sealed class ConflictRetries
{
    public const int DefaultMaxRetries = 5, MaxAllowed = 20;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10), LongestPause = TimeSpan.FromMilliseconds(320);
    private readonly Counter<long> _conflicts;

    public ConflictRetries(int maxRetries, Meter meter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRetries, MaxAllowed);
        MaxRetries = maxRetries;
        _conflicts = meter.CreateCounter<long>("orderly.database.conflicts", "{conflict}",
            "Write transactions refused by the database because another instance changed the same rows (40001, 40P01).");
    }

    /// <summary>Runs again after a conflict, beyond the first run.</summary>
    public int MaxRetries { get; }

    /// <summary>The random pause before run again number <paramref name="retry"/> (1 for the first), counted as retried.</summary>
    internal TimeSpan PauseBefore(int retry)
    {
        _conflicts.Add(1, new KeyValuePair<string, object?>("outcome", "retried"));
        var ceiling = Math.Min(LongestPause.TotalMilliseconds, FirstPause.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    internal DatabaseConflict GiveUp(Exception last)
    {
        _conflicts.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        return new DatabaseConflict(MaxRetries + 1, last);
    }
}

/// <summary>
/// A change was refused by the database <see cref="Runs"/> times in a row because other server instances changed the
/// same records at the same moment (HTTP 503 <c>database.conflict</c>, <c>Retry-After: 1</c>). Nothing was written; the
/// same request (with the same Idempotency-Key) may be sent again.
/// </summary>
public sealed class DatabaseConflict(int runs, Exception last)
    : Exception($"Other changes to the same records kept getting in first ({runs} tries). Nothing was changed; retry in a moment.", last)
{
    public const string Code = "database.conflict";

    public int Runs { get; } = runs;
}
