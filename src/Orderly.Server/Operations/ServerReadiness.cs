namespace Orderly.Server.Operations;

/// <summary>
/// Whether the server may take work: <see cref="Stage.Starting"/> until the database is prepared (migrations applied,
/// demo data seeded, <see cref="DatabaseStartup"/>), then <see cref="Stage.Ready"/>, and <see cref="Stage.Stopping"/>
/// from the moment the host is asked to stop. <c>/health/ready</c>, the <see cref="StartupGate"/> and the background
/// workers (<see cref="GracefulBackgroundService"/>) read it. One per server.
/// </summary>
internal sealed class ServerReadiness
{
    public enum Stage { Starting, Ready, Stopping }

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _stage;

    public ServerReadiness(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(() => _stage = (int)Stage.Stopping);

    public Stage Now => (Stage)_stage;

    public void MarkReady()
    {
        Interlocked.CompareExchange(ref _stage, (int)Stage.Ready, (int)Stage.Starting);
        _ready.TrySetResult();
    }

    /// <summary>Completes once the database is prepared; throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> ends first.</summary>
    public Task WaitReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);
}
