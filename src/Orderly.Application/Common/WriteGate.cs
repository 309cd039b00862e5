using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orderly.Application.Common;

/// <summary>
/// The process's queue of writers: at most <see cref="Turns"/> write transactions at a time, served first come, first
/// served. SQLite admits one writer, so there it is one turn; waiting here (a queue of <see cref="TaskCompletionSource"/>)
/// replaces Microsoft.Data.Sqlite's sleep-and-retry, which is a lottery, so a writer's wait is the queue ahead of it
/// times the transaction's time. PostgreSQL runs several writers of a process at once (<c>Orderly:WriteTurns</c>,
/// default 4): they are SERIALIZABLE and run again after a lost race exactly as writers of two instances do (ADR 0017),
/// and the bound keeps a burst from taking every connection of the pool. One per service provider (so each test server
/// with its own database has its own). <see cref="Transactions"/> is its only caller.
/// </summary>
/// <remarks>
/// Metrics (Meter "Orderly"): <c>orderly.write_queue.length</c> (writers waiting now, excluding the one writing),
/// <c>orderly.write_queue.wait</c> (histogram of seconds from asking to getting the turn) and
/// <c>orderly.write_queue.timeouts</c> (writers refused with <see cref="WriteQueueTimeout"/>).
/// </remarks>
public sealed class WriteGate : IDisposable
{
    public const string MeterName = "Orderly";

    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly Histogram<double> _waits;
    private readonly Counter<long> _timeouts;
    private int _writing;
    private double _meanHoldSeconds = 0.01;

    /// <param name="timeout">How long a writer may wait for its turn before <see cref="WriteQueueTimeout"/>.</param>
    /// <param name="meter">Where the gate's instruments live; one per service provider.</param>
    /// <param name="turns">How many writers may write at once (1 on SQLite).</param>
    public WriteGate(TimeSpan timeout, Meter meter, int turns = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        Timeout = timeout;
        Turns = turns;
        Meter = meter;
        meter.CreateObservableGauge("orderly.write_queue.length", () => QueueLength, "{writer}", "Writers waiting for their turn.");
        _waits = meter.CreateHistogram<double>("orderly.write_queue.wait", "s", "Time from asking for the write turn to getting it.");
        _timeouts = meter.CreateCounter<long>("orderly.write_queue.timeouts", "{writer}", "Writers refused after waiting past the bound.");
    }

    public TimeSpan Timeout { get; }

    /// <summary>How many writers of this process write at once.</summary>
    public int Turns { get; }

    internal Meter Meter { get; }

    public void Dispose() => Meter.Dispose();

    /// <summary>Writers waiting now, not counting those that hold a turn.</summary>
    public int QueueLength
    {
        get { lock (_lock) return _waiting.Count; }
    }

    /// <summary>
    /// Waits for this writer's turn, behind every writer that asked earlier. Dispose the turn to pass it on, also when
    /// the work failed. Throws <see cref="WriteQueueTimeout"/> after <see cref="Timeout"/>, and
    /// <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled (the client went away); either
    /// way the writer has left the queue.
    /// </summary>
    public async Task<WriteTurn> WaitTurnAsync(CancellationToken ct)
    {
        var asked = Stopwatch.GetTimestamp();
        LinkedListNode<TaskCompletionSource> place;
        lock (_lock)
        {
            if (_writing < Turns)
            {
                _writing++;
                return Granted(asked);
            }
            place = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        try
        {
            await place.Value.Task.WaitAsync(Timeout, ct);
            return Granted(asked);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            bool handedToUs;
            lock (_lock)
            {
                handedToUs = place.List is null;
                if (!handedToUs) _waiting.Remove(place);
            }
            if (handedToUs) PassOn(TimeSpan.Zero); // the turn arrived as we gave up: give it to the next writer
            if (e is not TimeoutException) throw;
            _timeouts.Add(1);
            throw new WriteQueueTimeout(Timeout, RetryAfterHint());
        }
    }

    private WriteTurn Granted(long asked)
    {
        _waits.Record(Stopwatch.GetElapsedTime(asked).TotalSeconds);
        return new WriteTurn(this);
    }

    internal void PassOn(TimeSpan held)
    {
        lock (_lock)
        {
            if (held > TimeSpan.Zero) _meanHoldSeconds = 0.9 * _meanHoldSeconds + 0.1 * held.TotalSeconds;
            if (_waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                next.Value.SetResult(); // the turn goes straight to the next writer; as many write as before
            }
            else
            {
                _writing--;
            }
        }
    }

    /// <summary>Whole seconds until the queue now waiting has probably drained: at least 1, at most the timeout.</summary>
    private int RetryAfterHint()
    {
        double estimate;
        lock (_lock) estimate = (_waiting.Count + 1) * _meanHoldSeconds / Turns;
        return (int)Math.Clamp(Math.Ceiling(estimate), 1, Math.Max(1, Math.Ceiling(Timeout.TotalSeconds)));
    }
}

/// <summary>The right to write, held from BEGIN to COMMIT or rollback. Disposing it (once is enough) lets the next writer in.</summary>
public sealed class WriteTurn : IDisposable
{
    private readonly long _since = Stopwatch.GetTimestamp();
    private WriteGate? _gate;

    internal WriteTurn(WriteGate gate) => _gate = gate;

    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.PassOn(Stopwatch.GetElapsedTime(_since));
}

/// <summary>
/// A writer waited longer than <c>Orderly:WriteQueueTimeoutSeconds</c> for its turn (HTTP 503
/// <c>write_queue.timeout</c>, with a <c>Retry-After</c> of <see cref="RetryAfterSeconds"/>). Nothing was written.
/// </summary>
public sealed class WriteQueueTimeout(TimeSpan waited, int retryAfterSeconds)
    : Exception($"Other changes were queued ahead of this one for more than {waited.TotalSeconds:0.#} s, so it was not started. " +
                $"Nothing was changed; retry in about {retryAfterSeconds} s.")
{
    public const string Code = "write_queue.timeout";

    /// <summary>Whole seconds after which a retry probably finds a short queue (at least 1).</summary>
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
