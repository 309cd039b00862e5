using Orderly.Server.Sales;

namespace Orderly.Server.Tests;

/// <summary>The re-promise worker's share of the machine is bounded: it rests in proportion to how long a batch took.</summary>
public sealed class PromiseWorkerShareTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    [Theory]
    [InlineData(10, 0.25, 250)]   // a short batch rests the configured delay
    [InlineData(300, 0.25, 900)]  // a long one three times its length: a quarter of the time working
    [InlineData(300, 0.5, 300)]
    [InlineData(1000, 1.0, 250)]  // share 1: no rest beyond the delay
    public void A_batch_is_followed_by_a_rest_that_keeps_the_worker_within_its_share(int workedMs, double share, int restMs) =>
        PromiseRefreshService.PauseAfter(TimeSpan.FromMilliseconds(workedMs), Delay, share).ShouldBe(TimeSpan.FromMilliseconds(restMs));
}
