using Orderly.Server.Operations;

namespace Orderly.Server;

/// <summary>
/// Background work that starts once the database is ready (<see cref="ServerReadiness"/>) and stops between batches
/// (ADR 0016). <see cref="WorkAsync"/>'s token ends the waits between batches when the host stops; a batch runs on
/// <see cref="BatchToken"/>, which is cancelled only when the host stops waiting (<c>Orderly:ShutdownTimeoutSeconds</c>),
/// so a batch under way at SIGTERM finishes and commits, and one cut off by the timeout rolls back.
/// </summary>
internal abstract class GracefulBackgroundService(ServerReadiness readiness) : BackgroundService
{
    private readonly CancellationTokenSource _hostGaveUp = new();

    /// <summary>The token for one batch's work: cancelled only when the host gives up waiting for the stop.</summary>
    protected CancellationToken BatchToken => _hostGaveUp.Token;

    /// <summary>The work, after the database is ready. <paramref name="stoppingToken"/> ends when the host starts stopping: wait on it, work on <see cref="BatchToken"/>.</summary>
    protected abstract Task WorkAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // stopped before the database was ready
        }
        await WorkAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var giveUp = cancellationToken.Register(_hostGaveUp.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _hostGaveUp.Dispose();
        base.Dispose();
    }
}
