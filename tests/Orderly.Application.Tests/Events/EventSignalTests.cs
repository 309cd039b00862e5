using Orderly.Application.Events;

namespace Orderly.Application.Tests.Events;

/// <summary>The dispatcher's wake-ups coalesce: a burst of commits gives one round per <see cref="EventSignal.Spacing"/>, a lone commit one round at once.</summary>
public sealed class EventSignalTests
{
    [Fact]
    public async Task A_burst_of_notifications_wakes_the_waiter_about_once_per_spacing_not_once_per_notification()
    {
        var signal = new EventSignal();
        using var stop = new CancellationTokenSource();
        var wakes = 0;
        var waiter = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await signal.WaitAsync(TimeSpan.FromMinutes(1), stop.Token);
                    Interlocked.Increment(ref wakes);
                }
            }
            catch (OperationCanceledException) { }
        });

        var burst = System.Diagnostics.Stopwatch.StartNew();
        var notified = 0;
        while (burst.Elapsed < TimeSpan.FromMilliseconds(600))
        {
            signal.Notify();
            notified++;
            await Task.Delay(1);
        }
        var elapsed = burst.Elapsed;
        await stop.CancelAsync();
        await waiter;

        notified.ShouldBeGreaterThan(50); // a real burst (a loaded machine only makes it smaller)
        wakes.ShouldBeGreaterThanOrEqualTo(1);
        wakes.ShouldBeLessThanOrEqualTo((int)(elapsed / EventSignal.Spacing) + 2, $"{notified} notifications");
    }

    [Fact]
    public async Task A_lone_notification_after_a_quiet_spell_wakes_the_waiter_without_waiting_for_its_interval()
    {
        var signal = new EventSignal();
        await signal.WaitAsync(TimeSpan.Zero, default); // a first round, long ago enough below
        await Task.Delay(EventSignal.Spacing * 2);
        signal.Notify();

        var woke = System.Diagnostics.Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMinutes(1), default);

        woke.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }
}
