using Orderly.Application.Webhooks;

namespace Orderly.Server.Webhooks;

/// <summary>
/// One round of webhook dispatch (ADR 0015): read the subscriptions once (<see cref="WebhookDispatch.RoundAsync"/>;
/// none: the round ends there, one statement), fan new events out into deliveries (bounded batches, up to
/// <see cref="MaxFanOutBatches"/>), then send the due deliveries (<see cref="WebhookDispatch.SendBatch"/>, at most
/// <see cref="Parallelism"/> at once, outside any transaction), then record their attempts in one write.
/// Each step has its own DI scope.
/// </summary>
internal sealed class WebhookDispatcher(IServiceScopeFactory scopes, WebhookPoster poster)
{
    public const int MaxFanOutBatches = 10;
    public const int Parallelism = 8;

    /// <summary>Runs one round; true when it may have left work (a full fan-out batch, or attempts made), so the caller goes again at once.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var round = await WithAsync(d => d.RoundAsync(ct));
        if (round.Subscriptions.Count == 0) return false;
        var fanned = 0;
        for (var batch = 0; batch < MaxFanOutBatches; batch++)
        {
            fanned = await WithAsync(d => d.FanOutAsync(round, ct));
            if (fanned < WebhookDispatch.FanOutBatch) break;
        }
        var due = await WithAsync(d => d.DueAsync(round, ct));
        if (due.Count > 0)
        {
            var outcomes = new AttemptOutcome[due.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (i, token) => outcomes[i] = await poster.PostAsync(due[i], token));
            await WithAsync(async d =>
            {
                await d.RecordAsync(outcomes, ct);
                return 0;
            });
        }
        // A round that sent something may have let waiting deliveries move up: they are due now.
        return fanned == WebhookDispatch.FanOutBatch || due.Count > 0;
    }

    /// <summary>Rounds until nothing due is left (at most <paramref name="maxRounds"/>): tests and demos.</summary>
    public async Task DrainAsync(CancellationToken ct, int maxRounds = 50)
    {
        for (var round = 0; round < maxRounds && await RunOnceAsync(ct); round++) { }
    }

    private async Task<T> WithAsync<T>(Func<WebhookDispatch, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WebhookDispatch>());
    }
}
