using Microsoft.EntityFrameworkCore;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;
using Orderly.Application.Sales;
using Orderly.Application.Workflow;
using Orderly.Domain.Sales;

namespace Orderly.Application.Tests.Persistence;

[Trait("RunsOn", "ItsOwnDatabase")] // upgrades SQLite databases made by earlier releases (tools/test)
public sealed class SchemaUpgradeTests
{
    /// <summary>Every migration's version, in order (numbers are handed out per branch, so one may be missing until its branch is merged).</summary>
    private static readonly List<int> Versions = SchemaMigrator.All.Select(m => m.Version).ToList();

    private static readonly Guid Warehouse = Guid.CreateVersion7(), Product = Guid.CreateVersion7(), Customer = Guid.CreateVersion7(),
        Order = Guid.CreateVersion7();

    /// <summary>Rows as the first release (schema version 3) wrote them: master data, stock with its ledger, one Draft order.</summary>
    private static string FirstReleaseData(DateOnly requested) => $"""
        INSERT INTO warehouses VALUES ('{Id(Warehouse)}', 'MAIN', 'Main', 1);
        INSERT INTO products VALUES ('{Id(Product)}', 'CHAI', 'Chai', 'case', 0, '18.0', 'EUR', '0.07', '10.0', '2026-11-01 08:00:00+00:00');
        INSERT INTO customers VALUES ('{Id(Customer)}', 'ALFKI', 'Alfreds', 'EUR', '10000.0', 30, '2026-11-01 08:00:00+00:00');
        INSERT INTO stock_levels VALUES ('{Id(Warehouse)}', 'CHAI', '12.0', '0.0');
        INSERT INTO stock_movements (warehouse_id, sku, kind, on_hand_change, reserved_change, order_id, reference, actor, at)
            VALUES ('{Id(Warehouse)}', 'CHAI', 'Receipt', '12.0', '0.0', NULL, 'opening', 'old-version', '2026-11-01 08:00:00+00:00');
        INSERT INTO number_sequences VALUES ('SO', 2026, 2);
        INSERT INTO sales_orders VALUES ('{Id(Order)}', 'SO-2026-000001', '{Id(Customer)}', 'EUR', 'Draft', NULL, '', '{requested:yyyy-MM-dd}', '',
            '0.0', '0.0', '2026-11-01 09:00:00+00:00', '2026-11-01 09:00:00+00:00', 1);
        INSERT INTO order_lines VALUES ('{Id(Order)}', 1, '{Id(Product)}', 'CHAI', 'Chai', 'case', 0, '5.0', '18.0', '18.0', '10.0', '0.07', '0.0', '0.0', '0.0');
        INSERT INTO order_history (order_id, at, actor, action, from_status, to_status, reason)
            VALUES ('{Id(Order)}', '2026-11-01 09:00:00+00:00', 'old-version', 'receive', NULL, 'Draft', 'Received with 1 line(s).');
        """;

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    [Fact]
    public async Task A_first_release_database_keeps_its_data_when_upgraded_and_the_new_features_work_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7))));

        var applied = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        applied.Select(s => s.Version).ShouldBe(Versions.Where(v => v > 3));
        var versions = await database.WithAsync<OrderlyDbContext, List<int>>(db =>
            db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_migrations ORDER BY version").ToListAsync());
        versions.ShouldBe(Versions);

        var order = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(Order, default));
        order.Number.ShouldBe("SO-2026-000001");
        order.Lines.Single().Quantity.ShouldBe(5m);
        order.TotalAmount.ShouldBe(96.30m);
        order.Priority.ShouldBe(5); // orders from before priorities existed are normal, not ahead of everyone
        (await database.WithAsync<StockUseCases, IReadOnlyList<StockView>>(s => s.QueryAsync("CHAI", null, default))).Single().OnHand.ShouldBe(12m);
        (await database.WithAsync<CustomerUseCases, IReadOnlyList<CustomerView>>(c => c.ListAsync(default))).Single().Code.ShouldBe("ALFKI");

        foreach (var command in new[] { "submit", "confirm", "reserve", "ship", "invoice" })
            await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(Order, command, new OrderCommandRequest(), null, "new-version", default));
        var after = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(Order, default));
        after.Status.ShouldBe("Invoiced");
        after.InvoicedAmount.ShouldBe(96.30m);
        (await database.WithAsync<OrderUseCases, IReadOnlyList<OrderHistoryView>>(o => o.HistoryAsync(Order, default)))
            .First().Actor.ShouldBe("old-version");
        var next = await database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest(
            [new OrderLineRequest("CHAI", 1m)], CustomerCode: "ALFKI"), "new-version", default));
        var year = DateTime.UtcNow.Year;
        next.Number.ShouldBe(year == 2026 ? "SO-2026-000002" : $"SO-{year}-000001"); // the counter is per year
    }

    /// <summary>Orders as version 4 wrote them, with order dates that tie, carry a fraction, or (by hand) another offset.</summary>
    private static string VersionFourOrders(string customer) => string.Join("\n", new[]
    {
        ("SO-2026-000011", "Confirmed", "2026-11-02 10:00:00+00:00"), ("SO-2026-000012", "Draft", "2026-11-02 10:00:00+00:00"),
        ("SO-2026-000013", "Confirmed", "2026-11-02 10:00:00.25+00:00"), ("SO-2026-000014", "Draft", "2026-11-03 01:30:00+02:00"),
    }.Select(o => $"""
        INSERT INTO sales_orders (id, number, customer_id, currency, status, hold_reason, hold_note, requested_date, note, invoiced_amount,
            paid_amount, received_at, updated_at, version, priority)
            VALUES ('{Id(Guid.CreateVersion7())}', '{o.Item1}', '{customer}', 'EUR', '{o.Item2}', NULL, '', NULL, '', '0.0', '0.0', '{o.Item3}', '{o.Item3}', 1, 5);
        """));

    [Fact]
    public async Task A_version_four_book_gets_its_order_dates_sortable_and_lists_by_them_after_the_upgrade()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7))));
        await database.WithAsync<OrderlyDbContext>(db => Task.FromResult(new SchemaMigrator(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).Migrate(4)));
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(VersionFourOrders(Id(Customer))));

        var applied = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        applied.ShouldContain(s => s.Name == "0005_order_book_indexes");
        var all = await database.WithAsync<OrderList, OrderPage>(l => l.ListAsync(new OrderListQuery(PageSize: 2), default));
        var rest = await database.WithAsync<OrderList, OrderPage>(l => l.ListAsync(new OrderListQuery(PageSize: 10, Cursor: all.NextCursor), default));
        // 000014 was received at 2026-11-02 23:30 UTC; ties at 10:00 go by number, newest first
        all.Items.Concat(rest.Items).Select(o => o.Number)
            .ShouldBe(["SO-2026-000014", "SO-2026-000013", "SO-2026-000012", "SO-2026-000011", "SO-2026-000001"]);
        var day = await database.WithAsync<OrderList, OrderPage>(l => l.ListAsync(new OrderListQuery(From: "2026-11-02", To: "2026-11-02"), default));
        day.Items.Select(o => o.Number).ShouldBe(["SO-2026-000014", "SO-2026-000013", "SO-2026-000012", "SO-2026-000011"]);
        var confirmed = await database.WithAsync<OrderList, OrderPage>(l => l.ListAsync(
            new OrderListQuery(Status: "confirmed", CustomerId: Customer, IncludeTotal: true), default));
        confirmed.TotalCount.ShouldBe(2);
        confirmed.Items.Select(o => o.Number).ShouldBe(["SO-2026-000013", "SO-2026-000011"]);
        (await database.WithAsync<StockUseCases, IReadOnlyList<StockView>>(s => s.QueryAsync("CHAI", null, default))).Single().OnHand.ShouldBe(12m);
    }

    /// <summary>Two confirmed orders of 5 CHAI as version 3 wrote them: one went through a reservation that found nothing, one did not.</summary>
    private static string ConfirmedOrders(Guid tried, Guid untried) => string.Join("\n", new[] { (tried, "000021", true), (untried, "000022", false) }
        .Select(o => $"""
            INSERT INTO sales_orders VALUES ('{Id(o.Item1)}', 'SO-2026-{o.Item2}', '{Id(Customer)}', 'EUR', 'Confirmed', NULL, '', NULL, '',
                '0.0', '0.0', '2026-11-01 09:00:00+00:00', '2026-11-01 09:00:00+00:00', 3);
            INSERT INTO order_lines VALUES ('{Id(o.Item1)}', 1, '{Id(Product)}', 'CHAI', 'Chai', 'case', 0, '5.0', '18.0', '18.0', '10.0', '0.07', '0.0', '0.0', '0.0');
            """ + (o.Item3 ? $"""
            INSERT INTO order_history (order_id, at, actor, action, from_status, to_status, reason)
                VALUES ('{Id(o.Item1)}', '2026-11-01 10:00:00+00:00', 'old-version', 'reserve', 'Confirmed', 'Confirmed', 'Reserved 0 in 0 allocation(s).');
            """ : "")));

    [Fact]
    public async Task After_the_upgrade_a_line_that_went_through_a_reservation_is_backordered_and_one_that_did_not_is_not_yet_reserved()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        var (tried, untried) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var rows = FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)) + ConfirmedOrders(tried, untried);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(rows));

        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        var triedLine = (await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(tried, default))).Lines.Single();
        var untriedLine = (await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(untried, default))).Lines.Single();
        (triedLine.NotYetReservedQuantity, triedLine.BackorderedQuantity).ShouldBe((0m, 5m));
        (untriedLine.NotYetReservedQuantity, untriedLine.BackorderedQuantity).ShouldBe((5m, 0m));
    }

    [Fact]
    public async Task The_upgrade_counts_the_orders_of_each_status_once_and_later_saves_keep_the_counts()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        var rows = FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)) + ConfirmedOrders(Guid.CreateVersion7(), Guid.CreateVersion7());
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(rows));

        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        var counted = await database.WithAsync<OrderlyDbContext, IReadOnlyDictionary<OrderStatus, long>>(db => Task.FromResult(OrdersByStatus.Read(db)));
        (counted[OrderStatus.Draft], counted[OrderStatus.Confirmed], counted.Values.Sum()).ShouldBe((1, 2, 3));
        await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(Order, "submit", new OrderCommandRequest(), null, "new-version", default));
        var after = await database.WithAsync<OrderlyDbContext, IReadOnlyDictionary<OrderStatus, long>>(db => Task.FromResult(OrdersByStatus.Read(db)));
        (after[OrderStatus.Draft], after[OrderStatus.Approved], after[OrderStatus.Confirmed]).ShouldBe((0, 1, 2));
    }

    [Fact]
    public async Task Lines_waiting_before_the_upgrade_are_in_the_backorder_queue_after_it_and_arriving_goods_serve_them()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var rows = FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)) + ConfirmedOrders(first, second);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(rows));

        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        var queue = await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync(null, null, null, default));
        queue.Items.Select(b => (b.OrderNumber, b.Waiting)).ShouldBe([("SO-2026-000021", 5m), ("SO-2026-000022", 5m)]); // the draft waits for nothing
        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 5), "tester", default));
        // 12 on hand from before and 5 arrived: both are served
        foreach (var order in new[] { first, second })
            (await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(order, default))).Lines.Single().ReservedQuantity.ShouldBe(5m);
        (await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync(null, null, null, default))).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_approved_order_saved_before_credit_exposure_was_kept_counts_against_the_limit_after_the_upgrade()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7))));
        await database.WithAsync<OrderlyDbContext>(db => Task.FromResult(new SchemaMigrator(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).Migrate(8)));
        // the old order (5 × 18.00 + 7 % = 96.30) was approved by the old version; the limit leaves room for 53.70 more
        var order = Id(Order);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlAsync(
            $"UPDATE sales_orders SET status = 'Approved' WHERE id = {order}; UPDATE customers SET credit_limit = '150.0';"));
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));

        var held = await PlaceAndSubmitAsync(database, 4m); // 77.04 more: 173.34 against 150
        held.Status.ShouldBe("OnHold");
        held.HoldReason.ShouldBe("Credit");

        // the old order's part was stored when the customer was counted, so cancelling it takes exactly that off
        await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(Order, "cancel", new OrderCommandRequest(Reason: "customer withdrew"),
            null, "new-version", default));
        var approved = await PlaceAndSubmitAsync(database, 4m);
        approved.Status.ShouldBe("Approved");
        var credit = await database.WithAsync<OrderlyDbContext, CustomerCredit>(db => db.CustomerCredits.AsNoTracking().SingleAsync());
        credit.OpenOrdersAmount.ShouldBe(77.04m);
    }

    [Fact]
    public async Task An_order_saved_before_the_workflow_gets_its_next_step_from_the_backfill_once()
    {
        await using var database = await TestDatabase.CreateAsync(version: 3);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlRawAsync(FirstReleaseData(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7))));
        await database.WithAsync<OrderlyDbContext>(db => Task.FromResult(new SchemaMigrator(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).Migrate(17)));
        var order = Id(Order);
        await database.WithAsync<OrderlyDbContext>(db => db.Database.ExecuteSqlAsync($"UPDATE sales_orders SET status = 'Approved' WHERE id = {order}"));
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        (await database.WithAsync<OrderlyDbContext, int>(db => db.WorkBackfillQueue.CountAsync())).ShouldBe(1);

        var first = await database.WithAsync<SlaWatch, SlaWatchReport>(w => w.RunAsync(default));
        var again = await database.WithAsync<SlaWatch, SlaWatchReport>(w => w.RunAsync(default));

        (first.Backfilled, again.Backfilled).ShouldBe((1, 0));
        var work = await database.WithAsync<OrderWork, OrderWorkView>(w => w.OfAsync(Order, default));
        (work.NextStep!.Step, work.NextStep.Department, work.Open.Count).ShouldBe(("confirm-with-customer", "sales", 1));
        var queue = await database.WithAsync<OrderlyDbContext, WorkQueueCount>(db => db.WorkQueueCounts.AsNoTracking().SingleAsync());
        (queue.Department, queue.OpenItems).ShouldBe(("sales", 1L));
    }

    private static async Task<OrderView> PlaceAndSubmitAsync(TestDatabase database, decimal quantity)
    {
        var placed = await database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest(
            [new OrderLineRequest("CHAI", quantity)], CustomerCode: "ALFKI", RequestedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)),
            "new-version", default));
        return await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(placed.Id, "submit", new OrderCommandRequest(), null,
            "new-version", default));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        var again = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        again.ShouldBeEmpty();
    }
}
