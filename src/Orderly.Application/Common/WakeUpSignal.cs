namespace Orderly.Application.Common;

/// <summary>
/// Wakes one background worker of the process: <see cref="Notify"/> any number of times, and the worker's next
/// <see cref="WaitAsync"/> returns at once (wake-ups coalesce). Each worker has its own subclass, so that DI tells them
/// apart; workers also look on their own interval, so a lost wake-up only delays them.
/// </summary>
public abstract class WakeUpSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount == 0)
            try { _wake.Release(); }
            catch (SemaphoreFullException) { } // already signalled
    }

    /// <summary>Waits until notified or <paramref name="timeout"/> passes.</summary>
    public virtual Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>Takes a wake-up that came meanwhile, if any, without waiting: its work is in the round about to run.</summary>
    protected void Absorb() => _wake.Wait(0);
}
