namespace Orderly.Server.Tests.Operations;

/// <summary>
/// The background jobs run under leases (ADR 0018): a server alone on its database holds every lease and says so at
/// <c>/metrics</c>; two servers on one database share them out, each lease held by exactly one; a graceful stop gives
/// the stopped server's leases to the other at its next try instead of after expiry.
/// </summary>
public sealed class WorkerLeaseServerTests
{
    private static readonly string[] Leases = ["replenishment-scan", "idempotency-purge", "promise-refresh", "webhook-dispatch", "sla-watch"];
    private static readonly (string, string) ShortLeases = ("Orderly:LeaseSeconds", "1.5");

    private static async Task<double[]> HeldAsync(OrderlyApi api)
    {
        var scrape = await Scrape.OfAsync(api.Client);
        return Leases.Select(lease => scrape.Value("orderly_worker_lease_held", ("lease", lease)) ?? -1).ToArray();
    }

    /// <summary>Polls <paramref name="done"/> every 100 ms for at most 15 s (a bound for background work, not a timing assertion).</summary>
    internal static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within 15 s: {what}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_server_alone_on_its_database_holds_every_lease()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        await UntilAsync(async () => (await HeldAsync(api)).All(held => held == 1), "every lease held");
        (await api.ScalarAsync("SELECT COUNT(*) FROM worker_leases")).ShouldBe((long)Leases.Length);
    }

    [Fact]
    public async Task Two_servers_on_one_database_hold_each_lease_once_and_a_graceful_stop_hands_them_over()
    {
        var first = new OrderlyApi(ShortLeases) { KeepDatabaseFile = true };
        await first.SeedAsync();
        await UntilAsync(async () => (await HeldAsync(first)).All(held => held == 1), "the first server holds every lease");
        using var second = OrderlyApi.OnDatabaseOf(first, ShortLeases);

        // Three renewal rounds of the second server: it tries every lease, and gets none while the first renews them.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (await HeldAsync(first)).ShouldBe([1, 1, 1, 1, 1]);
        (await HeldAsync(second)).ShouldBe([0, 0, 0, 0, 0]);

        first.Dispose(); // a graceful stop: the leases are released
        await UntilAsync(async () => (await HeldAsync(second)).All(held => held == 1), "the second server takes every lease");
    }
}
