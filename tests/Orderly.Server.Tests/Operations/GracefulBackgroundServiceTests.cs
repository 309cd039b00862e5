using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Orderly.Server.Operations;

namespace Orderly.Server.Tests.Operations;

/// <summary>
/// The background workers (re-promise, replenishment scan, idempotency purge, webhook dispatch) start once the database is ready and
/// stop between batches: a batch under way when the host stops finishes; only a host that gives up waiting cancels it.
/// </summary>
public sealed class GracefulBackgroundServiceTests
{
    [Fact]
    public void Every_background_worker_of_the_server_waits_for_the_database_and_stops_between_batches()
    {
        // The webhook dispatcher once queried before the migrations had run, on every fresh database.
        var workers = typeof(GracefulBackgroundService).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(BackgroundService).IsAssignableFrom(t)).ToList();

        workers.ShouldNotBeEmpty();
        workers.Where(t => !typeof(GracefulBackgroundService).IsAssignableFrom(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_batch_under_way_when_the_host_stops_finishes_before_the_worker_stops()
    {
        var worker = await InABatchAsync();

        var stopping = worker.StopAsync(CancellationToken.None);
        stopping.IsCompleted.ShouldBeFalse(); // the batch holds the stop
        worker.ReleaseBatch.SetResult();
        await stopping;

        (worker.Committed, worker.Cancelled).ShouldBe((true, false));
    }

    [Fact]
    public async Task A_host_that_gives_up_waiting_cancels_the_batch_under_way()
    {
        var worker = await InABatchAsync();

        await worker.StopAsync(new CancellationToken(canceled: true));
        await worker.Finished.Task;

        (worker.Committed, worker.Cancelled).ShouldBe((false, true));
    }

    [Fact]
    public async Task A_worker_stopped_before_the_database_is_ready_never_works()
    {
        var (worker, _) = Worker();
        await worker.StartAsync(CancellationToken.None);

        await worker.StopAsync(CancellationToken.None);

        worker.BatchStarted.Task.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public void Readiness_turns_to_stopping_when_the_host_is_asked_to_stop()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var readiness = new ServerReadiness(lifetime);
        readiness.MarkReady();

        lifetime.StopApplication();

        readiness.Now.ShouldBe(ServerReadiness.Stage.Stopping);
    }

    /// <summary>A started worker whose database became ready, in the middle of its batch.</summary>
    private static async Task<OneBatch> InABatchAsync()
    {
        var (worker, readiness) = Worker();
        await worker.StartAsync(CancellationToken.None);
        readiness.MarkReady();
        await worker.BatchStarted.Task;
        return worker;
    }

    private static (OneBatch Worker, ServerReadiness Readiness) Worker()
    {
        var readiness = new ServerReadiness(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        return (new OneBatch(readiness), readiness);
    }

    /// <summary>Works one batch that waits for <see cref="ReleaseBatch"/>, then waits for the stop.</summary>
    private sealed class OneBatch(ServerReadiness readiness) : GracefulBackgroundService(readiness)
    {
        public TaskCompletionSource BatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource ReleaseBatch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Committed { get; private set; }
        public bool Cancelled { get; private set; }

        protected override async Task WorkAsync(CancellationToken stoppingToken)
        {
            BatchStarted.SetResult();
            try
            {
                await ReleaseBatch.Task.WaitAsync(BatchToken);
                Committed = true;
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
            }
            finally
            {
                Finished.SetResult();
            }
        }
    }
}
