using System.Diagnostics;
using Orderly.Application.Sales;
using Orderly.Server.Operations;

namespace Orderly.Server.Sales;

/// <summary>
/// Re-promises queued SKUs after commit (ADR 0009). It wakes when a request queues a SKU (or every
/// <see cref="PollInterval"/> regardless), waits <c>Orderly:PromiseRefreshDelayMilliseconds</c> (default 250; 0 turns the
/// worker off) so that a burst of changes to a hot SKU costs one recomputation, then works through the queue in
/// batches of <see cref="BatchSize"/> SKUs, one DI scope per batch. A failed batch is logged and retried next round.
/// <para>Its share of the machine is bounded: after a batch that took <c>t</c>, it rests at least
/// <c>t × (1 − share) / share</c> before the next (<c>Orderly:PromiseRefreshMaxShare</c>, default 0.25, see
/// <see cref="PauseAfter"/>). A walk grows with its SKU's open lines, so on a hot SKU with a long queue the promises
/// settle later instead of the worker taking the cores from the requests.</para>
/// <para>It works only while this instance holds the lease <see cref="WorkerLeases.PromiseRefresh"/> (ADR 0018): with
/// several instances on one database, one of them re-promises.</para>
/// <para>It starts once the database is ready, and a stop lets the batch under way finish and commit
/// (<see cref="GracefulBackgroundService"/>): the stop ends the waits between batches, not a batch.</para>
/// </summary>
internal sealed class PromiseRefreshService(IServiceScopeFactory scopes, PromiseQueueSignal signal, IConfiguration configuration,
    ServerReadiness readiness, WorkerLeases leases, ILogger<PromiseRefreshService> log) : GracefulBackgroundService(readiness)
{
    public const string DelaySetting = "Orderly:PromiseRefreshDelayMilliseconds";
    public const string ShareSetting = "Orderly:PromiseRefreshMaxShare";
    private const int DefaultDelay = 250;
    private const double DefaultShare = 0.25;
    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task WorkAsync(CancellationToken stoppingToken)
    {
        var share = ShareOf(configuration, out _);
        var delayMs = configuration.GetValue(DelaySetting, DefaultDelay);
        var delay = TimeSpan.FromMilliseconds(delayMs);
        if (delayMs <= 0)
        {
            log.LogInformation("Promise re-computation after commit is off ({Setting} = {Delay}).", DelaySetting, delayMs);
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await Task.Delay(delay, stoppingToken);
                // Another instance holds the lease and works the queue (it is in the database); this one only waits.
                while (leases.Holds(WorkerLeases.PromiseRefresh))
                {
                    var started = Stopwatch.GetTimestamp();
                    var full = await RunBatchAsync() == BatchSize;
                    var pause = PauseAfter(Stopwatch.GetElapsedTime(started), delay, share);
                    if (!full)
                    {
                        // the next wake-up waits `delay` anyway; rest the part of the pause beyond it first
                        if (pause > delay) await Task.Delay(pause - delay, stoppingToken);
                        break;
                    }
                    await Task.Delay(pause, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; what is still queued is done at the next start.
        }
    }

    /// <summary>
    /// <c>Orderly:PromiseRefreshMaxShare</c>: the most of the time the worker may spend working (default 0.25). A value
    /// outside (0, 1] gives the default and a <paramref name="problem"/> naming the setting, which stops the start
    /// (<see cref="StartupSettings"/>).
    /// </summary>
    public static double ShareOf(IConfiguration configuration, out string? problem)
    {
        var text = configuration[ShareSetting];
        problem = null;
        if (text is null) return DefaultShare;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share)
            && share is > 0 and <= 1) return share;
        problem = $"{ShareSetting} is '{text}'; it is the most of the time the re-promise worker may spend working, a number above 0 and at most 1 (for example 0.25).";
        return DefaultShare;
    }

    /// <summary>
    /// How long the worker rests after a batch that took <paramref name="worked"/>: at least <paramref name="delay"/>, and
    /// long enough that working stays within <paramref name="share"/> of the time (0.25: a 300 ms batch rests 900 ms).
    /// </summary>
    internal static TimeSpan PauseAfter(TimeSpan worked, TimeSpan delay, double share)
    {
        var resting = worked * ((1 - share) / share);
        return resting > delay ? resting : delay;
    }

    private async Task<int> RunBatchAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PromiseRefresher>().RefreshDueAsync(BatchSize, BatchToken);
        }
        catch (Exception e) when (!BatchToken.IsCancellationRequested)
        {
            log.LogError(e, "Re-promising failed; the SKUs stay queued and are tried again.");
            return 0;
        }
    }
}
