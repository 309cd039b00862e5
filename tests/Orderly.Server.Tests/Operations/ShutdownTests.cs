using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orderly.Application.Common;

namespace Orderly.Server.Tests.Operations;

/// <summary>
/// A stop (SIGTERM, Ctrl+C) is graceful (issue 9, item 9): the server takes no new connections, the requests in flight
/// finish with their responses and what they wrote is committed.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_request_in_flight_when_the_server_stops_completes_with_its_response_and_its_order_is_committed()
    {
        using var api = OrderlyApi.OverKestrel();
        await api.SeedAsync();
        var gate = api.Services.GetRequiredService<WriteGate>();
        var lifetime = api.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource();
        lifetime.ApplicationStopped.Register(stopped.SetResult);

        // The order waits behind writers holding every turn (one on SQLite, Orderly:WriteTurns on PostgreSQL): in flight.
        var turns = new List<WriteTurn>();
        for (var i = 0; i < gate.Turns; i++) turns.Add(await gate.WaitTurnAsync(CancellationToken.None));
        var placing = api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        for (var waited = 0; gate.QueueLength == 0; waited++)
        {
            waited.ShouldBeLessThan(3000, "the order never queued for a write turn");
            await Task.Delay(10);
        }
        lifetime.StopApplication();
        await RefusesConnectionsAsync(api.Client.BaseAddress!);
        turns.ForEach(t => t.Dispose());

        var order = await placing; // 201 with the order
        await stopped.Task;
        Convert.ToInt32(await api.ScalarAsync("SELECT COUNT(*) FROM sales_orders WHERE number = @number", ("number", order.Number))).ShouldBe(1);
    }

    /// <summary>Waits until the server no longer takes connections: it is stopping, only what is in flight goes on.</summary>
    private static async Task RefusesConnectionsAsync(Uri server)
    {
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(10);
        }
    }
}
