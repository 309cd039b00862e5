using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Catalog;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Tests.Common;

/// <summary>The write gate serves writers in the order they asked, lets go on failure, and refuses past its bound.</summary>
public sealed class WriteGateTests
{
    private static WriteGate Gate(double timeoutSeconds = 10) => new(TimeSpan.FromSeconds(timeoutSeconds), new Meter(WriteGate.MeterName));

    [Fact]
    public async Task Writers_get_their_turn_in_the_order_they_asked()
    {
        using var gate = Gate();
        var first = await gate.WaitTurnAsync(CancellationToken.None);
        var served = new List<int>();
        var writers = new List<Task>();
        for (var i = 0; i < 40; i++)
        {
            var writer = i;
            writers.Add(Task.Run(async () =>
            {
                using var turn = await gate.WaitTurnAsync(CancellationToken.None);
                lock (served) served.Add(writer);
                await Task.Yield();
            }));
            // Queue them one by one, so the order they asked in is known; a thread pool start order is not.
            await Until(() => gate.QueueLength == writer + 1);
        }

        first.Dispose();
        await Task.WhenAll(writers);

        served.ShouldBe(Enumerable.Range(0, 40));
        gate.QueueLength.ShouldBe(0);
    }

    [Fact]
    public async Task With_three_turns_three_write_at_once_and_the_fourth_waits_for_the_first_to_finish()
    {
        using var gate = new WriteGate(TimeSpan.FromSeconds(10), new Meter(WriteGate.MeterName), turns: 3);
        var held = new List<WriteTurn>();
        for (var i = 0; i < 3; i++) held.Add(await gate.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        gate.QueueLength.ShouldBe(0);

        var fourth = gate.WaitTurnAsync(CancellationToken.None);
        await Until(() => gate.QueueLength == 1);
        fourth.IsCompleted.ShouldBeFalse("three write already");
        held[1].Dispose();
        using var turn = await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        gate.QueueLength.ShouldBe(0);

        held[0].Dispose();
        held[2].Dispose();
        var again = new List<WriteTurn>();
        for (var i = 0; i < 2; i++) again.Add(await gate.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        var beyond = gate.WaitTurnAsync(CancellationToken.None);
        await Until(() => gate.QueueLength == 1);
        beyond.IsCompleted.ShouldBeFalse("the turns given back are three again, no more");
        again[0].Dispose();
        (await beyond.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        again[1].Dispose();
    }

    [Fact]
    public async Task A_writer_waiting_past_the_bound_is_refused_and_leaves_the_queue()
    {
        using var gate = Gate(timeoutSeconds: 0.2);
        using (await gate.WaitTurnAsync(CancellationToken.None))
        {
            var refused = await Should.ThrowAsync<WriteQueueTimeout>(() => gate.WaitTurnAsync(CancellationToken.None));
            refused.RetryAfterSeconds.ShouldBeGreaterThanOrEqualTo(1);
            gate.QueueLength.ShouldBe(0);
        }
        using var next = await gate.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancelled_writer_leaves_the_queue_and_the_next_one_is_served()
    {
        using var gate = Gate();
        var first = await gate.WaitTurnAsync(CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var cancelled = gate.WaitTurnAsync(gone.Token);
        var behind = gate.WaitTurnAsync(CancellationToken.None);
        gate.QueueLength.ShouldBe(2);

        await gone.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        gate.QueueLength.ShouldBe(1);
        first.Dispose();
        using var turn = await behind.WaitAsync(TimeSpan.FromSeconds(5));
        gate.QueueLength.ShouldBe(0);
    }

    [Fact]
    public async Task Disposing_a_turn_twice_lets_only_one_writer_in()
    {
        using var gate = Gate();
        var first = await gate.WaitTurnAsync(CancellationToken.None);
        var second = gate.WaitTurnAsync(CancellationToken.None);
        var third = gate.WaitTurnAsync(CancellationToken.None);
        first.Dispose();
        first.Dispose();
        using var turn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        third.IsCompleted.ShouldBeFalse();
        gate.QueueLength.ShouldBe(1);
    }

    [Fact]
    public async Task The_queue_length_and_waits_are_published_as_metrics()
    {
        using var gate = Gate();
        long queued = -1;
        var waits = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == gate.Meter) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "orderly.write_queue.length") queued = value;
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "orderly.write_queue.wait") Interlocked.Increment(ref waits);
        });
        listener.Start();

        var first = await gate.WaitTurnAsync(CancellationToken.None);
        var second = gate.WaitTurnAsync(CancellationToken.None);
        listener.RecordObservableInstruments();
        queued.ShouldBe(1);
        first.Dispose();
        (await second).Dispose();
        waits.ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_use_case_gives_the_turn_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chai = new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 0m);
        await database.WithAsync<ProductUseCases>(products => products.DefineAsync(chai, CancellationToken.None));
        await database.WithAsync<ProductUseCases>(products =>
            Should.ThrowAsync<BusinessRuleViolation>(() => products.DefineAsync(chai, CancellationToken.None)));

        // The refused definition ran inside the gate; had it kept the turn, this write would wait until the timeout.
        var tea = await database.WithAsync<ProductUseCases, ProductView>(products =>
            products.DefineAsync(chai with { Sku = "TEA" }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        tea.Sku.ShouldBe("TEA");
    }

    [Fact]
    public async Task A_transaction_inside_a_transaction_joins_it_without_waiting_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var count = await database.WithAsync<OrderlyDbContext, int>(db =>
            db.InTransactionAsync(() => db.InTransactionAsync(() => db.Products.CountAsync(), CancellationToken.None), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(5)));
        count.ShouldBe(0);
    }

    [Fact]
    public async Task A_second_unit_of_work_writing_inside_a_transaction_is_refused_instead_of_waiting_for_itself()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.WithAsync<OrderlyDbContext>(outer =>
            Should.ThrowAsync<InvalidOperationException>(() => outer.InTransactionAsync(() =>
                database.WithAsync<OrderlyDbContext, int>(inner => inner.InTransactionAsync(() => Task.FromResult(1), CancellationToken.None)),
                CancellationToken.None)));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        condition().ShouldBeTrue();
    }
}
