using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>
/// A lease on a background job has one holder at a time among the instances on one database (ADR 0018): the holder keeps
/// it by renewing, another instance gets it only once it expired or was released. Two "instances" here are two holder ids
/// on one database, with a clock the test moves; on SQLite and (tools/test's second pass) PostgreSQL.
/// </summary>
public sealed class WorkerLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const string Job = "replenishment-scan";

    private sealed class TestClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<bool> TryAsync(TestDatabase database, TestClock clock, string instance, string lease = Job)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        return await new WorkerLease(db, clock, new InstanceId(instance)).TakeOrRenewAsync(lease, Lease, CancellationToken.None);
    }

    private static async Task ReleaseAsync(TestDatabase database, TestClock clock, string instance)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        await new WorkerLease(db, clock, new InstanceId(instance)).ReleaseAsync(Job, CancellationToken.None);
    }

    private static Task<string> HolderAsync(TestDatabase database) =>
        database.WithAsync<OrderlyDbContext, string>(db =>
            db.Database.SqlQuery<string>($"SELECT holder AS \"Value\" FROM worker_leases WHERE name = {Job}").SingleAsync());

    [Fact]
    public async Task The_first_instance_takes_the_lease_and_the_second_does_not_while_it_lasts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();

        (await TryAsync(database, clock, "a")).ShouldBeTrue();
        clock.Now += Lease - TimeSpan.FromSeconds(1);
        (await TryAsync(database, clock, "b")).ShouldBeFalse();

        (await HolderAsync(database)).ShouldBe("a");
        (await TryAsync(database, clock, "b", "webhook-dispatch")).ShouldBeTrue(); // another job's lease is free
    }

    [Fact]
    public async Task Renewing_keeps_the_lease_past_its_first_expiry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();
        (await TryAsync(database, clock, "a")).ShouldBeTrue();

        for (var round = 0; round < 4; round++)
        {
            clock.Now += Lease / 3;
            (await TryAsync(database, clock, "a")).ShouldBeTrue();
            (await TryAsync(database, clock, "b")).ShouldBeFalse();
        }

        clock.Now.ShouldBeGreaterThan(new TestClock().Now + Lease); // past the first lease's end, still a's
        (await HolderAsync(database)).ShouldBe("a");
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_instance_that_asks_and_the_old_holder_does_not_get_it_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();
        (await TryAsync(database, clock, "a")).ShouldBeTrue();

        clock.Now += Lease + TimeSpan.FromMilliseconds(1);
        (await TryAsync(database, clock, "b")).ShouldBeTrue();
        (await TryAsync(database, clock, "a")).ShouldBeFalse();

        (await HolderAsync(database)).ShouldBe("b");
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_a_release_by_another_instance_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();
        (await TryAsync(database, clock, "a")).ShouldBeTrue();

        await ReleaseAsync(database, clock, "b"); // not b's: stays a's
        (await TryAsync(database, clock, "b")).ShouldBeFalse();

        await ReleaseAsync(database, clock, "a");
        (await TryAsync(database, clock, "b")).ShouldBeTrue();
        (await HolderAsync(database)).ShouldBe("b");
    }

    [Fact]
    public async Task Instances_racing_for_a_free_lease_give_it_to_exactly_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();

        var won = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => TryAsync(database, clock, $"i{i}"))));

        won.Count(w => w).ShouldBe(1);
        (await HolderAsync(database)).ShouldBe($"i{Array.IndexOf(won, true)}");
    }
}
