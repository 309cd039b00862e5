using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Persistence;
using Orderly.Server.Webhooks;

namespace Orderly.Server.Tests;

/// <summary>
/// What a webhook dispatch round costs the database (docs/PERFORMANCE.md, "The W3 regression"): without any subscription
/// one scope and one statement, however many events were committed.
/// </summary>
public sealed class WebhookDispatchCostTests
{
    private static readonly (string, string)[] NoBackgroundRounds = [("Orderly:Webhooks:DispatchIntervalSeconds", "0")];

    [Fact]
    public async Task A_round_without_any_subscription_runs_one_statement_whatever_was_committed()
    {
        using var api = new OrderlyApi(NoBackgroundRounds);
        await api.SeedAsync();
        for (var i = 0; i < 3; i++) await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var (dispatcher, scopes) = Counted(api);

        (await dispatcher.RunOnceAsync(CancellationToken.None)).ShouldBeFalse();

        (scopes.Scopes, scopes.Statements).ShouldBe((1, 1));
    }

    private static (WebhookDispatcher, CountingScopes) Counted(OrderlyApi api)
    {
        var scopes = new CountingScopes(api.Services.GetRequiredService<IServiceScopeFactory>());
        return (new WebhookDispatcher(scopes, api.Services.GetRequiredService<WebhookPoster>()), scopes);
    }

    /// <summary>The real scopes, adding up the statements each ran (<see cref="SqlStatements"/>) when it ends.</summary>
    private sealed class CountingScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        public int Scopes;
        public int Statements;

        public IServiceScope CreateScope() => new Counting(inner.CreateScope(), this);

        private sealed class Counting(IServiceScope scope, CountingScopes totals) : IServiceScope, IAsyncDisposable
        {
            public IServiceProvider ServiceProvider => scope.ServiceProvider;

            public void Dispose() => End();

            public ValueTask DisposeAsync()
            {
                End();
                return ValueTask.CompletedTask;
            }

            private void End()
            {
                totals.Scopes++;
                totals.Statements += scope.ServiceProvider.GetRequiredService<SqlStatements>().Statements;
                scope.Dispose();
            }
        }
    }
}
