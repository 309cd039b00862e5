using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Common;

namespace Orderly.Server.Tests;

/// <summary>Writers wait for their turn in the server's write gate; past the bound they get a 503 they can retry.</summary>
public sealed class WriteQueueTests
{
    private static readonly object Warehouse = new { code = "MAIN", name = "Main", priority = 1 };

    [Fact]
    public async Task A_write_that_waits_past_the_bound_gets_503_with_retry_after_and_changes_nothing()
    {
        using var api = new OrderlyApi(("Orderly:WriteQueueTimeoutSeconds", "0.3"));
        var gate = api.Services.GetRequiredService<WriteGate>();

        HttpResponseMessage response;
        using (await EveryTurnAsync(gate)) // other writers hold every turn for longer than the bound
            response = await api.Client.PostAsJsonAsync("/api/warehouses", Warehouse, OrderlyApi.Json);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, WriteQueueTimeout.Code);
        problem.Status.ShouldBe(503);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        (await api.GetAsync<List<object>>("/api/warehouses")).ShouldBeEmpty();
        (await api.Client.PostAsJsonAsync("/api/warehouses", Warehouse, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_waiting_request_whose_client_went_away_leaves_the_queue()
    {
        using var api = new OrderlyApi();
        var gate = api.Services.GetRequiredService<WriteGate>();
        using var holders = await EveryTurnAsync(gate);
        using var client = new CancellationTokenSource();

        var abandoned = api.Client.PostAsJsonAsync("/api/warehouses", Warehouse, OrderlyApi.Json, client.Token);
        await Until(() => gate.QueueLength == 1);
        await client.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => abandoned);
        await Until(() => gate.QueueLength == 0);
    }

    /// <summary>Takes every write turn of the gate (one on SQLite, <c>Orderly:WriteTurns</c> on PostgreSQL); disposing gives them back.</summary>
    private static async Task<IDisposable> EveryTurnAsync(WriteGate gate)
    {
        var turns = new List<WriteTurn>();
        for (var i = 0; i < gate.Turns; i++) turns.Add(await gate.WaitTurnAsync(CancellationToken.None));
        return new Turns(turns);
    }

    private sealed class Turns(List<WriteTurn> turns) : IDisposable
    {
        public void Dispose() => turns.ForEach(t => t.Dispose());
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        condition().ShouldBeTrue();
    }
}
